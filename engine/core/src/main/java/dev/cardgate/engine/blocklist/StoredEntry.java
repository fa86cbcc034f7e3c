package dev.cardgate.engine.blocklist;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The map value: why a card is blocked, since when, until when, and the operator's reference.
 * Mutable so that a lookup reads into one reused instance; {@link BlocklistEntry} is the
 * immutable form handed to operators.
 *
 * <p>Persisted layout, {@value #SIZE_BYTES} bytes, numbers little-endian (Chronicle Bytes'
 * native order on x86-64 and AArch64), written and read by {@link StoredEntryMarshaller}:
 * <pre>
 *   0        1        2        3        4                 8
 *   +--------+--------+--------+--------+-----------------+
 *   | layout | reason | ref    | 0      | 0 (reserved)    |
 *   | = 1    | ordinal| length |        |                 |
 *   +--------+--------+--------+--------+-----------------+
 *   8                                                      16
 *   +------------------------------------------------------+
 *   | added at: epoch milliseconds, int64                  |
 *   +------------------------------------------------------+
 *   16                                                     24
 *   +------------------------------------------------------+
 *   | expires at: epoch milliseconds, int64;               |
 *   | Long.MAX_VALUE = never                               |
 *   +------------------------------------------------------+
 *   24                                                     40
 *   +------------------------------------------------------+
 *   | reference: US-ASCII, 'ref length' bytes, zero-padded |
 *   | to 16                                                |
 *   +------------------------------------------------------+
 * </pre>
 * The reason ordinal is {@link BlockReason#ordinal()}: append new reasons, never reorder them.
 * A different layout number means a file written by an incompatible version.
 */
final class StoredEntry {
    static final int SIZE_BYTES = 40;
    static final int LAYOUT_VERSION = 1;
    static final int REFERENCE_CAPACITY = 16;

    static final int LAYOUT_OFFSET = 0;
    static final int REASON_OFFSET = 1;
    static final int REFERENCE_LENGTH_OFFSET = 2;
    static final int ADDED_AT_OFFSET = 8;
    static final int EXPIRES_AT_OFFSET = 16;
    static final int REFERENCE_OFFSET = 24;

    int layoutVersion;
    int reasonOrdinal;
    int referenceLength;
    long addedEpochMillis;
    long expiresEpochMillis;
    final byte[] reference = new byte[REFERENCE_CAPACITY];

    /** Fills this from an operator's entry; the reference must already be validated. */
    StoredEntry set(final BlockReason reason, final long addedEpochMillis, final long expiresEpochMillis,
        final String referenceText) {
        this.layoutVersion = LAYOUT_VERSION;
        this.reasonOrdinal = reason.ordinal();
        this.addedEpochMillis = addedEpochMillis;
        this.expiresEpochMillis = expiresEpochMillis;
        Arrays.fill(reference, (byte)0);
        final byte[] ascii = referenceText.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(ascii, 0, reference, 0, ascii.length);
        this.referenceLength = ascii.length;
        return this;
    }

    /**
     * @return the reason, or null when this entry was not written by layout 1 (a corrupt or
     *     incompatible file). Allocates nothing.
     */
    BlockReason reasonOrNull() {
        if (layoutVersion != LAYOUT_VERSION || referenceLength < 0 || referenceLength > REFERENCE_CAPACITY) {
            return null;
        }
        return BlockReason.fromOrdinal(reasonOrdinal);
    }

    /** True when both say the same thing: reason, expiry and reference (the added time is history, not content). */
    boolean sameContentAs(final StoredEntry other) {
        return layoutVersion == other.layoutVersion
            && reasonOrdinal == other.reasonOrdinal
            && expiresEpochMillis == other.expiresEpochMillis
            && referenceLength == other.referenceLength
            && Arrays.equals(reference, 0, referenceLength, other.reference, 0, other.referenceLength);
    }

    void copyFrom(final StoredEntry other) {
        layoutVersion = other.layoutVersion;
        reasonOrdinal = other.reasonOrdinal;
        referenceLength = other.referenceLength;
        addedEpochMillis = other.addedEpochMillis;
        expiresEpochMillis = other.expiresEpochMillis;
        System.arraycopy(other.reference, 0, reference, 0, REFERENCE_CAPACITY);
    }

    String describeCorruption() {
        return "layout " + layoutVersion + " (expected " + LAYOUT_VERSION + "), reason ordinal " + reasonOrdinal
            + ", reference length " + referenceLength;
    }

    /** The immutable form; allocates. Only for entries whose {@link #reasonOrNull()} is not null. */
    BlocklistEntry toEntry() {
        return new BlocklistEntry(reasonOrNull(), addedEpochMillis, expiresEpochMillis,
            new String(reference, 0, referenceLength, StandardCharsets.US_ASCII));
    }
}
