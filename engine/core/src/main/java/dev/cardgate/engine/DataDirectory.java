package dev.cardgate.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The engine's data folder: created owner-only (rwx------) when absent, left as it is when present. */
public final class DataDirectory {
    private DataDirectory() {
    }

    public static void createIfAbsent(final Path directory) {
        if (Files.isDirectory(directory)) {
            return;
        }
        try {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        }
        catch (final IOException failure) {
            throw new UncheckedIOException("cannot create the data folder " + directory.toAbsolutePath()
                + " (data.dir): " + failure.getMessage(), failure);
        }
    }
}
