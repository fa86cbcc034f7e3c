package dev.cardgate.engine.journal;

import static dev.cardgate.engine.journal.SegmentHeaderDescriptor.BASE_SEQUENCE_OFFSET;
import static dev.cardgate.engine.journal.SegmentHeaderDescriptor.CHECKSUM_OFFSET;
import static dev.cardgate.engine.journal.SegmentHeaderDescriptor.CREATED_OFFSET;
import static dev.cardgate.engine.journal.SegmentHeaderDescriptor.FINGERPRINT_LENGTH;
import static dev.cardgate.engine.journal.SegmentHeaderDescriptor.FINGERPRINT_OFFSET;
import static dev.cardgate.engine.journal.SegmentHeaderDescriptor.FORMAT_VERSION;
import static dev.cardgate.engine.journal.SegmentHeaderDescriptor.FORMAT_VERSION_OFFSET;
import static dev.cardgate.engine.journal.SegmentHeaderDescriptor.MAGIC;
import static dev.cardgate.engine.journal.SegmentHeaderDescriptor.MAGIC_OFFSET;
import static dev.cardgate.engine.journal.SegmentHeaderDescriptor.RECORD_LENGTH_OFFSET;
import static dev.cardgate.engine.journal.SegmentHeaderDescriptor.SEGMENT_INDEX_OFFSET;
import static dev.cardgate.engine.journal.SegmentHeaderDescriptor.SEGMENT_LENGTH_OFFSET;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * Reads and writes a segment header ({@link SegmentHeaderDescriptor}) in a mapped segment, and
 * says what is wrong with one. Start-up and the reader only: allocates.
 */
public final class SegmentHeader {
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private final long segmentIndex;
    private final long baseSequence;
    private final long createdEpochMillis;
    private final String fingerprint;

    private SegmentHeader(final long segmentIndex, final long baseSequence, final long createdEpochMillis,
        final String fingerprint) {
        this.segmentIndex = segmentIndex;
        this.baseSequence = baseSequence;
        this.createdEpochMillis = createdEpochMillis;
        this.fingerprint = fingerprint;
    }

    /** Writes a header into {@code buffer} (a fresh, zeroed segment). */
    static void write(final UnsafeBuffer buffer, final long segmentIndex, final long baseSequence,
        final long createdEpochMillis, final String fingerprint, final RecordChecksum checksum) {
        buffer.putLong(MAGIC_OFFSET, MAGIC, ORDER);
        buffer.putInt(FORMAT_VERSION_OFFSET, FORMAT_VERSION, ORDER);
        buffer.putInt(RECORD_LENGTH_OFFSET, JournalRecordDescriptor.RECORD_LENGTH, ORDER);
        buffer.putLong(SEGMENT_INDEX_OFFSET, segmentIndex, ORDER);
        buffer.putLong(BASE_SEQUENCE_OFFSET, baseSequence, ORDER);
        buffer.putLong(CREATED_OFFSET, createdEpochMillis, ORDER);
        final byte[] fingerprintBytes = fingerprint.getBytes(StandardCharsets.US_ASCII);
        buffer.putBytes(FINGERPRINT_OFFSET, fingerprintBytes, 0, Math.min(FINGERPRINT_LENGTH, fingerprintBytes.length));
        buffer.putInt(SEGMENT_LENGTH_OFFSET, buffer.capacity(), ORDER);
        buffer.putInt(CHECKSUM_OFFSET, checksum.compute(buffer, 0, CHECKSUM_OFFSET), ORDER);
    }

    /**
     * Reads the header of a segment.
     *
     * @return the header, or null with {@code problem[0]} saying what is wrong with it
     */
    static SegmentHeader read(final UnsafeBuffer buffer, final RecordChecksum checksum, final String[] problem) {
        if (buffer.capacity() < SegmentHeaderDescriptor.HEADER_LENGTH) {
            problem[0] = "it is " + buffer.capacity() + " bytes, shorter than a segment header";
            return null;
        }
        if (buffer.getLong(MAGIC_OFFSET, ORDER) != MAGIC) {
            problem[0] = "it does not start with the journal magic CGJOURNL";
            return null;
        }
        if (buffer.getInt(CHECKSUM_OFFSET, ORDER) != checksum.compute(buffer, 0, CHECKSUM_OFFSET)) {
            problem[0] = "its header checksum does not match";
            return null;
        }
        final int version = buffer.getInt(FORMAT_VERSION_OFFSET, ORDER);
        if (version != FORMAT_VERSION) {
            problem[0] = "its format version is " + version + "; this engine reads version " + FORMAT_VERSION;
            return null;
        }
        final int recordLength = buffer.getInt(RECORD_LENGTH_OFFSET, ORDER);
        final int segmentLength = buffer.getInt(SEGMENT_LENGTH_OFFSET, ORDER);
        if (recordLength != JournalRecordDescriptor.RECORD_LENGTH || segmentLength != buffer.capacity()) {
            problem[0] = "its header says records of " + recordLength + " bytes in a segment of " + segmentLength
                + " bytes, but the file is " + buffer.capacity() + " bytes";
            return null;
        }
        final byte[] fingerprintBytes = new byte[FINGERPRINT_LENGTH];
        buffer.getBytes(FINGERPRINT_OFFSET, fingerprintBytes);
        return new SegmentHeader(buffer.getLong(SEGMENT_INDEX_OFFSET, ORDER), buffer.getLong(BASE_SEQUENCE_OFFSET, ORDER),
            buffer.getLong(CREATED_OFFSET, ORDER), new String(fingerprintBytes, StandardCharsets.US_ASCII));
    }

    public long segmentIndex() {
        return segmentIndex;
    }

    /** The engine sequence of the segment's first record. */
    public long baseSequence() {
        return baseSequence;
    }

    public long createdEpochMillis() {
        return createdEpochMillis;
    }

    /** The fingerprint of the token key the segment's card tokens were made with. */
    public String fingerprint() {
        return fingerprint;
    }
}
