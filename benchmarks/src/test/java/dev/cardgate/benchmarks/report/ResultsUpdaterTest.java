package dev.cardgate.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsUpdaterTest {
    @TempDir
    Path folder;

    @Test
    void replacesOnlyTheLinesBetweenTheMarkers() {
        final String document = "# Results\nhand-written\n<!-- generated machine begin -->\nold\n"
            + "<!-- generated machine end -->\nkept\n";

        assertEquals("# Results\nhand-written\n<!-- generated machine begin -->\nnew\n"
            + "<!-- generated machine end -->\nkept\n", ResultsUpdater.replaceSection(document, "machine", "new"));
    }

    @Test
    void refusesASectionWithoutItsMarkersNamingThem() {
        final IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
            () -> ResultsUpdater.replaceSection("no markers here\n", "frontend", "table"));

        assertTrue(refusal.getMessage().contains("<!-- generated frontend begin -->"), refusal.getMessage());
    }

    @Test
    void rewritesTheFileFromEachSource() throws IOException {
        final Path results = Files.writeString(folder.resolve("RESULTS.md"),
            "a\n<!-- generated machine begin -->\n<!-- generated machine end -->\nb\n");
        final Path machine = Files.writeString(folder.resolve("machine.txt"), "nproc 2\n");

        ResultsUpdater.main(new String[] {results.toString(), "machine=text:" + machine});

        assertEquals("a\n<!-- generated machine begin -->\n```\nnproc 2\n```\n<!-- generated machine end -->\nb\n",
            Files.readString(results));
    }
}
