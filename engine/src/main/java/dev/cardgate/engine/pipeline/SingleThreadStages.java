package dev.cardgate.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.Sequence;

import dev.cardgate.engine.event.AuthorizationEvent;

/**
 * The {@link dev.cardgate.engine.config.ThreadLayout#SINGLE_THREAD} layout: the decision stage
 * and the reply stage run one after the other on one thread, per event.
 *
 * <p>A failure of the decision stage is handed to that stage's failure handler here (which
 * answers 96) and the event still goes on to the reply stage, exactly as with one thread per
 * stage; a failure of the reply stage propagates to the processor's handler. No allocation.
 */
final class SingleThreadStages implements EventHandler<AuthorizationEvent> {
    private final EventHandler<AuthorizationEvent> decisionStage;
    private final ExceptionHandler<AuthorizationEvent> decisionFailureHandler;
    private final ReplyHandler replyStage;

    SingleThreadStages(final EventHandler<AuthorizationEvent> decisionStage,
        final ExceptionHandler<AuthorizationEvent> decisionFailureHandler, final ReplyHandler replyStage) {
        this.decisionStage = decisionStage;
        this.decisionFailureHandler = decisionFailureHandler;
        this.replyStage = replyStage;
    }

    @Override
    public void setSequenceCallback(final Sequence sequenceCallback) {
        replyStage.setSequenceCallback(sequenceCallback);
    }

    @Override
    public void onBatchStart(final long batchSize, final long queueDepth) {
        decisionStage.onBatchStart(batchSize, queueDepth);
        replyStage.onBatchStart(batchSize, queueDepth);
    }

    @Override
    public void onStart() {
        decisionStage.onStart();
        replyStage.onStart();
    }

    @Override
    public void onShutdown() {
        decisionStage.onShutdown();
        replyStage.onShutdown();
    }

    @Override
    public void onEvent(final AuthorizationEvent event, final long sequence, final boolean endOfBatch) {
        try {
            decisionStage.onEvent(event, sequence, endOfBatch);
        }
        catch (final Throwable failure) {
            decisionFailureHandler.handleEventException(failure, sequence, event);
        }
        replyStage.onEvent(event, sequence, endOfBatch);
    }
}
