package dev.cardgate.engine.counters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.agrona.BufferUtil;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;

import dev.cardgate.engine.files.OwnerOnlyFiles;

/**
 * The memory the engine's counters live in: the counters file of {@link CountersFileDescriptor},
 * memory-mapped and owner-only, or (for an engine without a data folder, in tests) an ordinary
 * off-heap buffer of the same layout that no other process sees.
 *
 * <p>Threading: created by the engine's launching thread; the counters it hands out are written
 * by the pipeline's threads. It is never unmapped explicitly: the mapping goes with the last
 * counter that uses it (the garbage collector's cleaner), so reading counters after the engine
 * closed, as its shutdown summary does, stays safe.
 */
public final class CountersFile {
    /** Counters the file has room for: the engine uses about 200. */
    public static final int CAPACITY = 256;

    private final Path file;
    private final CountersManager countersManager;

    private CountersFile(final Path file, final ByteBuffer memory, final EpochClock clock) {
        this.file = file;
        final UnsafeBuffer header = new UnsafeBuffer(memory, 0, CountersFileDescriptor.HEADER_LENGTH);
        final UnsafeBuffer metadata = new UnsafeBuffer(memory, CountersFileDescriptor.HEADER_LENGTH,
            CountersFileDescriptor.metadataLength(CAPACITY));
        final UnsafeBuffer values = new UnsafeBuffer(memory, CountersFileDescriptor.valuesOffset(CAPACITY),
            CountersFileDescriptor.valuesLength(CAPACITY));
        countersManager = new CountersManager(metadata, values, StandardCharsets.UTF_8);
        header.putInt(CountersFileDescriptor.LAYOUT_VERSION_OFFSET, CountersFileDescriptor.LAYOUT_VERSION);
        header.putInt(CountersFileDescriptor.CAPACITY_OFFSET, CAPACITY);
        header.putLong(CountersFileDescriptor.PROCESS_ID_OFFSET, ProcessHandle.current().pid());
        header.putLong(CountersFileDescriptor.START_TIME_OFFSET, clock.time());
        header.putLongRelease(CountersFileDescriptor.MAGIC_OFFSET, CountersFileDescriptor.MAGIC);
    }

    /**
     * Creates {@code file} afresh (owner-only; a file left by an earlier run is replaced, so a
     * reader still holding it sees its heartbeat stop) and maps it. The caller holds the data
     * folder ({@code DataDirectoryLock}): no live engine publishes in it.
     *
     * @throws UncheckedIOException when it cannot be created
     */
    public static CountersFile create(final Path file, final EpochClock clock) {
        try {
            Files.deleteIfExists(file);
            try (FileChannel channel = FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.READ, StandardOpenOption.WRITE), OwnerOnlyFiles.ownerReadWrite())) {
                final MappedByteBuffer memory = channel.map(FileChannel.MapMode.READ_WRITE, 0,
                    CountersFileDescriptor.fileLength(CAPACITY));
                return new CountersFile(file, memory, clock);
            }
        }
        catch (final IOException failure) {
            throw new UncheckedIOException("cannot create the counters file " + file.toAbsolutePath() + ": "
                + failure.getMessage(), failure);
        }
    }

    /** Counters in this process's memory only, for an engine without a data folder. */
    public static CountersFile inMemory(final EpochClock clock) {
        return new CountersFile(null, BufferUtil.allocateDirectAligned(CountersFileDescriptor.fileLength(CAPACITY),
            CountersFileDescriptor.HEADER_LENGTH), clock);
    }

    /** Where the counters are, or null when they are in memory only. */
    public Path file() {
        return file;
    }

    /** Allocates the counters; the engine's launching thread only. */
    public CountersManager countersManager() {
        return countersManager;
    }

    @Override
    public String toString() {
        return file == null ? "counters in memory" : "counters file " + file;
    }
}
