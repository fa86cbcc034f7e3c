package dev.cardgate.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.AuthorizationEngine;
import dev.cardgate.engine.token.TestPans;

/**
 * No command ever prints a clear PAN, whether it succeeds or fails, whether the PAN came as an
 * argument, on standard input or in a file; and none ends up in a file the commands write.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PanNeverPrintedTest {
    private static final String PAN = TestPans.DISCOVER;
    private static final String MISTYPED = TestPans.withWrongCheckDigit(PAN);
    private static final String LONG = TestPans.generated(123_456_789L) + "0000";

    @TempDir
    Path folder;

    @Test
    void noOutputOfAnyCommandHoldsAClearPan() throws Exception {
        final OperatorFixture cardgate = OperatorFixture.in(folder);
        final Path imports = cardgate.file("cards.csv", PAN + ",LOST", MISTYPED + ",STOLEN", PAN + ",NONSENSE",
            PAN + ",FRAUD,bad-date", PAN + ",OTHER,," + PAN, LONG + ",LOST");
        final Path export = folder.resolve("export.csv");
        final StringBuilder printed = new StringBuilder();
        try (AuthorizationEngine engine = AuthorizationEngine.launch(cardgate.engineConfiguration())) {
            engine.authorize(PAN, OperatorFixture.purchase(1));
            engine.authorize(MISTYPED, OperatorFixture.purchase(2));
            for (final String pan : List.of(PAN, MISTYPED, LONG, PAN + "x")) {
                for (final String command : List.of("block add", "block check", "block remove")) {
                    record(printed, cardgate.withInput(pan + "\n", command, "--reason", "lost"));
                    record(printed, cardgate.run(command, pan, "--reason", "stolen", "--reference", "R1"));
                    record(printed, cardgate.withInput(pan + "\n", command, "-", "--reason", "nonsense"));
                    record(printed, cardgate.withInput(pan + "\n", command, "--reason", "lost", "-e", "2000-01-01"));
                }
                record(printed, cardgate.withInput(pan + "\n", "journal", "--pan"));
                record(printed, cardgate.run("journal", "--pan", pan, "--json"));
            }
            record(printed, cardgate.run("block import", imports.toString()));
            record(printed, cardgate.run("block export", "--output", export.toString()));
            record(printed, cardgate.run("block export"));
            record(printed, cardgate.run("block count"));
            record(printed, cardgate.run("journal"));
            record(printed, cardgate.run("journal", "--json"));
            record(printed, cardgate.run("journal", "--stats", "60"));
        }
        for (final String pan : List.of(PAN, MISTYPED, LONG)) {
            assertFalse(printed.toString().contains(pan), "a clear PAN was printed:\n" + printed);
            assertFalse(printed.toString().contains(pan.substring(0, 12)), "a PAN's first 12 digits were printed");
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (final Path file : files.filter(Files::isRegularFile).filter(file -> !file.equals(imports)).toList()) {
                final String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(content.contains(PAN) || content.contains(MISTYPED), "a clear PAN is in " + file);
            }
        }
        assertEquals(0, cardgate.run("block count").status());
    }

    private static void record(final StringBuilder printed, final OperatorRun run) {
        printed.append(run.out()).append(run.err());
    }
}
