package dev.cardgate.engine.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real segment files, with switches that make creating or syncing fail as a full disk would,
 * and a record of how far each segment has been synced (for the ack-after-sync tests).
 */
public final class FailingSegmentStorage implements SegmentStorage {
    private volatile boolean failing;
    private final AtomicLong forces = new AtomicLong();
    private volatile long syncedRecords;

    /** From now on every create and force fails with "No space left on device", until healed. */
    public void failFromNowOn() {
        failing = true;
    }

    public void heal() {
        failing = false;
    }

    public long forces() {
        return forces.get();
    }

    /** Records known to be on the disk: the highest engine sequence synced, plus one. */
    public long syncedRecords() {
        return syncedRecords;
    }

    @Override
    public SegmentFile create(final Path file, final int length) throws IOException {
        check();
        return FileSegmentStorage.INSTANCE.create(file, length);
    }

    @Override
    public SegmentFile openForAppend(final Path file) throws IOException {
        return FileSegmentStorage.INSTANCE.openForAppend(file);
    }

    @Override
    public void force(final SegmentFile segment, final int from, final int length) throws IOException {
        check();
        FileSegmentStorage.INSTANCE.force(segment, from, length);
        forces.incrementAndGet();
        final long base = segment.buffer().getLong(SegmentHeaderDescriptor.BASE_SEQUENCE_OFFSET,
            java.nio.ByteOrder.LITTLE_ENDIAN);
        final long records = base + SegmentHeaderDescriptor.recordCapacity(from + length);
        if (records > syncedRecords) {
            syncedRecords = records;
        }
    }

    @Override
    public void forceDirectory(final Path directory) throws IOException {
        check();
        FileSegmentStorage.INSTANCE.forceDirectory(directory);
    }

    private void check() throws IOException {
        if (failing) {
            throw new IOException("No space left on device (injected)");
        }
    }
}
