package dev.cardgate.engine.pipeline;

import com.lmax.disruptor.ExceptionHandler;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.counters.ComponentCounters;
import dev.cardgate.engine.counters.CounterRegistry;

/**
 * What happens when a listener throws (or was never set) while being told a decision: the
 * answer could not be delivered, so the failure is counted and logged once per distinct kind,
 * and the reply stage goes on with the next request. The slot is freed by the reply handler.
 *
 * <p>Threading: the reply thread. Never throws.
 */
public final class ReplyFailureHandler implements ExceptionHandler<AuthorizationEvent> {
    private final ComponentCounters<PipelineCounter> counters;
    private final DistinctFailureLog failureLog;

    public ReplyFailureHandler(final CounterRegistry counters, final DistinctFailureLog failureLog) {
        this.counters = counters.component(PipelineCounter.class);
        this.failureLog = failureLog;
    }

    @Override
    public void handleEventException(final Throwable failure, final long sequence, final AuthorizationEvent event) {
        counters.increment(PipelineCounter.LISTENER_FAILURES);
        failureLog.record("reply", failure);
    }

    @Override
    public void handleOnStartException(final Throwable failure) {
        failureLog.record("reply start", failure);
    }

    @Override
    public void handleOnShutdownException(final Throwable failure) {
        failureLog.record("reply shutdown", failure);
    }
}
