package dev.cardgate.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.metrics.StageLatency;

/**
 * The last stage: hands each decided request to its {@link
 * dev.cardgate.engine.event.DecisionListener}, then frees the batch's slots.
 *
 * <p>Threading: runs on the reply thread (or on the single pipeline thread). At the end of each
 * batch it first advances its own sequence (so the ring may reuse the slots) and then returns
 * the batch's permits to the {@link AdmissionGate}; that order is what lets a producer that
 * holds a permit claim a slot without waiting. A listener that throws still has its slot freed
 * (the failure handler counts it). Each answer is counted (by reason and field 39) and its
 * round trip, from the claim of its slot to the return of its listener, recorded. No allocation.
 */
public final class ReplyHandler implements EventHandler<AuthorizationEvent> {
    private final AdmissionGate admissionGate;
    private final EngineCounters counters;
    private final StageLatency roundTrip;
    private Sequence sequenceCallback;
    private long answeredInBatch;

    public ReplyHandler(final AdmissionGate admissionGate, final EngineCounters counters) {
        this.admissionGate = admissionGate;
        this.counters = counters;
        this.roundTrip = counters.latency().roundTrip();
    }

    /**
     * A listener that throws (or was never set): the answer could not be delivered, so it is
     * counted; the slot is freed by this handler all the same.
     */
    static StageFailureAnswer failureAnswer(final EngineCounters counters) {
        return event -> counters.recordListenerFailure();
    }

    @Override
    public void setSequenceCallback(final Sequence sequenceCallback) {
        this.sequenceCallback = sequenceCallback;
    }

    @Override
    public void onEvent(final AuthorizationEvent event, final long sequence, final boolean endOfBatch) {
        answeredInBatch++;
        try {
            counters.recordAnswered(event);
            event.listener().onDecision(event);
            roundTrip.record(System.nanoTime() - event.claimNanos());
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
