package dev.cardgate.engine.upstream;

import dev.cardgate.engine.event.AuthorizationEvent;

/**
 * The link to the card network, as the engine uses it. The engine forwards a request that
 * passed every local check and is told the outcome through the {@link UpstreamListener} given to
 * {@link #start}; it never waits for the network.
 *
 * <p>Threading and allocation: {@link #state()} may be called from any thread (a volatile
 * read). {@link #forward} and {@link #sendStored} are called by one pipeline thread at a time,
 * never block and allocate nothing in steady state: the link copies what it needs of the event
 * (the slot, the request's bytes, its listener, correlation id and attachment) into an entry of
 * its own, preallocated, and encodes toward the network on its own threads. The event passed in
 * is reused by the ring as soon as the call returns.
 */
public interface UpstreamLink extends AutoCloseable {
    /** Connects to the configured endpoints; outcomes and acknowledgements go to {@code listener}. */
    void start(UpstreamListener listener);

    /** Whether a request would be forwarded now. */
    LinkState state();

    /**
     * Takes a request that passed the local checks (its slot holds the local decision) to send to
     * the network with the link's own field 11 and 37, mapped back on the answer.
     *
     * @return false when it cannot be taken now (the link is not {@link LinkState#UP} or its table
     *         of requests in flight is full): the engine then decides it in stand-in
     */
    boolean forward(AuthorizationEvent request);

    /**
     * Sends a stored message (an advice 0120/0220 or a reversal 0420, or their repeats 0121, 0221,
     * 0421) built from {@code message}, whose slot and request bytes are those of the original
     * request. Acknowledged (or not) through {@link UpstreamListener#storedAnswered} and
     * {@link UpstreamListener#storedUnanswered} with {@code storedId}.
     *
     * @param messageType the message type to send (the repeat type from the second attempt on)
     * @return false when it cannot be sent now (link not up, table full): the sender tries later
     */
    boolean sendStored(AuthorizationEvent message, int messageType, long storedId);

    /** Stops sending, fails what is in flight ({@link UpstreamOutcome#LINK_LOST}), closes the connections. */
    @Override
    void close();
}
