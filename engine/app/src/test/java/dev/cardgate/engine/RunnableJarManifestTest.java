package dev.cardgate.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The runnable jar's manifest opens the same JDK packages as config/jvm.options, the one
 * reference for the flags, so that {@code java -jar cardgate.jar} works without the argfile.
 */
class RunnableJarManifestTest {
    @Test
    void manifestEntriesMirrorEveryOpeningInJvmOptions() throws IOException {
        final String pom = Files.readString(Path.of("pom.xml"));
        final List<String> openings = Files.readAllLines(Path.of("../..", "config", "jvm.options")).stream()
            .map(String::trim)
            .filter(line -> line.startsWith("--add-opens=") || line.startsWith("--add-exports="))
            .collect(Collectors.toList());
        assertFalse(openings.isEmpty());
        for (final String opening : openings) {
            final boolean opens = opening.startsWith("--add-opens=");
            final String modulePackage = opening.substring(opening.indexOf('=') + 1, opening.lastIndexOf('='));
            final String entry = opens ? "<Add-Opens>" : "<Add-Exports>";
            final int start = pom.indexOf(entry);
            final List<String> entries = List.of(
                pom.substring(start + entry.length(), pom.indexOf('<', start + entry.length())).trim().split("\\s+"));
            assertTrue(entries.contains(modulePackage), opening + " is missing from the manifest's " + entry);
        }
    }
}
