package dev.cardgate.engine.journal;

import static dev.cardgate.engine.journal.SegmentHeaderDescriptor.BASE_SEQUENCE_OFFSET;
import static dev.cardgate.engine.journal.SegmentHeaderDescriptor.CHECKSUM_OFFSET;
import static dev.cardgate.engine.journal.SegmentHeaderDescriptor.CREATED_OFFSET;
import static dev.cardgate.engine.journal.SegmentHeaderDescriptor.EXTENSION_CHECKSUM_OFFSET;
import static dev.cardgate.engine.journal.SegmentHeaderDescriptor.FINGERPRINT_LENGTH;
import static dev.cardgate.engine.journal.SegmentHeaderDescriptor.FINGERPRINT_OFFSET;
import static dev.cardgate.engine.journal.SegmentHeaderDescriptor.FORMAT_VERSION;
import static dev.cardgate.engine.journal.SegmentHeaderDescriptor.FORMAT_VERSION_1;
import static dev.cardgate.engine.journal.SegmentHeaderDescriptor.FORMAT_VERSION_OFFSET;
import static dev.cardgate.engine.journal.SegmentHeaderDescriptor.MAGIC;
import static dev.cardgate.engine.journal.SegmentHeaderDescriptor.MAGIC_OFFSET;
import static dev.cardgate.engine.journal.SegmentHeaderDescriptor.PREVIOUS_CHAIN_MAC_OFFSET;
import static dev.cardgate.engine.journal.SegmentHeaderDescriptor.RECORD_LENGTH_OFFSET;
import static dev.cardgate.engine.journal.SegmentHeaderDescriptor.SEGMENT_INDEX_OFFSET;
import static dev.cardgate.engine.journal.SegmentHeaderDescriptor.SEGMENT_LENGTH_OFFSET;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.agrona.concurrent.UnsafeBuffer;

import dev.cardgate.engine.event.AuthorizationSlotDescriptor;

/**
 * Reads and writes a segment header ({@link SegmentHeaderDescriptor}) in a mapped segment, and
 * says what is wrong with one. Writes format version 2; reads versions 1 and 2. Start-up, a
 * roll and the reader only: allocates.
 */
public final class SegmentHeader {
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private final int formatVersion;
    private final long segmentIndex;
    private final long baseSequence;
    private final long createdEpochMillis;
    private final String fingerprint;
    private final byte[] previousChainMac;

    private SegmentHeader(final int formatVersion, final long segmentIndex, final long baseSequence,
        final long createdEpochMillis, final String fingerprint, final byte[] previousChainMac) {
        this.formatVersion = formatVersion;
        this.segmentIndex = segmentIndex;
        this.baseSequence = baseSequence;
        this.createdEpochMillis = createdEpochMillis;
        this.fingerprint = fingerprint;
        this.previousChainMac = previousChainMac;
    }

    /** Writes a version 2 header into {@code buffer} (a fresh, zeroed segment). */
    static void write(final UnsafeBuffer buffer, final long segmentIndex, final long baseSequence,
        final long createdEpochMillis, final String fingerprint, final byte[] previousChainMac,
        final RecordChecksum checksum) {
        // composed aside, then published with the magic last (a release store), as a record's length
        // is: a reader following the journal that sees the magic sees the whole header
        final UnsafeBuffer header = new UnsafeBuffer(new byte[SegmentHeaderDescriptor.HEADER_LENGTH]);
        compose(header, buffer.capacity(), segmentIndex, baseSequence, createdEpochMillis, fingerprint,
            previousChainMac, checksum);
        buffer.putBytes(MAGIC_OFFSET + Long.BYTES, header, MAGIC_OFFSET + Long.BYTES,
            SegmentHeaderDescriptor.HEADER_LENGTH - Long.BYTES);
        buffer.putLongRelease(MAGIC_OFFSET, header.getLong(MAGIC_OFFSET));
    }

