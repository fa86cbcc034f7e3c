package dev.cardgate.engine.journal;

import java.io.IOException;
import java.nio.file.Path;

import org.agrona.concurrent.EpochClock;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.AuthorizationSlotDescriptor;
import dev.cardgate.engine.event.DecisionReason;

/**
 * Appends records to the journal's active segment, each chained to the one before by its chain
 * MAC ({@link JournalChain}), rolls to a new segment when it is full (its header carries the
 * chain MAC it continues from), and syncs what was written. A journal whose last segment is of
 * format version 1 is continued in a new version 2 segment, whose chain starts from zeros.
 *
 * <p>Failure contract: a method that throws leaves the writer as it was before the call (a
 * failed roll keeps the full segment active; a failed sync keeps the range unsynced), so the
 * caller can retry it. Threading: the journal thread only, except {@link #activeChannelForSync}
 * (any thread). No allocation per record; a roll allocates.
 */
public final class JournalWriter implements AutoCloseable {
    private final Path directory;
    private final int segmentBytes;
    private final String fingerprint;
    private final SegmentStorage storage;
    private final EpochClock clock;
    private final boolean syncOnRoll;
    private final JournalRecordEncoder encoder;
    private final RecordChecksum headerChecksum = new RecordChecksum();
    // the chain MAC of the last record appended: the next record chains from it
    private final byte[] lastChainMac = new byte[AuthorizationSlotDescriptor.CHAIN_MAC_LENGTH];
    // the chain MAC the active segment's first record chains from (its header's)
    private final byte[] activeFirstChainMac = new byte[AuthorizationSlotDescriptor.CHAIN_MAC_LENGTH];

    private volatile SegmentFile active;
    private long activeIndex;
    private long activeBaseSequence;
    private int activeCapacity;
    private int recordsInActive;
    private int syncedOffset;
    private long nextSequence;
    private long syncedSequence;

    /**
     * Opens the writer after the journal's scan: appends to the scan's last segment, or creates
     * the first segment when there is none.
     *
     * @param syncOnRoll force a full segment (and the folder) before moving to the next: false only
     *                   with durability none
     */
    public JournalWriter(final Path directory, final int segmentBytes, final JournalKey key,
        final SegmentStorage storage, final EpochClock clock, final boolean syncOnRoll,
        final JournalInventory inventory) throws IOException {
        this.directory = directory;
        this.segmentBytes = segmentBytes;
        this.fingerprint = key.fingerprint();
        this.encoder = new JournalRecordEncoder(key.newChain());
        this.storage = storage;
        this.clock = clock;
        this.syncOnRoll = syncOnRoll;
        final SegmentSummary last = inventory.lastSegment();
        if (last == null || last.formatVersion() != SegmentHeaderDescriptor.FORMAT_VERSION) {
            nextSequence = inventory.nextSequence();
            activeIndex = last == null ? 0 : last.segmentIndex() + 1;
            active = createSegment(activeIndex, nextSequence);
            activeBaseSequence = nextSequence;
            recordsInActive = 0;
        }
        else {
            last.lastChainMacInto(lastChainMac);
            last.previousChainMacInto(activeFirstChainMac);
            active = storage.openForAppend(last.path());
            activeIndex = last.segmentIndex();
            activeBaseSequence = last.baseSequence();
            recordsInActive = last.recordCount();
            nextSequence = last.baseSequence() + last.recordCount();
        }
        activeCapacity = SegmentHeaderDescriptor.recordCapacity(active.length());
        syncedOffset = SegmentHeaderDescriptor.recordOffset(recordsInActive);
        syncedSequence = nextSequence;
    }

    /**
     * Appends the record of a decided event, rolling first when the active segment is full.
     *
     * @return the record's engine sequence
     * @throws IOException when a roll could not sync the full segment or create the next one
     */
    public long append(final AuthorizationEvent event, final long monotonicNanos) throws IOException {
        if (recordsInActive == activeCapacity) {
            roll();
        }
        final long sequence = nextSequence;
        encoder.encode(active.buffer(), SegmentHeaderDescriptor.recordOffset(recordsInActive), sequence, event,
            monotonicNanos, lastChainMac);
        recordsInActive++;
        nextSequence = sequence + 1;
        return sequence;
    }

