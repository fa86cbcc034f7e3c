package dev.cardgate.engine.journal;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One segment file, open and mapped whole: its channel (kept open so that it can be synced),
 * the mapping, and an {@link UnsafeBuffer} over the mapping for the record codecs.
 *
 * <p>Threading: owned by one thread (the journal thread, or a reader's); {@link #channel()}
 * may be forced from another thread. Closing unmaps: the buffer must not be used afterwards.
 */
public final class SegmentFile implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;
    private final MappedByteBuffer mapping;
    private final UnsafeBuffer buffer;

    SegmentFile(final Path path, final FileChannel channel, final MappedByteBuffer mapping) {
        this.path = path;
        this.channel = channel;
        this.mapping = mapping;
        this.buffer = new UnsafeBuffer(mapping);
    }

    public Path path() {
        return path;
    }

    public FileChannel channel() {
        return channel;
    }

    public MappedByteBuffer mapping() {
        return mapping;
    }

    public UnsafeBuffer buffer() {
        return buffer;
    }

    /** Bytes mapped: the segment's length. */
    public int length() {
        return buffer.capacity();
    }

    @Override
    public void close() throws IOException {
        IoUtil.unmap(mapping);
        channel.close();
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
