package dev.cardgate.engine.journal;

import java.util.List;

/**
 * What the start-up scan found: the valid segments in order, the corrupt ones it skipped (only
 * when told to), what it cut off a torn tail, and where the next record goes. Immutable.
 */
public final class JournalInventory {
    private final List<SegmentSummary> segments;
    private final List<String> skippedCorruptions;
    private final String truncatedTail;
    private final long nextSequence;

    JournalInventory(final List<SegmentSummary> segments, final List<String> skippedCorruptions,
        final String truncatedTail, final long nextSequence) {
        this.segments = List.copyOf(segments);
        this.skippedCorruptions = List.copyOf(skippedCorruptions);
        this.truncatedTail = truncatedTail;
        this.nextSequence = nextSequence;
    }

    /** Valid segments, oldest first; the last is the one appended to. */
    public List<SegmentSummary> segments() {
        return segments;
    }

    /** One line per corrupt segment skipped (file, byte position, what is wrong). */
    public List<String> skippedCorruptions() {
        return skippedCorruptions;
    }

    /** What was cut off the end of the journal (a torn record), or null when the tail was clean. */
    public String truncatedTail() {
        return truncatedTail;
    }

    /** The engine sequence the next record gets. */
    public long nextSequence() {
        return nextSequence;
    }

    /** Records in the valid segments. */
    public long recordCount() {
        long count = 0;
        for (final SegmentSummary segment : segments) {
            count += segment.recordCount();
        }
        return count;
    }

    /** The last valid segment, or null when the journal is empty. */
    public SegmentSummary lastSegment() {
        return segments.isEmpty() ? null : segments.get(segments.size() - 1);
    }
}
