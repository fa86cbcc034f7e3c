package dev.cardgate.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;

import dev.cardgate.engine.counters.ComponentCounters;
import dev.cardgate.engine.counters.CounterRegistry;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.counters.StageLatency;
import dev.cardgate.engine.event.AuthorizationSlotDescriptor;
import dev.cardgate.engine.upstream.OutcomeKind;
import dev.cardgate.engine.upstream.UpstreamFlow;
import dev.cardgate.engine.upstream.UpstreamLink;
import dev.cardgate.engine.upstream.UpstreamOutcome;

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
 *
 * <p>With an upstream link: a forwarded approval is handed to {@link UpstreamLink#forward} instead
 * of its listener, keeps its permit (its outcome re-enters the ring on it) and has its slot freed at
 * once, since the link has copied it and its outcome may need the slot; when the link does not take
 * it, its outcome is {@link UpstreamOutcome#LINK_LOST} at once. A late approval's outcome answers
 * no one (the terminal had its answer at the timeout).
 */
public final class ReplyHandler implements EventHandler<AuthorizationEvent> {
    private final AdmissionGate admissionGate;
    private final AnswerCounters counters;
    private static final int FORWARDED = OutcomeKind.FORWARDED.ordinal();
    private static final int LINK_LOST = UpstreamFlow.upstreamEventOf(UpstreamOutcome.LINK_LOST);

    private final StageLatency roundTrip;
    private final UpstreamLink link;
    private final OutcomePublisher outcomes;
    // a request the link did not take, kept while its slot is freed and its outcome claims one
    private final AuthorizationEvent notTaken = new AuthorizationEvent();
    private Sequence sequenceCallback;
    private long answeredInBatch;

    /** Publishes an outcome for a forwarded request into the ring, on the permit it holds. */
    @FunctionalInterface
    interface OutcomePublisher {
        void publish(AuthorizationEvent forwarded, int upstreamEvent, int networkResponseCode, long authorizationId);
    }

    public ReplyHandler(final AdmissionGate admissionGate, final CounterRegistry counters) {
        this(admissionGate, counters, null, null);
    }

    /** @param link the upstream link forwarded approvals go to; null without one */
    ReplyHandler(final AdmissionGate admissionGate, final CounterRegistry counters, final UpstreamLink link,
        final OutcomePublisher outcomes) {
        this.admissionGate = admissionGate;
        this.counters = new AnswerCounters(counters);
        this.roundTrip = counters.latency().roundTrip();
        this.link = link;
        this.outcomes = outcomes;
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
        if (link != null && event.outcomeKindOrdinal() == FORWARDED && event.approved()) {
            try {
                forward(event, sequence);
            }
            finally {
                if (endOfBatch) {
                    endBatch(sequence);
                }
            }
            return;
        }
        answeredInBatch++;
        try {
            if (event.upstreamEvent() == AuthorizationSlotDescriptor.UPSTREAM_EVENT_LATE_APPROVAL) {
                return;
            }
            counters.record(event);
            event.listener().onDecision(event);
            roundTrip.record(System.nanoTime() - event.claimNanos());
        }
        finally {
            if (endOfBatch) {
                endBatch(sequence);
            }
        }
    }

    // the slot is freed once the link has copied it (or, when it did not take it, once copied
    // here): its outcome may need a slot, and this thread must not wait for its own progress
    private void forward(final AuthorizationEvent event, final long sequence) {
        if (link.forward(event)) {
            sequenceCallback.set(sequence);
            return;
        }
        notTaken.copyFrom(event);
        sequenceCallback.set(sequence);
        outcomes.publish(notTaken, LINK_LOST, -1, AuthorizationEvent.NO_AUTHORIZATION_ID);
    }

    private void endBatch(final long sequence) {
        sequenceCallback.set(sequence);
        admissionGate.release(answeredInBatch);
        answeredInBatch = 0;
    }
}