    private static void compose(final UnsafeBuffer buffer, final int segmentLength, final long segmentIndex,
        final long baseSequence, final long createdEpochMillis, final String fingerprint,
        final byte[] previousChainMac, final RecordChecksum checksum) {
        buffer.putLong(MAGIC_OFFSET, MAGIC, ORDER);
        buffer.putInt(FORMAT_VERSION_OFFSET, FORMAT_VERSION, ORDER);
        buffer.putInt(RECORD_LENGTH_OFFSET, AuthorizationSlotDescriptor.RECORD_LENGTH, ORDER);
        buffer.putLong(SEGMENT_INDEX_OFFSET, segmentIndex, ORDER);
        buffer.putLong(BASE_SEQUENCE_OFFSET, baseSequence, ORDER);
        buffer.putLong(CREATED_OFFSET, createdEpochMillis, ORDER);
        final byte[] fingerprintBytes = fingerprint.getBytes(StandardCharsets.US_ASCII);
        buffer.putBytes(FINGERPRINT_OFFSET, fingerprintBytes, 0, Math.min(FINGERPRINT_LENGTH, fingerprintBytes.length));
        buffer.putInt(SEGMENT_LENGTH_OFFSET, segmentLength, ORDER);
        buffer.putInt(CHECKSUM_OFFSET, checksum.compute(buffer, 0, CHECKSUM_OFFSET), ORDER);
        buffer.putBytes(PREVIOUS_CHAIN_MAC_OFFSET, previousChainMac, 0, AuthorizationSlotDescriptor.CHAIN_MAC_LENGTH);
        buffer.putInt(EXTENSION_CHECKSUM_OFFSET, extensionChecksum(buffer, checksum), ORDER);
    }

    private static int extensionChecksum(final UnsafeBuffer buffer, final RecordChecksum checksum) {
        return checksum.compute(buffer, PREVIOUS_CHAIN_MAC_OFFSET, EXTENSION_CHECKSUM_OFFSET - PREVIOUS_CHAIN_MAC_OFFSET);
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
        if (version != FORMAT_VERSION && version != FORMAT_VERSION_1) {
            problem[0] = "its format version is " + version + "; this engine reads versions " + FORMAT_VERSION_1
                + " and " + FORMAT_VERSION;
            return null;
        }
        if (version == FORMAT_VERSION
            && buffer.getInt(EXTENSION_CHECKSUM_OFFSET, ORDER) != extensionChecksum(buffer, checksum)) {
            problem[0] = "its header checksum of bytes 64 to 123 (the previous chain MAC) does not match";
            return null;
        }
        final int recordLength = buffer.getInt(RECORD_LENGTH_OFFSET, ORDER);
        final int segmentLength = buffer.getInt(SEGMENT_LENGTH_OFFSET, ORDER);
        if (recordLength != SegmentHeaderDescriptor.recordLength(version) || segmentLength != buffer.capacity()) {
            problem[0] = "its header says version " + version + " records of " + recordLength + " bytes in a segment of "
                + segmentLength + " bytes, but the file is " + buffer.capacity() + " bytes";
            return null;
        }
        final byte[] fingerprintBytes = new byte[FINGERPRINT_LENGTH];
        buffer.getBytes(FINGERPRINT_OFFSET, fingerprintBytes);
        final byte[] previousChainMac = new byte[AuthorizationSlotDescriptor.CHAIN_MAC_LENGTH];
        if (version == FORMAT_VERSION) {
            buffer.getBytes(PREVIOUS_CHAIN_MAC_OFFSET, previousChainMac);
        }
        return new SegmentHeader(version, buffer.getLong(SEGMENT_INDEX_OFFSET, ORDER),
            buffer.getLong(BASE_SEQUENCE_OFFSET, ORDER), buffer.getLong(CREATED_OFFSET, ORDER),
            new String(fingerprintBytes, StandardCharsets.US_ASCII), previousChainMac);
    }

    /** 1 or 2. */
    public int formatVersion() {
        return formatVersion;
    }

    /** Bytes per record in this segment. */
    public int recordLength() {
        return SegmentHeaderDescriptor.recordLength(formatVersion);
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

    /** Version 2: the chain MAC the first record chains from (a copy); zeros for version 1. */
    public byte[] previousChainMac() {
        return previousChainMac.clone();
    }
}
