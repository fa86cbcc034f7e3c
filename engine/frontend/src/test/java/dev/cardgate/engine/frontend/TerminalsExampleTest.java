package dev.cardgate.engine.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** docs/terminals.md's example runs, gets what the page says, and is the code on the page. */
class TerminalsExampleTest {
    private static final String START = "// tag::example[]";
    private static final String END = "// end::example[]";

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theExampleSignsOnAndGetsAnApproval(@TempDir final Path dataDirectory) throws Exception {
        final List<String> printed = TerminalsExample.run(Path.of("../..", "config", "cardgate.properties"), dataDirectory);
        assertEquals("0810 39=00", printed.get(0));
        assertTrue(printed.get(1).matches("0110 11=000002 39=00 38=[0-9A-Z]{6} TPDU=6002030001"), printed.get(1));
    }

    @Test
    void docsTerminalsShowsExactlyTheCodeOfTheExample() throws IOException {
        final String source = Files.readString(
            Path.of("src", "test", "java", "dev", "cardgate", "engine", "frontend", "TerminalsExample.java"));
        final String example = source.substring(source.indexOf(START) + START.length(), source.indexOf(END));
        final String document = Files.readString(Path.of("../..", "docs", "terminals.md"));
        final String documented = document.substring(document.indexOf(START) + START.length(), document.indexOf(END));
        assertEquals(example.stripIndent().strip(), documented.stripIndent().strip(),
            "docs/terminals.md has drifted from TerminalsExample.java: copy the tagged block again");
    }
}
