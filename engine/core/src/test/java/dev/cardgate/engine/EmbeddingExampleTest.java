package dev.cardgate.engine;

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

class EmbeddingExampleTest {
    private static final String START = "// tag::example[]";
    private static final String END = "// end::example[]";

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void theExampleRunsAndGetsTheDecisionsTheDocumentPromises(@TempDir final Path dataDirectory) throws Exception {
        final List<String> printed = EmbeddingExample.run(dataDirectory);

        assertEquals(3, printed.size(), printed.toString());
        assertTrue(printed.get(0).matches("00 APPROVED [0-9A-Z]{6} 411111\\*{6}1111"), printed.get(0));
        assertEquals("43 CARD_STOLEN rule=blocklist 555555******4444", printed.get(1));
        assertEquals("42 0 APPROVED", printed.get(2));
    }

    @Test
    void docsEmbeddingShowsExactlyTheCodeOfTheExample() throws IOException {
        final String source = Files.readString(
            Path.of("src", "test", "java", "dev", "cardgate", "engine", "EmbeddingExample.java"));
        final String example = source.substring(source.indexOf(START) + START.length(), source.indexOf(END));
        final String document = Files.readString(Path.of("../..", "docs", "embedding.md"));
        final String documented = document.substring(document.indexOf(START) + START.length(), document.indexOf(END));

        assertEquals(example.stripIndent().strip(), documented.stripIndent().strip(),
            "docs/embedding.md has drifted from EmbeddingExample.java: copy the tagged block again");
    }
}
