package dev.cardgate.engine.upstream;

import dev.cardgate.engine.event.AuthorizationEvent;

/**
 * How the link reports back to the engine. Implemented by the engine, which publishes each
 * outcome into the ring so that the decision thread (the only writer of risk state) learns it,
 * the journal records it and the terminal is answered.
 *
 * <p>Threading: called on the link's threads, at most once per forwarded request or stored
 * message; must not block for long. The events passed in are the link's own and valid only
 * during the call.
 */
public interface UpstreamListener {
    /**
     * The fate of a forwarded request. {@code forwarded} is the link's copy of the event given to
     * {@link UpstreamLink#forward} (slot, request bytes, listener, correlation id, attachment as
     * they were).
     *
     * @param responseCode    the network's field 39 (0 to 99) when {@link UpstreamOutcome#ANSWERED}, else -1
     * @param authorizationId the network's field 38 as {@link dev.cardgate.engine.event.AuthorizationIds}
     *                        keeps it, or {@link AuthorizationEvent#NO_AUTHORIZATION_ID}
     */
    void forwardedOutcome(AuthorizationEvent forwarded, UpstreamOutcome outcome, int responseCode, long authorizationId);

    /**
     * An approval arrived for a request already given up as {@link UpstreamOutcome#TIMED_OUT}: the
     * engine queues its reversal. {@code forwarded} is the link's copy of the original request.
     */
    void lateApproval(AuthorizationEvent forwarded, long authorizationId);

    /** The network answered stored message {@code storedId} (an advice or reversal response). */
    void storedAnswered(long storedId, int responseCode);

    /** Stored message {@code storedId} got no answer in time: it stays queued, sent again as a repeat. */
    void storedUnanswered(long storedId);

    /** The link's state changed (for the log, counters and {@code /health}). */
    void stateChanged(LinkState previous, LinkState current);
}
