package dev.cardgate.engine.journal;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Checks every record of every segment of a journal before the engine appends to it: headers,
 * lengths, checksums, sequences. A damaged record with nothing valid after it at the end of the
 * journal is a torn tail (a write the crash interrupted): it is cut off (zeroed) when {@code
 * repairTail} is set. Anything else damaged is a corruption: reported with file and byte
 * position, and refused unless {@code skipCorrupt} is set, which skips the whole segment.
 *
 * <p>Between segments it checks that nothing is missing: each segment's index follows the one
 * before, its base sequence is where the one before ended, and (format version 2) its header
 * continues the chain from the previous segment's last chain MAC. A missing, reordered or
 * replaced segment is a break, named with the segments and sequences on either side; refused
 * like a corruption (with {@code skipCorrupt}, reported and passed). Chain MACs within a
 * segment are checked by {@link JournalVerifier}, which needs the key.
 *
 * <p>Start-up and tools only; allocates per segment, not per record.
 */
public final class JournalScanner {
    private final Path directory;
    private final String expectedFingerprint;
    private final boolean repairTail;
    private final boolean skipCorrupt;
    private final JournalRecord record = new JournalRecord();
    private final RecordChecksum checksum = new RecordChecksum();

    /**
     * @param expectedFingerprint the token key's fingerprint every segment must carry; null to
     *                            accept any (a reader without the key)
     */
    public JournalScanner(final Path directory, final String expectedFingerprint, final boolean repairTail,
        final boolean skipCorrupt) {
        this.directory = directory;
        this.expectedFingerprint = expectedFingerprint;
        this.repairTail = repairTail;
        this.skipCorrupt = skipCorrupt;
    }

    /**
     * Scans the journal.
     *
     * @throws JournalException on a corruption (unless skipping), a foreign key's segment, or an
     *                          unreadable file
     */
    public JournalInventory scan() {
        final List<Path> files;
        try {
            files = SegmentFiles.list(directory);
        }
        catch (final IOException failure) {
            throw new JournalException("cannot list the journal folder " + directory + ": " + failure, failure);
        }
        final List<SegmentSummary> segments = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();
        String truncated = null;
        if (!files.isEmpty() && repairTail) {
            truncated = removeUnfinishedLast(files.get(files.size() - 1));
            if (truncated != null) {
                files.remove(files.size() - 1);
            }
        }
        long nextSequence = 0;
        boolean afterSkip = false;
        for (int i = 0; i < files.size(); i++) {
            final boolean last = i == files.size() - 1;
            final Path file = files.get(i);
            final SegmentOutcome outcome = scanSegment(file, last);
            if (outcome.truncated != null) {
                truncated = outcome.truncated;
            }
            if (outcome.corruption != null) {
                if (!skipCorrupt) {
                    throw new JournalException("the journal is corrupt: " + outcome.corruption
                        + "; the engine will not start on it (set journal.skip-corrupt-segments = true to start "
                        + "without that segment's records, or move the file away)");
                }
                skipped.add(outcome.corruption);
                afterSkip = true;
                continue;
            }
            if (outcome.summary != null) {
                if (!segments.isEmpty() && outcome.summary.baseSequence() < nextSequence) {
                    throw new JournalException("the journal is corrupt: " + file + " starts at sequence "
                        + outcome.summary.baseSequence() + ", before the end of the previous segment ("
                        + nextSequence + ")");
                }
                final String gap = segments.isEmpty() || afterSkip ? null
                    : SegmentContinuity.gap(segments.get(segments.size() - 1), outcome.summary);
                if (gap != null) {
                    if (!skipCorrupt) {
                        throw new JournalException("the journal has a gap: " + gap + "; the engine will not start "
                            + "on it (put the missing segment back, or set journal.skip-corrupt-segments = true to "
                            + "start without it)");
                    }
                    skipped.add(gap);
                }
                afterSkip = false;
                segments.add(outcome.summary);
                nextSequence = outcome.summary.baseSequence() + outcome.summary.recordCount();
            }
        }
        return new JournalInventory(segments, skipped, truncated, nextSequence);
    }

