package dev.cardgate.engine.journal;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import dev.cardgate.engine.event.AuthorizationSlotDescriptor;

/**
 * Proves that no decision was altered, removed or inserted since it was written: walks every
 * segment in order, checks each record's checksum and sequence and, for format version 2, its
 * chain MAC recomputed with the journal's key from the record and the previous record's chain
 * MAC (a segment's first record from its header's); and between segments that nothing is
 * missing ({@link SegmentContinuity}). Stops at the first break and names it. Version 1
 * records have no chain: they are checked by checksum and sequence only, and counted apart.
 *
 * <p>A tool: allocates per segment, not per record. Safe while the engine writes (the records
 * not yet whole at the end of the newest segment are where the writer is).
 */
public final class JournalVerifier {
    private final Path directory;
    private final JournalKey key;

    public JournalVerifier(final Path directory, final JournalKey key) {
        this.directory = directory;
        this.key = key;
    }

    /** What {@link #verify} found. */
    public static final class Outcome {
        private final String problem;
        private final long records;
        private final long unchainedRecords;
        private final int segments;
        private final long firstSequence;
        private final long lastSequence;

        Outcome(final String problem, final long records, final long unchainedRecords, final int segments,
            final long firstSequence, final long lastSequence) {
            this.problem = problem;
            this.records = records;
            this.unchainedRecords = unchainedRecords;
            this.segments = segments;
            this.firstSequence = firstSequence;
            this.lastSequence = lastSequence;
        }

        /** True when every record and every segment link checked out. */
        public boolean intact() {
            return problem == null;
        }

        /** The first break, naming its segment and sequence; null when intact. */
        public String problem() {
            return problem;
        }

        /** Records checked (before the break, if any). */
        public long records() {
            return records;
        }

        /** Of {@link #records()}, those of format version 1 (no chain MAC). */
        public long unchainedRecords() {
            return unchainedRecords;
        }

        public int segments() {
            return segments;
        }

        /** One line for an operator. */
        public String summary() {
            final String range = records == 0 ? "no records" : records + " records, sequences " + firstSequence
                + " to " + lastSequence;
            final String unchained = unchainedRecords == 0 ? "" : " (" + unchainedRecords
                + " of format version 1, which has no chain: checked by checksum and sequence only)";
            return intact()
                ? "journal intact: " + segments + " segments, " + range + unchained + "; every chain MAC matches"
                : "journal NOT intact: " + problem + " (checked before it: " + segments + " segments, " + range + ")";
        }
    }

