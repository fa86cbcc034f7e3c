package dev.cardgate.engine.journal;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Reads a journal folder, also while the engine writes it: maps segments read-only and walks
 * their records in order, checking each. At the end of the newest segment, an empty or not yet
 * whole record is where the writer is; {@link #follow} polls there for more. A damaged record
 * elsewhere is reported to {@code onDamage} with file and position and never handed on as a
 * record. Between segments it checks that nothing is missing (the next index, the next sequence,
 * and for format version 2 the chain carried on in the header): a missing, reordered or
 * replaced segment is reported to {@code onDamage}, naming the segments and sequences around
 * the break. Chain MACs within a segment need the key: {@link JournalVerifier}.
 *
 * <p>Threading: one reader thread. Allocates per segment, not per record.
 */
public final class JournalReader {
    private static final long FOLLOW_POLL_MILLIS = 50;

    private final Path directory;
    private final Consumer<String> onDamage;
    private final JournalRecord record = new JournalRecord();
    private final RecordChecksum checksum = new RecordChecksum();
    // where the segments read so far end: what the next segment must start from
    private Path previousSegment;
    private long previousSegmentIndex = -1;
    /** Whether this read follows a journal being written (its last segment may not be whole yet). */
    private boolean following;
    private long expectedSequence;
    private int previousFormatVersion;
    private final byte[] lastChainMac = new byte[dev.cardgate.engine.event.AuthorizationSlotDescriptor.CHAIN_MAC_LENGTH];

    public JournalReader(final Path directory, final Consumer<String> onDamage) {
        this.directory = directory;
        this.onDamage = onDamage;
    }

    /** Hands every matching record now in the journal to {@code sink}; returns how many. */
    public long read(final JournalQuery query, final Consumer<JournalRecord> sink) throws IOException {
        return follow(query, sink, () -> false);
    }

    /**
     * As {@link #read}, then keeps polling the newest segment (and the ones after it) for new
     * records until {@code keepFollowing} returns false.
     */
    public long follow(final JournalQuery query, final Consumer<JournalRecord> sink,
        final BooleanSupplier keepFollowing) throws IOException {
        long handed = 0;
        long segmentIndex = -1;
        previousSegmentIndex = -1;
        following = keepFollowing.getAsBoolean();
        final long[] recordIndex = {0};
        while (true) {
            final List<Path> segments = SegmentFiles.list(directory);
            Path current = null;
            long next = -1;
            for (final Path segment : segments) {
                final long index = SegmentFiles.indexOf(segment);
                if (index == segmentIndex) {
                    current = segment;
                }
                else if (index > segmentIndex && next < 0) {
                    next = index;
                }
            }
            if (current != null) {
                handed += readSegment(current, recordIndex, next >= 0, query, sink);
            }
            if (next >= 0) {
                segmentIndex = next;
                recordIndex[0] = 0;
                continue;
            }
            if (!keepFollowing.getAsBoolean()) {
                return handed;
            }
            try {
                Thread.sleep(FOLLOW_POLL_MILLIS);
            }
            catch (final InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return handed;
            }
        }
    }

    /** Reads from record {@code position[0]} on; leaves there the index of the first unread record. */
    private long readSegment(final Path file, final long[] position, final boolean complete, final JournalQuery query,
        final Consumer<JournalRecord> sink) throws IOException {
        long handed = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            final long size = channel.size();
            if (size < SegmentHeaderDescriptor.HEADER_LENGTH) {
                if (complete) {
                    onDamage.accept(file + " at byte 0: it is " + size + " bytes long");
                }
                return 0;
            }
            final MappedByteBuffer mapping = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            try {
                final UnsafeBuffer buffer = new UnsafeBuffer(mapping);
                final String[] problem = new String[1];
                final SegmentHeader header = SegmentHeader.read(buffer, checksum, problem);
                if (header == null) {
                    // while following, the last segment's header may be being written: the writer
                    // stores its magic last, so without it the segment is not there yet
                    final boolean beingWritten = following && problem[0].contains("magic");
                    if (complete || !beingWritten && problem[0].contains("magic") && !isZeroHeader(buffer)) {
                        onDamage.accept(file + " at byte 0: " + problem[0]);
                        position[0] = SegmentHeaderDescriptor.recordCapacity((int)size);
                    }
                    return 0;
                }
                if (position[0] == 0) {
                    checkContinuity(file, header);
                }
                final int recordLength = header.recordLength();
                final int capacity = SegmentHeaderDescriptor.recordCapacity(buffer.capacity(), recordLength);
                record.formatVersion(header.formatVersion());
                int i = (int)position[0];
                for (; i < capacity; i++) {
                    final int offset = SegmentHeaderDescriptor.recordOffset(i, recordLength);
                    final int status = record.wrap(buffer, offset, header.baseSequence() + i);
                    if (status == JournalRecord.VALID) {
                        expectedSequence = record.sequence() + 1;
                        if (header.formatVersion() != SegmentHeaderDescriptor.FORMAT_VERSION_1) {
                            record.chainMacInto(lastChainMac);
                        }
                        if (query.matches(record)) {
                            sink.accept(record);
                            handed++;
                        }
                        continue;
                    }
                    if (status == JournalRecord.DAMAGED
                        && (complete || validAfter(buffer, header, i + 1, capacity))) {
                        onDamage.accept(file + " at byte " + offset + " (record " + (header.baseSequence() + i)
                            + "): " + record.damage() + "; skipped");
                        continue;
                    }
                    break;
                }
                position[0] = i;
            }
            finally {
                IoUtil.unmap(mapping);
            }
        }
        return handed;
    }

    /** Reports a break between the segment read before and {@code file}, then starts from its header. */
    private void checkContinuity(final Path file, final SegmentHeader header) {
        if (previousSegmentIndex >= 0) {
            if (header.segmentIndex() != previousSegmentIndex + 1 || header.baseSequence() != expectedSequence) {
                onDamage.accept(file + " (segment " + header.segmentIndex() + ", from sequence "
                    + header.baseSequence() + ") follows " + previousSegment + " (segment " + previousSegmentIndex
                    + ", to sequence " + (expectedSequence - 1) + "): a gap, "
                    + (header.baseSequence() > expectedSequence ? "sequences " + expectedSequence + " to "
                        + (header.baseSequence() - 1) + " are missing"
                        : "sequence " + expectedSequence + " was expected (segments out of order)"));
            }
            else if (header.formatVersion() != SegmentHeaderDescriptor.FORMAT_VERSION_1) {
                if (previousFormatVersion == SegmentHeaderDescriptor.FORMAT_VERSION_1) {
                    java.util.Arrays.fill(lastChainMac, (byte)0);
                }
                if (!java.util.Arrays.equals(header.previousChainMac(), lastChainMac)) {
                    onDamage.accept(file + " (segment " + header.segmentIndex() + ", from sequence "
                        + header.baseSequence() + ") does not continue the chain of " + previousSegment + " (segment "
                        + previousSegmentIndex + "): its header names another previous chain MAC, so one of the two "
                        + "was replaced");
                }
            }
        }
        previousSegment = file;
        previousSegmentIndex = header.segmentIndex();
        previousFormatVersion = header.formatVersion();
        expectedSequence = header.baseSequence();
        System.arraycopy(header.previousChainMac(), 0, lastChainMac, 0, lastChainMac.length);
    }

    private boolean validAfter(final UnsafeBuffer buffer, final SegmentHeader header, final int from,
        final int capacity) {
        final JournalRecord probe = new JournalRecord();
        probe.formatVersion(header.formatVersion());
        for (int j = from; j < capacity; j++) {
            final int status = probe.wrap(buffer, SegmentHeaderDescriptor.recordOffset(j, header.recordLength()),
                header.baseSequence() + j);
            if (status == JournalRecord.VALID) {
                return true;
            }
            if (status == JournalRecord.EMPTY) {
                return false;
            }
        }
        return false;
    }

    private static boolean isZeroHeader(final UnsafeBuffer buffer) {
        for (int i = 0; i < SegmentHeaderDescriptor.HEADER_LENGTH; i += Long.BYTES) {
            if (buffer.getLong(i) != 0) {
                return false;
            }
        }
        return true;
    }
}
