package dev.cardgate.engine.blocklist;

/**
 * The map key: a card token's two halves. Mutable so that a lookup reuses one instance.
 *
 * <p>Persisted as 16 bytes: {@code high} then {@code low}, each a little-endian long (the native
 * order of Chronicle Bytes on x86-64 and AArch64). Written by {@link TokenMapKeyMarshaller}.
 */
final class TokenMapKey {
    static final int SIZE_BYTES = 2 * Long.BYTES;

    long high;
    long low;

    TokenMapKey set(final long high, final long low) {
        this.high = high;
        this.low = low;
        return this;
    }
}