    /** Forces every record appended to the active segment since the last sync. */
    public void sync() throws IOException {
        final int writtenOffset = SegmentHeaderDescriptor.recordOffset(recordsInActive);
        if (writtenOffset > syncedOffset) {
            storage.force(active, syncedOffset, writtenOffset - syncedOffset);
            syncedOffset = writtenOffset;
        }
        syncedSequence = nextSequence;
    }

    /** Every record below this engine sequence has been synced (or was there at start). */
    public long syncedSequence() {
        return syncedSequence;
    }

    /** True when records were appended since the last sync. */
    public boolean hasUnsynced() {
        return SegmentHeaderDescriptor.recordOffset(recordsInActive) > syncedOffset;
    }

    /**
     * Rewrites the decision of a record appended and not yet synced (it is in the active
     * segment): its approval failed to reach the disk and is answered {@code reason} instead.
     * The records after it are sealed again, since their chain MACs cover its own.
     *
     * @return false when the record is not in the active segment
     */
    public boolean amendDecision(final long sequence, final DecisionReason reason, final int ruleId) {
        final long index = sequence - activeBaseSequence;
        if (index < 0 || index >= recordsInActive) {
            return false;
        }
        final byte[] chainMac = lastChainMac;
        if (index == 0) {
            System.arraycopy(activeFirstChainMac, 0, chainMac, 0, chainMac.length);
        }
        else {
            active.buffer().getBytes(SegmentHeaderDescriptor.recordOffset(index - 1)
                + AuthorizationSlotDescriptor.CHAIN_MAC_OFFSET, chainMac, 0, chainMac.length);
        }
        encoder.amendDecision(active.buffer(), SegmentHeaderDescriptor.recordOffset(index), reason, ruleId, chainMac);
        for (long later = index + 1; later < recordsInActive; later++) {
            encoder.reseal(active.buffer(), SegmentHeaderDescriptor.recordOffset(later), chainMac);
        }
        return true;
    }

    /** Rolls now when the active segment is full, so that the next append needs no new file. */
    public void ensureRoom() throws IOException {
        if (recordsInActive == activeCapacity) {
            roll();
        }
    }

    /** The engine sequence the next record gets. */
    public long nextSequence() {
        return nextSequence;
    }

    /** The index of the segment being written. */
    public long activeSegmentIndex() {
        return activeIndex;
    }

    /** The segment being written; read by the interval syncer's thread. */
    public SegmentFile activeChannelForSync() {
        return active;
    }

    private void roll() throws IOException {
        if (syncOnRoll) {
            sync();
        }
        final long nextIndex = activeIndex + 1;
        final SegmentFile next = createSegment(nextIndex, nextSequence);
        final SegmentFile previous = active;
        active = next;
        System.arraycopy(lastChainMac, 0, activeFirstChainMac, 0, lastChainMac.length);
        activeIndex = nextIndex;
        activeBaseSequence = nextSequence;
        activeCapacity = SegmentHeaderDescriptor.recordCapacity(next.length());
        recordsInActive = 0;
        syncedOffset = SegmentHeaderDescriptor.recordOffset(0);
        previous.close();
    }

    private SegmentFile createSegment(final long index, final long baseSequence) throws IOException {
        final SegmentFile segment = storage.create(SegmentFiles.segmentPath(directory, index), segmentBytes);
        try {
            SegmentHeader.write(segment.buffer(), index, baseSequence, clock.time(), fingerprint, lastChainMac,
                headerChecksum);
            if (syncOnRoll) {
                storage.force(segment, 0, SegmentHeaderDescriptor.HEADER_LENGTH);
                storage.forceDirectory(directory);
            }
            return segment;
        }
        catch (final IOException | RuntimeException failure) {
            segment.close();
            java.nio.file.Files.deleteIfExists(segment.path());
            throw failure;
        }
    }

    /** Syncs what was appended (unless with durability none) and closes the active segment. */
    public void close(final boolean syncFirst) throws IOException {
        try {
            if (syncFirst) {
                sync();
            }
        }
        finally {
            active.close();
        }
    }

    @Override
    public void close() throws IOException {
        close(true);
    }
}
