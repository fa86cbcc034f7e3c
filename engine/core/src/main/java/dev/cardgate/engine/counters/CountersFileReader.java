package dev.cardgate.engine.counters;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersReader;

/**
 * Reads a running engine's counters file from another process: maps it read-only, checks its
 * header ({@link CountersFileDescriptor}) and reads the counters through Agrona's {@link
 * CountersReader}. Never writes.
 */
public final class CountersFileReader {
    private final Path file;
    private final UnsafeBuffer header;
    private final CountersReader counters;

    private CountersFileReader(final Path file, final MappedByteBuffer memory, final int capacity) {
        this.file = file;
        header = new UnsafeBuffer(memory, 0, CountersFileDescriptor.HEADER_LENGTH);
        counters = new CountersReader(
            new UnsafeBuffer(memory, CountersFileDescriptor.HEADER_LENGTH, CountersFileDescriptor.metadataLength(capacity)),
            new UnsafeBuffer(memory, CountersFileDescriptor.valuesOffset(capacity),
                CountersFileDescriptor.valuesLength(capacity)),
            StandardCharsets.UTF_8);
    }

    /**
     * Maps {@code file} read-only.
     *
     * @throws CountersFileException when it does not exist, is not a counters file or has another layout
     */
    public static CountersFileReader open(final Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            final long size = channel.size();
            if (size < CountersFileDescriptor.HEADER_LENGTH) {
                throw new CountersFileException(file + " is not a cardgate counters file (" + size + " bytes)");
            }
            final MappedByteBuffer memory = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            final UnsafeBuffer header = new UnsafeBuffer(memory, 0, CountersFileDescriptor.HEADER_LENGTH);
            if (header.getLongAcquire(CountersFileDescriptor.MAGIC_OFFSET) != CountersFileDescriptor.MAGIC) {
                throw new CountersFileException(file + " is not a cardgate counters file (or the engine is still "
                    + "creating it)");
            }
            final int version = header.getInt(CountersFileDescriptor.LAYOUT_VERSION_OFFSET);
            final int capacity = header.getInt(CountersFileDescriptor.CAPACITY_OFFSET);
            if (version != CountersFileDescriptor.LAYOUT_VERSION || capacity < 1
                || CountersFileDescriptor.fileLength(capacity) != size) {
                throw new CountersFileException(file + " has layout version " + version + " and capacity " + capacity
                    + " in " + size + " bytes; this cardgate reads version " + CountersFileDescriptor.LAYOUT_VERSION);
            }
            return new CountersFileReader(file, memory, capacity);
        }
        catch (final NoSuchFileException missing) {
            throw new CountersFileException("no counters file at " + file.toAbsolutePath());
        }
        catch (final IOException failure) {
            throw new CountersFileException("cannot read the counters file " + file.toAbsolutePath() + ": " + failure);
        }
    }

    public Path file() {
        return file;
    }

    /** The engine's process id. */
    public long processId() {
        return header.getLong(CountersFileDescriptor.PROCESS_ID_OFFSET);
    }

    /** When the engine started, epoch milliseconds. */
    public long startTimeMillis() {
        return header.getLong(CountersFileDescriptor.START_TIME_OFFSET);
    }

    /** Every allocated counter now, in id order. */
    public List<CounterValue> read() {
        return CounterValue.readAll(counters);
    }

    /** When the engine last published (epoch milliseconds), or 0 when it has not yet. */
    public static long heartbeatMillis(final List<CounterValue> values) {
        for (final CounterValue value : values) {
            if (value.typeId() == CounterTypes.HEARTBEAT) {
                return value.value();
            }
        }
        return 0;
    }
}
