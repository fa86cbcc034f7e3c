package dev.cardgate.engine.pipeline;

import java.util.List;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;

import dev.cardgate.engine.event.AuthorizationEvent;

/**
 * The {@link dev.cardgate.engine.config.ThreadLayout#SINGLE_THREAD} layout: every stage runs on
 * one thread, in order; the last stage is the reply.
 *
 * <p>When no stage makes its batch durable at the end of the batch, each event is passed through
 * every stage in turn. When one does (the journal, {@link PipelineStage#answersWaitForEndOfBatch}),
 * the batch's events go through the stages before the reply one by one, and are answered only
 * after those stages have seen the end of the batch (where the journal syncs, with
 * ack-after-sync): the same order as with one thread per stage, so that no answer leaves before
 * its record is durable. The slots stay valid until then because the processor's sequence
 * advances only at the end of the batch.
 *
 * <p>A failure of any stage goes to that stage's {@link StageFailureHandler} and the event goes
 * on (the reply handler frees the slots either way). No allocation.
 */
final class SingleThreadStages implements EventHandler<AuthorizationEvent> {
    private final PipelineStage[] stages;
    private final StageFailureHandler[] failureHandlers;
    private final int replyIndex;
    private final AuthorizationEvent[] batchEvents;
    private final long[] batchSequences;
    private int batchCount;

    /** @param stages every stage, the reply last */
    SingleThreadStages(final List<PipelineStage> stages, final DistinctFailureLog failureLog, final int ringSize) {
        this.stages = stages.toArray(new PipelineStage[0]);
        this.failureHandlers = new StageFailureHandler[stages.size()];
        boolean holdAnswers = false;
        for (int i = 0; i < stages.size(); i++) {
            final PipelineStage stage = stages.get(i);
            this.failureHandlers[i] = new StageFailureHandler(stage.name(), stage.failureAnswer(), failureLog);
            holdAnswers |= stage.answersWaitForEndOfBatch();
        }
        this.replyIndex = stages.size() - 1;
        this.batchEvents = new AuthorizationEvent[holdAnswers ? ringSize : 0];
        this.batchSequences = new long[batchEvents.length];
    }

    /** The reply stage's handler, for a failure that escapes to the processor. */
    StageFailureHandler lastStageFailureHandler() {
        return failureHandlers[replyIndex];
    }

    @Override
    public void setSequenceCallback(final Sequence sequenceCallback) {
        stages[replyIndex].handler().setSequenceCallback(sequenceCallback);
    }

    @Override
    public void onBatchStart(final long batchSize, final long queueDepth) {
        for (final PipelineStage stage : stages) {
            stage.handler().onBatchStart(batchSize, queueDepth);
        }
    }

    @Override
    public void onStart() {
        for (final PipelineStage stage : stages) {
            stage.handler().onStart();
        }
    }

    @Override
    public void onShutdown() {
        for (final PipelineStage stage : stages) {
            stage.handler().onShutdown();
        }
    }

    @Override
    public void onEvent(final AuthorizationEvent event, final long sequence, final boolean endOfBatch) {
        for (int i = 0; i < replyIndex; i++) {
            runStage(i, event, sequence, endOfBatch);
        }
        if (batchEvents.length == 0) {
            runStage(replyIndex, event, sequence, endOfBatch);
            return;
        }
        batchEvents[batchCount] = event;
        batchSequences[batchCount] = sequence;
        batchCount++;
        if (endOfBatch || batchCount == batchEvents.length) {
            answerBatch();
        }
    }

    private void runStage(final int index, final AuthorizationEvent event, final long sequence,
        final boolean endOfBatch) {
        try {
            stages[index].handler().onEvent(event, sequence, endOfBatch);
        }
        catch (final Throwable failure) {
            failureHandlers[index].handleEventException(failure, sequence, event);
        }
    }

    private void answerBatch() {
        final int count = batchCount;
        batchCount = 0;
        for (int i = 0; i < count; i++) {
            final AuthorizationEvent event = batchEvents[i];
            batchEvents[i] = null;
            runStage(replyIndex, event, batchSequences[i], i == count - 1);
        }
    }
}
