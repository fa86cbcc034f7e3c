package dev.cardgate.engine.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.agrona.IoUtil;

import dev.cardgate.engine.files.OwnerOnlyFiles;

/**
 * Segments on the local file system: created owner-only (rw-------), allocated by writing
 * zeros, mapped whole, synced with msync on the written range.
 */
public final class FileSegmentStorage implements SegmentStorage {
    /** The one instance; it holds no state. */
    public static final FileSegmentStorage INSTANCE = new FileSegmentStorage();

    private FileSegmentStorage() {
    }

    @Override
    public SegmentFile create(final Path file, final int length) throws IOException {
        final FileChannel channel = FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE_NEW,
            StandardOpenOption.READ, StandardOpenOption.WRITE), OwnerOnlyFiles.ownerReadWrite());
        try {
            IoUtil.fill(channel, 0, length, (byte)0);
            final MappedByteBuffer mapping = channel.map(FileChannel.MapMode.READ_WRITE, 0, length);
            return new SegmentFile(file, channel, mapping);
        }
        catch (final IOException | RuntimeException failure) {
            channel.close();
            java.nio.file.Files.deleteIfExists(file);
            throw failure;
        }
    }

    @Override
    public SegmentFile openForAppend(final Path file) throws IOException {
        final FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            final MappedByteBuffer mapping = channel.map(FileChannel.MapMode.READ_WRITE, 0, channel.size());
            return new SegmentFile(file, channel, mapping);
        }
        catch (final IOException | RuntimeException failure) {
            channel.close();
            throw failure;
        }
    }

    @Override
    public void force(final SegmentFile segment, final int from, final int length) throws IOException {
        try {
            segment.mapping().force(from, length);
        }
        catch (final UncheckedIOException failure) {
            throw failure.getCause();
        }
    }

    @Override
    public void forceDirectory(final Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
