package dev.cardgate.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;

import dev.cardgate.engine.counters.ComponentCounters;
import dev.cardgate.engine.counters.CounterRegistry;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.counters.StageLatency;

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
    private final AnswerCounters counters;
    private final StageLatency roundTrip;
    private Sequence sequenceCallback;
    private long answeredInBatch;

    public ReplyHandler(final AdmissionGate admissionGate, final CounterRegistry counters) {
        this.admissionGate = admissionGate;
        this.counters = new AnswerCounters(counters);
        this.roundTrip = counters.latency().roundTrip();
    }

    /**
     * A listener that throws (or was never set): the answer could not be delivered, so it is
     * counted; the slot is freed by this handler all the same.
     */
    static StageFailureAnswer failureAnswer(final CounterRegistry counters) {
        final ComponentCounters<PipelineCounter> pipeline = counters.component(PipelineCounter.class);
        return event -> pipeline.increment(PipelineCounter.LISTENER_FAILURES);
    }

    @Override
    public void setSequenceCallback(final Sequence sequenceCallback) {
        this.sequenceCallback = sequenceCallback;
    }

    @Override
    public void onEvent(final AuthorizationEvent event, final long sequence, final boolean endOfBatch) {
        answeredInBatch++;
        try {
            counters.record(event);
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
