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
    private final int formatVersion;
    private final byte[] previousChainMac;
    private final byte[] lastChainMac;

    SegmentSummary(final Path path, final long segmentIndex, final long baseSequence, final int recordCount,
        final long createdEpochMillis, final long firstDecisionMillis, final long lastDecisionMillis,
        final int formatVersion, final byte[] previousChainMac, final byte[] lastChainMac) {
        this.path = path;
        this.segmentIndex = segmentIndex;
        this.baseSequence = baseSequence;
        this.recordCount = recordCount;
        this.createdEpochMillis = createdEpochMillis;
        this.firstDecisionMillis = firstDecisionMillis;
        this.lastDecisionMillis = lastDecisionMillis;
        this.formatVersion = formatVersion;
        this.previousChainMac = previousChainMac.clone();
        this.lastChainMac = lastChainMac.clone();
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

    /** 1 or 2: the format of the segment's header and records. */
    public int formatVersion() {
        return formatVersion;
    }

    /** Bytes per record in this segment. */
    public int recordLength() {
        return SegmentHeaderDescriptor.recordLength(formatVersion);
    }

    /** Copies the chain MAC the segment's first record chains from (its header's; zeros for version 1). */
    public void previousChainMacInto(final byte[] destination) {
        System.arraycopy(previousChainMac, 0, destination, 0, previousChainMac.length);
    }

    /** Copies the chain MAC of the segment's last record (the header's when it has none; zeros for version 1). */
    public void lastChainMacInto(final byte[] destination) {
        System.arraycopy(lastChainMac, 0, destination, 0, lastChainMac.length);
    }

    /** True when the segment's header says it continues from chain MAC {@code chainMac}. */
    boolean continuesFrom(final byte[] chainMac) {
        return java.util.Arrays.equals(previousChainMac, chainMac);
    }

    @Override
    public String toString() {
        return path.getFileName() + " (records " + baseSequence + " to " + (baseSequence + recordCount - 1) + ")";
    }
}