    /**
     * A crash while a segment was being created leaves it shorter than a header or with a header
     * of zeros: nothing was ever written to it, so it is removed.
     *
     * @return what was removed, or null
     */
    private static String removeUnfinishedLast(final Path file) {
        try {
            final long size = Files.size(file);
            boolean unfinished = size < SegmentHeaderDescriptor.HEADER_LENGTH;
            if (!unfinished) {
                final byte[] header = new byte[SegmentHeaderDescriptor.HEADER_LENGTH];
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                    channel.read(java.nio.ByteBuffer.wrap(header), 0);
                }
                unfinished = isAllZero(new UnsafeBuffer(header), 0);
            }
            if (!unfinished) {
                return null;
            }
            Files.delete(file);
            return file + ": an unfinished last segment (" + size + " bytes, no header), removed";
        }
        catch (final IOException failure) {
            throw new JournalException("cannot check the last journal segment " + file + ": " + failure, failure);
        }
    }

    private SegmentOutcome scanSegment(final Path file, final boolean last) {
        final long size;
        try {
            size = Files.size(file);
        }
        catch (final IOException failure) {
            throw new JournalException("cannot read journal segment " + file + ": " + failure, failure);
        }
        if (size < SegmentHeaderDescriptor.HEADER_LENGTH || size > Integer.MAX_VALUE) {
            return headerProblem(file, last, "it is " + size + " bytes long");
        }
        final boolean writable = last && repairTail;
        try (FileChannel channel = writable
            ? FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)
            : FileChannel.open(file, StandardOpenOption.READ)) {
            final MappedByteBuffer mapping = channel.map(
                writable ? FileChannel.MapMode.READ_WRITE : FileChannel.MapMode.READ_ONLY, 0, size);
            try {
                return scanMapped(file, last, new UnsafeBuffer(mapping), mapping);
            }
            finally {
                IoUtil.unmap(mapping);
            }
        }
        catch (final IOException failure) {
            throw new JournalException("cannot read journal segment " + file + ": " + failure, failure);
        }
    }

    private SegmentOutcome scanMapped(final Path file, final boolean last, final UnsafeBuffer buffer,
        final MappedByteBuffer mapping) {
        final String[] problem = new String[1];
        final SegmentHeader header = SegmentHeader.read(buffer, checksum, problem);
        if (header == null) {
            return isAllZero(buffer, 0) ? headerProblem(file, last, "its header was never written")
                : SegmentOutcome.corrupt(file + " at byte 0: " + problem[0]);
        }
        if (expectedFingerprint != null && !expectedFingerprint.equals(header.fingerprint())) {
            throw new JournalException("journal segment " + file + " was written with the token key of fingerprint "
                + header.fingerprint() + ", but this engine's key has fingerprint " + expectedFingerprint
                + ": its card tokens would not match; use the key it was written with, or move the journal away");
        }
        if (SegmentFiles.indexOf(file) != header.segmentIndex()) {
            return SegmentOutcome.corrupt(file + " at byte " + SegmentHeaderDescriptor.SEGMENT_INDEX_OFFSET
                + ": its header says segment " + header.segmentIndex());
        }
        final int recordLength = header.recordLength();
        final int capacity = SegmentHeaderDescriptor.recordCapacity(buffer.capacity(), recordLength);
        record.formatVersion(header.formatVersion());
        final byte[] previousChainMac = header.previousChainMac();
        final byte[] lastChainMac = previousChainMac.clone();
        long first = Long.MAX_VALUE;
        long lastTime = Long.MIN_VALUE;
        for (int i = 0; i < capacity; i++) {
            final int offset = SegmentHeaderDescriptor.recordOffset(i, recordLength);
            final int status = record.wrap(buffer, offset, header.baseSequence() + i);
            if (status == JournalRecord.VALID) {
                first = Math.min(first, record.decisionTimeEpochMillis());
                lastTime = Math.max(lastTime, record.decisionTimeEpochMillis());
                if (header.formatVersion() != SegmentHeaderDescriptor.FORMAT_VERSION_1) {
                    record.chainMacInto(lastChainMac);
                }
                continue;
            }
            final String where = file + " at byte " + offset + " (record " + (header.baseSequence() + i) + ")";
            final String damage = status == JournalRecord.DAMAGED ? record.damage() : null;
            final int nextValid = findValid(buffer, header.baseSequence(), i + 1, capacity, recordLength);
            if (nextValid >= 0) {
                return SegmentOutcome.corrupt(where + ": " + (damage != null ? damage : "an empty slot")
                    + " before the valid record at byte " + SegmentHeaderDescriptor.recordOffset(nextValid, recordLength));
            }
            final boolean upgradedAfter = header.formatVersion() == SegmentHeaderDescriptor.FORMAT_VERSION_1
                && damage == null && isAllZero(buffer, offset);
            if (!last && upgradedAfter) {
                // the engine moved to format version 2 here; the next segment must start where this ends
                return SegmentOutcome.valid(new SegmentSummary(file, header.segmentIndex(), header.baseSequence(), i,
                    header.createdEpochMillis(), first, lastTime, header.formatVersion(), previousChainMac,
                    lastChainMac), null);
            }
            if (!last) {
                return SegmentOutcome.corrupt(where + ": the segment ends early, "
                    + (damage != null ? damage : "an empty slot") + ", though a later segment follows");
            }
            String truncated = null;
            if (damage != null || !isAllZero(buffer, offset)) {
                truncated = where + ": " + (damage != null ? damage : "stray bytes after the last record");
                if (!repairTail) {
                    return SegmentOutcome.corrupt(truncated + " (a torn tail; the engine cuts it off at start)");
                }
                buffer.setMemory(offset, buffer.capacity() - offset, (byte)0);
                mapping.force();
            }
            return SegmentOutcome.valid(new SegmentSummary(file, header.segmentIndex(), header.baseSequence(), i,
                header.createdEpochMillis(), first, lastTime, header.formatVersion(), previousChainMac, lastChainMac),
                truncated);
        }
        return SegmentOutcome.valid(new SegmentSummary(file, header.segmentIndex(), header.baseSequence(), capacity,
            header.createdEpochMillis(), first, lastTime, header.formatVersion(), previousChainMac, lastChainMac), null);
    }

    private int findValid(final UnsafeBuffer buffer, final long baseSequence, final int from, final int capacity,
        final int recordLength) {
        for (int j = from; j < capacity; j++) {
            if (record.wrap(buffer, SegmentHeaderDescriptor.recordOffset(j, recordLength), baseSequence + j)
                == JournalRecord.VALID) {
                return j;
            }
        }
        return -1;
    }

    private SegmentOutcome headerProblem(final Path file, final boolean last, final String problem) {
        if (!last) {
            return SegmentOutcome.corrupt(file + " at byte 0: " + problem);
        }
        if (!repairTail) {
            return SegmentOutcome.corrupt(file + " at byte 0: " + problem + " (an unfinished last segment)");
        }
        try {
            Files.delete(file);
        }
        catch (final IOException failure) {
            throw new JournalException("cannot remove the unfinished last segment " + file + ": " + failure, failure);
        }
        return SegmentOutcome.truncatedWhole(file + ": an unfinished last segment (" + problem + "), removed");
    }

    private static boolean isAllZero(final UnsafeBuffer buffer, final int from) {
        final int capacity = buffer.capacity();
        int i = from;
        for (; i + Long.BYTES <= capacity; i += Long.BYTES) {
            if (buffer.getLong(i) != 0) {
                return false;
            }
        }
        for (; i < capacity; i++) {
            if (buffer.getByte(i) != 0) {
                return false;
            }
        }
        return true;
    }

    /** The scan of one segment. */
    private static final class SegmentOutcome {
        final SegmentSummary summary;
        final String corruption;
        final String truncated;

        private SegmentOutcome(final SegmentSummary summary, final String corruption, final String truncated) {
            this.summary = summary;
            this.corruption = corruption;
            this.truncated = truncated;
        }

        static SegmentOutcome valid(final SegmentSummary summary, final String truncated) {
            return new SegmentOutcome(summary, null, truncated);
        }

        static SegmentOutcome corrupt(final String corruption) {
            return new SegmentOutcome(null, corruption, null);
        }

        static SegmentOutcome truncatedWhole(final String truncated) {
            return new SegmentOutcome(null, null, truncated);
        }
    }
}
