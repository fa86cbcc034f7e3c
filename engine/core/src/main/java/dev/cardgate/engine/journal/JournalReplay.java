package dev.cardgate.engine.journal;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import dev.cardgate.engine.event.DecidedEventListener;

/**
 * Rebuilds the decision thread's state at start: hands every record decided at or after {@code
 * now - replayWindowMillis()} to the listener, in journal order, before the pipeline starts, as
 * an event wrapped over the mapped record (format version 2: nothing copied) or filled from it
 * (version 1). Segments that end before the window are not read.
 *
 * <p>Runs on the starting thread; allocates per segment, not per record.
 */
public final class JournalReplay {
    private JournalReplay() {
    }

    /**
     * @return how many records were replayed
     * @throws JournalException when a segment cannot be read or holds a reason this version does not know
     */
    public static long replay(final JournalInventory inventory, final DecidedEventListener listener,
        final long nowMillis) {
        final long fromMillis = nowMillis - listener.replayWindowMillis();
        final JournalRecord record = new JournalRecord();
        long replayed = 0;
        final List<SegmentSummary> segments = inventory.segments();
        for (final SegmentSummary segment : segments) {
            if (segment.recordCount() == 0 || segment.lastDecisionMillis() < fromMillis) {
                continue;
            }
            replayed += replaySegment(segment, fromMillis, record, listener);
        }
        return replayed;
    }

    private static long replaySegment(final SegmentSummary segment, final long fromMillis, final JournalRecord record,
        final DecidedEventListener listener) {
        long replayed = 0;
        try (FileChannel channel = FileChannel.open(segment.path(), StandardOpenOption.READ)) {
            final MappedByteBuffer mapping = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            try {
                final UnsafeBuffer buffer = new UnsafeBuffer(mapping);
                record.formatVersion(segment.formatVersion());
                for (int i = 0; i < segment.recordCount(); i++) {
                    final int offset = SegmentHeaderDescriptor.recordOffset(i, segment.recordLength());
                    if (record.wrap(buffer, offset, segment.baseSequence() + i) != JournalRecord.VALID) {
                        throw new JournalException("journal segment " + segment.path() + " changed since start-up's "
                            + "scan: at byte " + offset + " " + record.damage());
                    }
                    if (record.decisionTimeEpochMillis() < fromMillis) {
                        continue;
                    }
                    if (record.reason() == null) {
                        throw new JournalException("journal segment " + segment.path() + " at byte " + offset
                            + " holds decision reason " + record.reasonOrdinal() + ", unknown to this version");
                    }
                    listener.onDecided(record.event());
                    replayed++;
                }
            }
            finally {
                IoUtil.unmap(mapping);
            }
        }
        catch (final IOException failure) {
            throw new JournalException("cannot read journal segment " + segment.path() + ": " + failure, failure);
        }
        return replayed;
    }
}
