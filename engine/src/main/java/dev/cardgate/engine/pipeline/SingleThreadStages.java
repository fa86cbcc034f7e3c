package dev.cardgate.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.Sequence;

import dev.cardgate.engine.event.AuthorizationEvent;

/**
 * The {@link dev.cardgate.engine.config.ThreadLayout#SINGLE_THREAD} layout: the decision stage,
 * the journal stage (when there is one) and the reply stage run on one thread.
 *
 * <p>Without a journal each event is decided and answered in turn. With a journal, the batch's
 * events are decided and journaled one by one, and answered only after the journal stage has
 * seen the end of the batch (where it syncs, with ack-after-sync): the same order as with one
 * thread per stage, so that no answer leaves before its record is durable. The slots stay
 * valid until then because the processor's sequence advances only at the end of the batch.
 *
 * <p>A failure of the decision or journal stage is handed to that stage's failure handler
 * (which answers 96) and the event still goes on. A failure of the reply stage propagates to the
 * processor's handler without a journal; with one, it goes to the reply failure handler so that
 * the rest of the batch is still answered (the reply handler frees the slots either way). No
 * allocation.
 */
final class SingleThreadStages implements EventHandler<AuthorizationEvent> {
    private final EventHandler<AuthorizationEvent> decisionStage;
    private final ExceptionHandler<AuthorizationEvent> decisionFailureHandler;
    private final EventHandler<AuthorizationEvent> journalStage;
    private final ExceptionHandler<AuthorizationEvent> journalFailureHandler;
    private final ReplyHandler replyStage;
    private final ExceptionHandler<AuthorizationEvent> replyFailureHandler;
    private final AuthorizationEvent[] batchEvents;
    private final long[] batchSequences;
    private int batchCount;

    SingleThreadStages(final EventHandler<AuthorizationEvent> decisionStage,
        final ExceptionHandler<AuthorizationEvent> decisionFailureHandler,
        final EventHandler<AuthorizationEvent> journalStage,
        final ExceptionHandler<AuthorizationEvent> journalFailureHandler, final ReplyHandler replyStage,
        final ExceptionHandler<AuthorizationEvent> replyFailureHandler, final int ringSize) {
        this.decisionStage = decisionStage;
        this.decisionFailureHandler = decisionFailureHandler;
        this.journalStage = journalStage;
        this.journalFailureHandler = journalFailureHandler;
        this.replyStage = replyStage;
        this.replyFailureHandler = replyFailureHandler;
        this.batchEvents = new AuthorizationEvent[journalStage == null ? 0 : ringSize];
        this.batchSequences = new long[batchEvents.length];
    }

    @Override
    public void setSequenceCallback(final Sequence sequenceCallback) {
        replyStage.setSequenceCallback(sequenceCallback);
    }

    @Override
    public void onBatchStart(final long batchSize, final long queueDepth) {
        decisionStage.onBatchStart(batchSize, queueDepth);
        if (journalStage != null) {
            journalStage.onBatchStart(batchSize, queueDepth);
        }
        replyStage.onBatchStart(batchSize, queueDepth);
    }

    @Override
    public void onStart() {
        decisionStage.onStart();
        if (journalStage != null) {
            journalStage.onStart();
        }
        replyStage.onStart();
    }

    @Override
    public void onShutdown() {
        decisionStage.onShutdown();
        if (journalStage != null) {
            journalStage.onShutdown();
        }
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
        if (journalStage == null) {
            replyStage.onEvent(event, sequence, endOfBatch);
            return;
        }
        try {
            journalStage.onEvent(event, sequence, endOfBatch);
        }
        catch (final Throwable failure) {
            journalFailureHandler.handleEventException(failure, sequence, event);
        }
        batchEvents[batchCount] = event;
        batchSequences[batchCount] = sequence;
        batchCount++;
        if (endOfBatch || batchCount == batchEvents.length) {
            answerBatch();
        }
    }

    private void answerBatch() {
        final int count = batchCount;
        batchCount = 0;
        for (int i = 0; i < count; i++) {
            final AuthorizationEvent event = batchEvents[i];
            batchEvents[i] = null;
            try {
                replyStage.onEvent(event, batchSequences[i], i == count - 1);
            }
            catch (final Throwable failure) {
                replyFailureHandler.handleEventException(failure, batchSequences[i], event);
            }
        }
    }
}
