package dev.cardgate.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;

import dev.cardgate.engine.event.AuthorizationEvent;

/**
 * The last stage: hands each decided request to its {@link
 * dev.cardgate.engine.event.DecisionListener}, then frees the batch's slots.
 *
 * <p>Threading: runs on the reply thread (or on the single pipeline thread). At the end of each
 * batch it first advances its own sequence (so the ring may reuse the slots) and then returns
 * the batch's permits to the {@link AdmissionGate}; that order is what lets a producer that
 * holds a permit claim a slot without waiting. A listener that throws still has its slot freed
 * (the failure handler counts it). No allocation.
 */
public final class ReplyHandler implements EventHandler<AuthorizationEvent> {
    private final AdmissionGate admissionGate;
    private Sequence sequenceCallback;
    private long answeredInBatch;

    public ReplyHandler(final AdmissionGate admissionGate) {
        this.admissionGate = admissionGate;
    }

    @Override
    public void setSequenceCallback(final Sequence sequenceCallback) {
        this.sequenceCallback = sequenceCallback;
    }

    @Override
    public void onEvent(final AuthorizationEvent event, final long sequence, final boolean endOfBatch) {
        answeredInBatch++;
        try {
            event.listener().onDecision(event);
        }
        finally {
            if (endOfBatch) {
                sequenceCallback.set(sequence);
                admissionGate.release(answeredInBatch);
                answeredInBatch = 0;
            }
        }
    }
}
