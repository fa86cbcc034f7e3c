package dev.cardgate.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Says what a failure at start-up was when the data folder's file system is full: a file that
 * cannot grow shows as a map that looks damaged, a mapped counters file that faults
 * ({@code InternalError}), or a key that cannot be written, and each of those messages would
 * send the operator the wrong way. Otherwise the failure is returned as it was.
 */
final class StartFailures {
    /** Below this much usable space a failed start is put down to the full file system. */
    static final long LOW_SPACE_BYTES = 1L << 20;

    private StartFailures() {
    }

    /**
     * @return an {@link UncheckedIOException} saying "no space left on" the file system, naming
     *     it and its mount point, when it is (nearly) full; else {@code failure} itself
     */
    static RuntimeException explained(final Throwable failure, final Path dataDirectory) {
        final FileStore store = fileStoreOf(dataDirectory);
        final long usable = usableSpace(store);
        if (store != null && usable < LOW_SPACE_BYTES) {
            return new UncheckedIOException("no space left on the file system " + store + " that holds "
                + dataDirectory.toAbsolutePath().normalize() + " (" + usable + " bytes usable): free space there "
                + "and start again (what failed for want of it: " + failure + ")",
                new IOException(failure));
        }
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        throw (Error)failure;
    }

    /** The file store of the folder, or of its nearest existing parent; null when none can be found. */
    private static FileStore fileStoreOf(final Path directory) {
        Path existing = directory.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return null;
        }
        try {
            return Files.getFileStore(existing);
        }
        catch (final IOException unknown) {
            return null;
        }
    }

    private static long usableSpace(final FileStore store) {
        if (store == null) {
            return Long.MAX_VALUE;
        }
        try {
            return store.getUsableSpace();
        }
        catch (final IOException unknown) {
            return Long.MAX_VALUE;
        }
    }
}
