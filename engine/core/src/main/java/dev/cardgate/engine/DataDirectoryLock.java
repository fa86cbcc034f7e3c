package dev.cardgate.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.cardgate.engine.files.OwnerOnlyFiles;

/**
 * One engine per data folder: an OS file lock on {@code <data.dir>/engine.lock}, taken at
 * launch and held for the engine's life. The kernel releases it when the process dies, however
 * it dies, so a restart after kill -9 is never refused; whether a process id is alive is never
 * asked, since in a container the restarted engine is process 1 again, as its dead predecessor was.
 *
 * <p>The file holds the holder's process id, for the refusal's message only. POSIX locks belong
 * to the process and closing any channel on the file drops them all, so a second engine in the
 * same JVM is refused from {@link #HELD_IN_THIS_PROCESS} before any channel is opened.
 *
 * <p>Threading: {@link #acquire} from the launching thread; {@link #close} from any, idempotent.
 */
public final class DataDirectoryLock implements AutoCloseable {
    /** The lock file's name in the data folder. */
    public static final String FILE_NAME = "engine.lock";

    /** Lock files this JVM holds, by the real path of their folder. */
    private static final Set<Path> HELD_IN_THIS_PROCESS = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean released;

    private DataDirectoryLock(final Path file, final FileChannel channel, final FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the data folder (which must exist) for this engine.
     *
     * @throws UncheckedIOException when another live engine holds it (the message names the folder
     *                              and that engine's process id), or the lock file cannot be written
     */
    public static DataDirectoryLock acquire(final Path dataDirectory) {
        final Path file;
        try {
            // the real path, so that two names of one folder are one entry of HELD_IN_THIS_PROCESS
            file = dataDirectory.toRealPath().resolve(FILE_NAME);
        }
        catch (final IOException failure) {
            throw new UncheckedIOException("cannot lock the data folder " + dataDirectory.toAbsolutePath() + ": "
                + failure.getMessage(), failure);
        }
        if (!HELD_IN_THIS_PROCESS.add(file)) {
            throw inUse(dataDirectory, ProcessHandle.current().pid());
        }
        FileChannel channel = null;
        try {
            OwnerOnlyFiles.createEmptyIfAbsent(file);
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            final FileLock lock = channel.tryLock();
            if (lock == null) {
                final long holder = holderProcessId(channel);
                channel.close();
                HELD_IN_THIS_PROCESS.remove(file);
                throw inUse(dataDirectory, holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            return new DataDirectoryLock(file, channel, lock);
        }
        catch (final IOException failure) {
            closeQuietly(channel);
            HELD_IN_THIS_PROCESS.remove(file);
            throw new UncheckedIOException("cannot lock the data folder " + dataDirectory.toAbsolutePath() + " ("
                + file + "): " + failure.getMessage(), failure);
        }
    }

    /** The lock file. */
    public Path file() {
        return file;
    }

    /** Releases the folder for another engine; the file stays (it is only ever locked, not deleted). */
    @Override
    public synchronized void close() {
        if (released) {
            return;
        }
        released = true;
        try {
            lock.release();
        }
        catch (final IOException ignored) {
            // closing the channel below releases the lock as well
        }
        closeQuietly(channel);
        HELD_IN_THIS_PROCESS.remove(file);
    }

    @Override
    public String toString() {
        return "data folder lock " + file;
    }

    private static UncheckedIOException inUse(final Path dataDirectory, final long holder) {
        return new UncheckedIOException(new IOException("the data folder " + dataDirectory.toAbsolutePath()
            + " is in use by the engine in process " + (holder > 0 ? Long.toString(holder) : "(unknown)")
            + ": stop it first, or give this engine its own data.dir"));
    }

    /** The process id the holder wrote, or 0 when the file does not hold one (yet). */
    private static long holderProcessId(final FileChannel channel) throws IOException {
        final ByteBuffer bytes = ByteBuffer.allocate(24);
        channel.read(bytes, 0);
        final String text = new String(bytes.array(), 0, bytes.position(), StandardCharsets.US_ASCII).trim();
        try {
            return text.isEmpty() ? 0 : Long.parseLong(text);
        }
        catch (final NumberFormatException notAnId) {
            return 0;
        }
    }

    private static void closeQuietly(final FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        }
        catch (final IOException ignored) {
            // nothing is held through a channel that failed to close
        }
    }
}
