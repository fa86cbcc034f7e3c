package dev.cardgate.engine.upstream.link;

import dev.cardgate.engine.event.AuthorizationEvent;

/**
 * One preallocated entry of the link's {@link InFlightTable}: the link's copy of a forwarded
 * request or of a stored message's original, and what the link needs to match its answer.
 *
 * <p>Ownership: a free entry belongs to the table; the caller of {@code forward} or {@code
 * sendStored} fills it and hands it to the I/O thread through the table's submission queue (whose
 * release and acquire order the plain fields); from then on only the I/O thread touches it until it
 * is freed.
 */
final class InFlightEntry {
    /** What the entry carries. */
    enum Kind {
        FORWARD,
        STORED
    }

    /** Where the entry is in its life; only the I/O thread reads or writes it once submitted. */
    enum Phase {
        FREE,
        SUBMITTED,
        /** Sent, waiting for the answer until its timer fires. */
        AWAITING,
        /** Timed out, waiting for a late answer until the late-answer window closes. */
        LATE
    }

    final int index;
    final AuthorizationEvent event = new AuthorizationEvent();
    Kind kind;
    Phase phase = Phase.FREE;
    /** The message type sent (100, 200, 120, 421, ...). */
    int messageType;
    long storedId;
    /** Field 11 as the link numbered it toward the network; 0 until sent. */
    int hostStan;
    /** The connection it was sent on (its number), so that losing that connection fails it. */
    long connectionNumber;
    long timerId = org.agrona.DeadlineTimerWheel.NULL_DEADLINE;

    InFlightEntry(final int index) {
        this.index = index;
    }

    /** The answer's message type: the request's plus 10 (0100 to 0110, 0421 to 0430). */
    int answerType() {
        return messageType - messageType % 10 + 10;
    }

    void reset() {
        kind = null;
        phase = Phase.FREE;
        messageType = 0;
        storedId = 0;
        hostStan = 0;
        connectionNumber = 0;
        timerId = org.agrona.DeadlineTimerWheel.NULL_DEADLINE;
    }
}
