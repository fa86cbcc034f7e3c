package dev.cardgate.engine.pipeline;

import com.lmax.disruptor.ExceptionHandler;

import dev.cardgate.engine.event.AuthorizationEvent;

/**
 * The one failure handler of every stage, parameterised by the stage's name and its {@link
 * StageFailureAnswer}: when the stage throws on a request (a corrupt map entry, a closed file, a
 * bug), the request gets the stage's answer, the failure is logged once per distinct kind with
 * its cause (and counted there), and the stage goes on with the next request.
 *
 * <p>Threading: the failed stage's thread. Never throws, so that thread never dies of it.
 */
public final class StageFailureHandler implements ExceptionHandler<AuthorizationEvent> {
    private final String stage;
    private final StageFailureAnswer answer;
    private final DistinctFailureLog failureLog;

    public StageFailureHandler(final String stage, final StageFailureAnswer answer,
        final DistinctFailureLog failureLog) {
        this.stage = stage;
        this.answer = answer;
        this.failureLog = failureLog;
    }

    @Override
    public void handleEventException(final Throwable failure, final long sequence, final AuthorizationEvent event) {
        answer.answer(event);
        failureLog.record(stage, failure);
    }

    @Override
    public void handleOnStartException(final Throwable failure) {
        failureLog.record(stage + " start", failure);
    }

    @Override
    public void handleOnShutdownException(final Throwable failure) {
        failureLog.record(stage + " shutdown", failure);
    }
}
