package dev.cardgate.engine.blocklist;

/**
 * The blocklist's content digest: the sum, modulo 2^64, of a 64-bit hash of every entry (its
 * token and every stored field). A sum rather than a hash of the whole file so that a writer
 * keeps it up to date from what it changes alone (add the new entry's hash, subtract the old
 * one's), in any order and from several threads at once; the sidecar records it with the entry
 * count, and opening the map compares both with what the map holds (see {@link MapVerifier}).
 *
 * <p>It finds damage, not forgery: anyone who can write the map file can write the sidecar too.
 * Stateless; allocates nothing.
 */
final class EntryDigest {
    private EntryDigest() {
    }

    /** The hash of one entry as the map stores it. */
    static long of(final long tokenHigh, final long tokenLow, final StoredEntry value) {
        long hash = mix(tokenHigh);
        hash = mix(hash ^ tokenLow);
        hash = mix(hash ^ (value.layoutVersion | (long)value.reasonOrdinal << 8 | (long)value.referenceLength << 16));
        hash = mix(hash ^ value.addedEpochMillis);
        hash = mix(hash ^ value.expiresEpochMillis);
        hash = mix(hash ^ littleEndianLong(value.reference, 0));
        return mix(hash ^ littleEndianLong(value.reference, Long.BYTES));
    }

    /** Murmur3's 64-bit finaliser: every input bit changes about half the output bits. */
    private static long mix(final long value) {
        long mixed = value;
        mixed ^= mixed >>> 33;
        mixed *= 0xff51afd7ed558ccdL;
        mixed ^= mixed >>> 33;
        mixed *= 0xc4ceb9fe1a85ec53L;
        return mixed ^ (mixed >>> 33);
    }

    private static long littleEndianLong(final byte[] bytes, final int offset) {
        long value = 0;
        for (int i = Long.BYTES - 1; i >= 0; i--) {
            value = value << 8 | (bytes[offset + i] & 0xffL);
        }
        return value;
    }
}
