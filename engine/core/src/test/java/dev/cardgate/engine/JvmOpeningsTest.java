package dev.cardgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launch check of the JVM flags: it asks for exactly the openings config/jvm.options gives,
 * finds none missing in a JVM started with the argfile (as surefire starts this one), and in a
 * child JVM started without it refuses the launch naming the flags and the argfile, before any
 * file is made, instead of Chronicle's raw IllegalAccessError.
 */
class JvmOpeningsTest {
    private static final Path JVM_OPTIONS = Path.of("../..", "config", "jvm.options").toAbsolutePath().normalize();

    @TempDir
    Path folder;

    @Test
    void checksExactlyTheOpeningsOfTheArgfile() throws IOException {
        final List<String> lines = Files.readAllLines(JVM_OPTIONS);
        assertEquals(flagsOf(lines, "--add-exports="), JvmOpenings.EXPORTS);
        assertEquals(flagsOf(lines, "--add-opens="), JvmOpenings.OPENS);
    }

    @Test
    void findsNothingMissingInAJvmStartedWithTheArgfile() {
        assertEquals(List.of(), JvmOpenings.missing(JvmOpenings.class.getModule()));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aLaunchWithoutTheFlagsIsRefusedNamingThemAndTheArgfile() throws Exception {
        final Path dataDirectory = folder.resolve("data");
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        final Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
            LaunchWithoutFlagsProcess.class.getName(), dataDirectory.toString())).redirectErrorStream(true).start();
        final String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(50, TimeUnit.SECONDS));

        assertEquals(LaunchWithoutFlagsProcess.REFUSED, child.exitValue(), output);
        assertTrue(output.contains("java.lang.IllegalStateException: this JVM was started without the flags"
            + " Chronicle Map needs"), output);
        assertTrue(output.contains("--add-opens=java.base/java.lang=ALL-UNNAMED"), output);
        assertTrue(output.contains("--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"), output);
        assertTrue(output.contains("@config/jvm.options"), output);
        assertFalse(output.contains("IllegalAccessError"), output);
        assertFalse(Files.exists(dataDirectory), "the refused launch made the data folder");
    }

    private static List<String> flagsOf(final List<String> lines, final String prefix) {
        return lines.stream().filter(line -> line.startsWith(prefix))
            .map(line -> line.substring(prefix.length(), line.lastIndexOf('=')))
            .collect(Collectors.toList());
    }
}
