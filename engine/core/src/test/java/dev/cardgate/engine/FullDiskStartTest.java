package dev.cardgate.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.config.EngineConfiguration;

/**
 * Start-up on a full disk says "no space left on" the file system that holds the data folder,
 * not that a map is damaged nor an {@code InternalError} from the mapped counters file. The full
 * disk is a real one: a 512 KiB tmpfs, filled, which needs root (skipped otherwise, saying so).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FullDiskStartTest {
    private static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @TempDir
    Path folder;

    @Test
    void startOnAFullDiskSaysNoSpaceLeftOnTheFileSystem() throws Exception {
        final Path mountPoint = Files.createDirectories(folder.resolve("tiny-disk"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=512k,mode=0700", "tmpfs", mountPoint.toString()),
            "needs root to mount a 512 KiB tmpfs as the full disk (mount -t tmpfs failed)");
        try {
            final Path dataDirectory = Files.createDirectories(mountPoint.resolve("data"));
            fill(mountPoint.resolve("filler"));
            final EngineConfiguration configuration = EngineConfiguration.builder().dataDirectory(dataDirectory)
                .engineName("full-disk").ringSize(64).blocklistCapacity(1_000).terminalCapacity(1_000)
                .tokenKeyHex(KEY).build();
            final UncheckedIOException refused = assertThrows(UncheckedIOException.class,
                () -> AuthorizationEngine.launch(configuration));
            assertTrue(refused.getMessage().startsWith("no space left on the file system " + mountPoint + " (tmpfs)"),
                refused.getMessage());
            assertFalse(refused.getMessage().contains("damaged"), refused.getMessage());
        }
        finally {
            assertTrue(run("umount", "--lazy", mountPoint.toString()), "unmounted");
        }
    }

    private static void fill(final Path filler) {
        final byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        }
        catch (final IOException full) {
            // the file system is full
        }
    }

    private static boolean run(final String... command) throws IOException, InterruptedException {
        final Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
    }
}