    /**
     * Verifies the whole journal.
     *
     * @throws IOException when the folder or a segment cannot be read
     */
    public Outcome verify() throws IOException {
        final List<Path> files = SegmentFiles.list(directory);
        final JournalChain chain = key.newChain();
        final JournalRecord record = new JournalRecord();
        final RecordChecksum checksum = new RecordChecksum();
        final byte[] chainMac = new byte[AuthorizationSlotDescriptor.CHAIN_MAC_LENGTH];
        SegmentSummary previous = null;
        long records = 0;
        long unchained = 0;
        long first = -1;
        long last = -1;
        for (int n = 0; n < files.size(); n++) {
            final Path file = files.get(n);
            final boolean newest = n == files.size() - 1;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                final long size = Files.size(file);
                if (size < SegmentHeaderDescriptor.HEADER_LENGTH || size > Integer.MAX_VALUE) {
                    return new Outcome(file + " at byte 0: it is " + size + " bytes long", records, unchained, n,
                        first, last);
                }
                final MappedByteBuffer mapping = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
                try {
                    final UnsafeBuffer buffer = new UnsafeBuffer(mapping);
                    final String[] problem = new String[1];
                    final SegmentHeader header = SegmentHeader.read(buffer, checksum, problem);
                    if (header == null) {
                        return new Outcome(file + " at byte 0: " + problem[0], records, unchained, n, first, last);
                    }
                    if (!key.fingerprint().equals(header.fingerprint())) {
                        return new Outcome(file + " was written with the token key of fingerprint "
                            + header.fingerprint() + ", not this key's " + key.fingerprint()
                            + ": its chain cannot be checked with this key", records, unchained, n, first, last);
                    }
                    if (SegmentFiles.indexOf(file) != header.segmentIndex()) {
                        return new Outcome(file + " at byte " + SegmentHeaderDescriptor.SEGMENT_INDEX_OFFSET
                            + ": its header says segment " + header.segmentIndex() + " (renamed or reordered)",
                            records, unchained, n, first, last);
                    }
                    final byte[] headerChainMac = header.previousChainMac();
                    final String gap = previous == null ? null : SegmentContinuity.gap(previous,
                        new SegmentSummary(file, header.segmentIndex(), header.baseSequence(), 0,
                            header.createdEpochMillis(), Long.MAX_VALUE, Long.MIN_VALUE, header.formatVersion(),
                            headerChainMac, headerChainMac));
                    if (gap != null) {
                        return new Outcome("a gap: " + gap, records, unchained, n, first, last);
                    }
                    final boolean chained = header.formatVersion() != SegmentHeaderDescriptor.FORMAT_VERSION_1;
                    System.arraycopy(headerChainMac, 0, chainMac, 0, chainMac.length);
                    record.formatVersion(header.formatVersion());
                    final int recordLength = header.recordLength();
                    final int capacity = SegmentHeaderDescriptor.recordCapacity(buffer.capacity(), recordLength);
                    int count = 0;
                    for (; count < capacity; count++) {
                        final int offset = SegmentHeaderDescriptor.recordOffset(count, recordLength);
                        final long sequence = header.baseSequence() + count;
                        final int status = record.wrap(buffer, offset, sequence);
                        if (status == JournalRecord.EMPTY) {
                            break;
                        }
                        if (status == JournalRecord.DAMAGED) {
                            if (newest && isTail(buffer, capacity, count, recordLength, header.baseSequence())) {
                                break;
                            }
                            return new Outcome("sequence " + sequence + " in " + file + " at byte " + offset + ": "
                                + record.damage(), records, unchained, n, first, last);
                        }
                        if (chained && !chain.matches(chainMac, buffer, offset)) {
                            return new Outcome("sequence " + sequence + " in " + file + " at byte " + offset
                                + ": its chain MAC does not match (the record, or one before it, was altered, removed "
                                + "or inserted)", records, unchained, n, first, last);
                        }
                        if (chained) {
                            record.chainMacInto(chainMac);
                        }
                        else {
                            unchained++;
                        }
                        records++;
                        first = first < 0 ? sequence : first;
                        last = sequence;
                    }
                    if (count < capacity && !newest && chained) {
                        return new Outcome(file + " ends after " + count + " records (sequence "
                            + (header.baseSequence() + count - 1) + ") though a later segment follows", records,
                            unchained, n, first, last);
                    }
                    previous = new SegmentSummary(file, header.segmentIndex(), header.baseSequence(), count,
                        header.createdEpochMillis(), Long.MAX_VALUE, Long.MIN_VALUE, header.formatVersion(),
                        headerChainMac, chainMac);
                }
                finally {
                    IoUtil.unmap(mapping);
                }
            }
        }
        return new Outcome(null, records, unchained, files.size(), first, last);
    }

    /** True when no valid record follows record {@code from}: the writer's unfinished tail. */
    private static boolean isTail(final UnsafeBuffer buffer, final int capacity, final int from, final int recordLength,
        final long baseSequence) {
        final JournalRecord probe = new JournalRecord();
        probe.formatVersion(recordLength == JournalRecordDescriptor.RECORD_LENGTH
            ? SegmentHeaderDescriptor.FORMAT_VERSION_1 : SegmentHeaderDescriptor.FORMAT_VERSION);
        for (int j = from + 1; j < capacity; j++) {
            if (probe.wrap(buffer, SegmentHeaderDescriptor.recordOffset(j, recordLength), baseSequence + j)
                == JournalRecord.VALID) {
                return false;
            }
        }
        return true;
    }
}
