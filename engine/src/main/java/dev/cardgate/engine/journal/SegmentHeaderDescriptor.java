package dev.cardgate.engine.journal;

/**
 * The layout of a segment's header: the first 128 bytes of every segment file, little-endian.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                 Magic, ASCII "CGJOURNL"                       |   0
 *  +---------------------------------------------------------------+
 *  | Format Version (int, 1)       | Record Length (int, 128)      |   8
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
 *  |                 Reserved, zero (64 bytes)                     |  64
 *  +---------------------------------------------------------------+
 * </pre>
 * Records follow from byte 128, each at {@code 128 + 128 * n} with sequence {@code base + n}.
 */
public final class SegmentHeaderDescriptor {
    /** Bytes of the header; the first record starts here. */
    public static final int HEADER_LENGTH = 128;
    /** "CGJOURNL" read as a little-endian long. */
    public static final long MAGIC = 0x4C4E_5255_4F4A_4743L;
    /** The format this code writes and reads. */
    public static final int FORMAT_VERSION = 1;
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

    private SegmentHeaderDescriptor() {
    }

    /** Offset of the record with index {@code recordIndex} within its segment. */
    public static int recordOffset(final long recordIndex) {
        return (int)(HEADER_LENGTH + recordIndex * JournalRecordDescriptor.RECORD_LENGTH);
    }

    /** How many records a segment of {@code segmentLength} bytes holds. */
    public static int recordCapacity(final int segmentLength) {
        return (segmentLength - HEADER_LENGTH) / JournalRecordDescriptor.RECORD_LENGTH;
    }
}
