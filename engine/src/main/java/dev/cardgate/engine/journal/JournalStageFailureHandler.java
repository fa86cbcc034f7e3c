package dev.cardgate.engine.journal;

import com.lmax.disruptor.ExceptionHandler;

import dev.cardgate.engine.counters.ComponentCounters;
import dev.cardgate.engine.counters.CounterRegistry;
import dev.cardgate.engine.decision.EngineRules;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionReason;
import dev.cardgate.engine.pipeline.DistinctFailureLog;
import dev.cardgate.engine.pipeline.PipelineCounter;

/**
 * What happens when the journal stage throws on an event (a bug: I/O failures are handled
 * inside the stage): the event's record cannot be trusted, so an approval is answered 96; the
 * failure is counted and logged once per kind. Never throws.
 */
final class JournalStageFailureHandler implements ExceptionHandler<AuthorizationEvent> {
    private final ComponentCounters<JournalCounter> counters;
    private final ComponentCounters<PipelineCounter> pipelineCounters;
    private final DistinctFailureLog failureLog;

    JournalStageFailureHandler(final CounterRegistry counters, final DistinctFailureLog failureLog) {
        this.counters = counters.component(JournalCounter.class);
        this.pipelineCounters = counters.component(PipelineCounter.class);
        this.failureLog = failureLog;
    }

    @Override
    public void handleEventException(final Throwable failure, final long sequence, final AuthorizationEvent event) {
        if (event != null && event.approved()) {
            event.decline(DecisionReason.JOURNAL_FAILURE, EngineRules.JOURNAL_FAILURE, event.decisionTimeEpochMillis());
            counters.increment(JournalCounter.APPROVALS_WITHHELD);
        }
        pipelineCounters.increment(PipelineCounter.STAGE_FAILURES);
        failureLog.record("journal", failure);
    }

    @Override
    public void handleOnStartException(final Throwable failure) {
        failureLog.record("journal start", failure);
    }

    @Override
    public void handleOnShutdownException(final Throwable failure) {
        failureLog.record("journal shutdown", failure);
    }
}
