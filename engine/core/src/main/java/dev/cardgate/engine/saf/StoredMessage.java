package dev.cardgate.engine.saf;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.AuthorizationSlotDescriptor;

/**
 * One advice or reversal owed to the network, as the queue holds it in memory: its id (the order
 * it was stored in), when, its message type (0120, 0220 or 0420; the repeat is that + 1), the
 * request's slot (no clear PAN: token, first six and last four) and its frame sealed
 * ({@link FrameSeal}). Guarded by the {@link StoreAndForward} that holds it.
 */
public final class StoredMessage {
    /** Where an entry is in its life; the file records each change. */
    public enum State {
        /** Not sent yet: the first send uses the message type itself. */
        PENDING,
        /** Sent at least once ("sent once" is on the disk before the first send): later sends are repeats. */
        SENT,
        /** The network answered: done. */
        ANSWERED,
        /** Older than {@code upstream.saf.expiry.ms}: no longer sent. */
        EXPIRED,
        /** Dropped by an operator ({@code cardgate saf drop}). */
        DROPPED
    }

    final long storedId;
    long storedAtMillis;
    final int messageType;
    final byte[] slot;
    final byte[] nonce;
    final byte[] sealedFrame;
    State state = State.PENDING;
    int responseCode = -1;
    boolean inFlight;

    StoredMessage(final long storedId, final long storedAtMillis, final int messageType, final byte[] slot,
        final byte[] nonce, final byte[] sealedFrame) {
        this.storedId = storedId;
        this.storedAtMillis = storedAtMillis;
        this.messageType = messageType;
        this.slot = slot;
        this.nonce = nonce;
        this.sealedFrame = sealedFrame;
    }

    public long storedId() {
        return storedId;
    }

    public long storedAtMillis() {
        return storedAtMillis;
    }

    /** 120, 220 or 420. */
    public int messageType() {
        return messageType;
    }

    /** The type to send next: the message type until it has been sent once, then its repeat (121, 221, 421). */
    public int nextMessageType() {
        return state == State.PENDING ? messageType : messageType + 1;
    }

    public State state() {
        return state;
    }

    /** True while the network still has to be told. */
    public boolean isOwed() {
        return state == State.PENDING || state == State.SENT;
    }

    /** Copies the stored slot into {@code event} (for display: masked PAN, STAN, amount, terminal). */
    public AuthorizationEvent slotInto(final AuthorizationEvent event) {
        return event.slotFrom(new org.agrona.concurrent.UnsafeBuffer(slot), 0);
    }

    static int slotLength() {
        return AuthorizationSlotDescriptor.SLOT_LENGTH;
    }
}
