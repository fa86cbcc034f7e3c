package dev.cardgate.engine.journal;

import dev.cardgate.engine.event.AuthorizationSlotDescriptor;

/**
 * The layout of a segment's header: the first 128 bytes of every segment file, little-endian.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                 Magic, ASCII "CGJOURNL"                       |   0
 *  +---------------------------------------------------------------+
 *  | Format Version (int, 1 or 2)  | Record Length (128 or 256)    |   8
 *  +---------------------------------------------------------------+
 *  |                 Segment Index (0, 1, 2 ...)                   |  16
 *  +---------------------------------------------------------------+
 *  |                 Base Sequence (engine sequence of record 0)   |  24
 *  +---------------------------------------------------------------+
 *  |                 Created, epoch milliseconds                   |  32
 *  +---------------------------------------------------------------+
 *  |                 Token Key Fingerprint (16 ASCII hex chars)    |  40
 *  +---------------------------------------------------------------+
 *  | Segment Length (int, bytes)   | CRC32C of bytes 0 to 59       |  56
 *  +---------------------------------------------------------------+
 *  |   Version 2: Previous Chain MAC (32 bytes): the chain MAC of  |  64
 *  |   the previous segment's last record, which this segment's    |
 *  |   first record chains from; zeros for the journal's first     |
 *  +---------------------------------------------------------------+
 *  |                 Reserved, zero (96 to 123)                    |  96
 *  +---------------------------------------------------------------+
 *  |                               | Version 2: CRC32C of 64 to 123| 120
 *  +---------------------------------------------------------------+
 * </pre>
 * Version 1 headers have zeros from byte 64. Records follow from byte 128, each at {@code 128 +
 * recordLength * n} with sequence {@code base + n}. A version 2 segment's base sequence is the
 * previous segment's base plus its record count, and its previous chain MAC is that segment's
 * last chain MAC: so a missing, reordered or replaced segment shows as a break.
 */
public final class SegmentHeaderDescriptor {
    /** Bytes of the header; the first record starts here. */
    public static final int HEADER_LENGTH = 128;
    /** "CGJOURNL" read as a little-endian long. */
    public static final long MAGIC = 0x4C4E_5255_4F4A_4743L;
    /** The format this code writes. */
    public static final int FORMAT_VERSION = 2;
    /** The first format, still read: 128-byte records, no chain. */
    public static final int FORMAT_VERSION_1 = 1;
    /** Characters of the token key fingerprint. */
    public static final int FINGERPRINT_LENGTH = 16;

    public static final int MAGIC_OFFSET = 0;
    public static final int FORMAT_VERSION_OFFSET = 8;
    public static final int RECORD_LENGTH_OFFSET = 12;
    public static final int SEGMENT_INDEX_OFFSET = 16;
    public static final int BASE_SEQUENCE_OFFSET = 24;
    public static final int CREATED_OFFSET = 32;
    public static final int FINGERPRINT_OFFSET = 40;
    public static final int SEGMENT_LENGTH_OFFSET = 56;
    public static final int CHECKSUM_OFFSET = 60;
    public static final int PREVIOUS_CHAIN_MAC_OFFSET = 64;
    /** The second checksum (version 2) covers {@code [PREVIOUS_CHAIN_MAC_OFFSET, EXTENSION_CHECKSUM_OFFSET)}. */
    public static final int EXTENSION_CHECKSUM_OFFSET = 124;

    private SegmentHeaderDescriptor() {
    }

    /** Bytes per record of {@code formatVersion} (1 or 2). */
    public static int recordLength(final int formatVersion) {
        return formatVersion == FORMAT_VERSION_1 ? JournalRecordDescriptor.RECORD_LENGTH
            : AuthorizationSlotDescriptor.RECORD_LENGTH;
    }

    /** Offset of the record with index {@code recordIndex} within a segment of the current format. */
    public static int recordOffset(final long recordIndex) {
        return recordOffset(recordIndex, AuthorizationSlotDescriptor.RECORD_LENGTH);
    }

    /** Offset of the record with index {@code recordIndex} within a segment of {@code recordLength}-byte records. */
    public static int recordOffset(final long recordIndex, final int recordLength) {
        return (int)(HEADER_LENGTH + recordIndex * recordLength);
    }

    /** How many records of the current format a segment of {@code segmentLength} bytes holds. */
    public static int recordCapacity(final int segmentLength) {
        return recordCapacity(segmentLength, AuthorizationSlotDescriptor.RECORD_LENGTH);
    }

    /** How many {@code recordLength}-byte records a segment of {@code segmentLength} bytes holds. */
    public static int recordCapacity(final int segmentLength, final int recordLength) {
        return (segmentLength - HEADER_LENGTH) / recordLength;
    }
}
