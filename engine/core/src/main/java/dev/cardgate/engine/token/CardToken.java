package dev.cardgate.engine.token;

/**
 * A 128-bit keyed hash of a card's whole PAN: the only form in which cardgate stores or
 * looks up a card. Mutable so that a producer thread can reuse one instance per request.
 */
public final class CardToken {
    private long high;
    private long low;

    public long high() {
        return high;
    }

    public long low() {
        return low;
    }

    public CardToken set(final long high, final long low) {
        this.high = high;
        this.low = low;
        return this;
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof CardToken
            && ((CardToken)other).high == high
            && ((CardToken)other).low == low;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(high * 31 + low);
    }

    /** Hex, 32 characters: safe to log, it reveals nothing of the PAN without the key. */
    @Override
    public String toString() {
        return String.format("%016x%016x", high, low);
    }
}
