package dev.cardgate.engine.journal;

import java.nio.file.Path;

/**
 * What start-up's scan found in one valid segment: where its records start and end in the
 * engine's sequence and in time. Immutable.
 */
public final class SegmentSummary {
    private final Path path;
    private final long segmentIndex;
    private final long baseSequence;
    private final int recordCount;
    private final long createdEpochMillis;
    private final long firstDecisionMillis;
    private final long lastDecisionMillis;

    SegmentSummary(final Path path, final long segmentIndex, final long baseSequence, final int recordCount,
        final long createdEpochMillis, final long firstDecisionMillis, final long lastDecisionMillis) {
        this.path = path;
        this.segmentIndex = segmentIndex;
        this.baseSequence = baseSequence;
        this.recordCount = recordCount;
        this.createdEpochMillis = createdEpochMillis;
        this.firstDecisionMillis = firstDecisionMillis;
        this.lastDecisionMillis = lastDecisionMillis;
    }

    public Path path() {
        return path;
    }

    public long segmentIndex() {
        return segmentIndex;
    }

    public long baseSequence() {
        return baseSequence;
    }

    public int recordCount() {
        return recordCount;
    }

    public long createdEpochMillis() {
        return createdEpochMillis;
    }

    /** Decision time of the first record; {@link Long#MAX_VALUE} when the segment is empty. */
    public long firstDecisionMillis() {
        return firstDecisionMillis;
    }

    /** Decision time of the last record; {@link Long#MIN_VALUE} when the segment is empty. */
    public long lastDecisionMillis() {
        return lastDecisionMillis;
    }

    @Override
    public String toString() {
        return path.getFileName() + " (records " + baseSequence + " to " + (baseSequence + recordCount - 1) + ")";
    }
}
