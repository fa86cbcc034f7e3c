package dev.cardgate.engine.decision;

import org.agrona.concurrent.EpochClock;

import com.lmax.disruptor.ExceptionHandler;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionReason;
import dev.cardgate.engine.pipeline.DistinctFailureLog;
import dev.cardgate.engine.counters.ComponentCounters;
import dev.cardgate.engine.counters.CounterRegistry;
import dev.cardgate.engine.pipeline.PipelineCounter;

/**
 * What happens when deciding one request fails (a corrupt map entry, a bug): the request is
 * answered 96, system malfunction, by writing that decision into its event, so that the later
 * stages journal and answer it as any other; the failure is counted and logged once per
 * distinct kind; and the pipeline goes on with the next request.
 *
 * <p>Threading: runs on the thread of the stage that failed. Never throws, so the stage's
 * thread never dies of it.
 */
public final class DecisionFailureHandler implements ExceptionHandler<AuthorizationEvent> {
    private final EpochClock clock;
    private final ComponentCounters<PipelineCounter> counters;
    private final DistinctFailureLog failureLog;

    public DecisionFailureHandler(final EpochClock clock, final CounterRegistry counters,
        final DistinctFailureLog failureLog) {
        this.clock = clock;
        this.counters = counters.component(PipelineCounter.class);
        this.failureLog = failureLog;
    }

    @Override
    public void handleEventException(final Throwable failure, final long sequence, final AuthorizationEvent event) {
        if (event != null) {
            event.decline(DecisionReason.SYSTEM_MALFUNCTION, EngineRules.STAGE_FAILURE, clock.time());
        }
        counters.increment(PipelineCounter.STAGE_FAILURES);
        failureLog.record("decision", failure);
    }

    @Override
    public void handleOnStartException(final Throwable failure) {
        failureLog.record("decision start", failure);
    }

    @Override
    public void handleOnShutdownException(final Throwable failure) {
        failureLog.record("decision shutdown", failure);
    }
}
