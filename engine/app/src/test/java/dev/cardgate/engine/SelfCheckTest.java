package dev.cardgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;


@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SelfCheckTest {
    private static final Path CONFIG = Path.of("../..", "config");

    @TempDir
    Path folder;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @Test
    void passesWithTheShippedConfigurationInAFolderOfItsOwnCheckingEveryBlockedKind() throws IOException {
        final Path configFile = copyShippedConfiguration();

        final int status = SelfCheck.run(configFile, environment(), folder, out());

        final String output = printed.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, output);
        assertTrue(output.contains("self-check passed"), output);
        assertTrue(output.contains("rules " + folder.resolve("config/rules.conf")), "the shipped rules: " + output);
        assertTrue(output.contains("blocklist-sample.csv: 12 lines: 6 added"), output);
        assertTrue(output.contains("DECLINED 41 CARD_LOST rule=blocklist"), output);
        assertTrue(output.contains("DECLINED 43 CARD_STOLEN rule=blocklist stan=5 pan=411111******1111"), output);
        assertTrue(output.contains("DECLINED 59 CARD_FRAUD rule=blocklist"), output);
        assertTrue(output.contains("DECLINED 62 CARD_CLOSED rule=blocklist"), output);
        assertTrue(output.contains("DECLINED 04 CARD_BLOCKED_OTHER rule=blocklist"), output);
        assertTrue(output.contains("APPROVED 00 APPROVED rule=none authorizationId="), output);
        assertFalse(output.contains("4111111111111111"), "a clear PAN was printed");
        assertFalse(Files.exists(folder.resolve("data")), "the configured data folder is left alone");
        final Matcher ownFolder = Pattern.compile("self-check in (\\S+) ").matcher(output);
        assertTrue(ownFolder.find(), output);
        assertFalse(Files.exists(Path.of(ownFolder.group(1))), "its own folder is removed at the end");
        assertEquals(0, SelfCheck.run(configFile, environment(), folder, out()), "a second run starts afresh");
    }

    @Test
    void failsWithStatus1WhenADecisionIsNotTheExpectedOne() throws IOException {
        final Path configFile = copyShippedConfiguration();
        Files.writeString(folder.resolve("config/rules.conf"), "accept-currencies 840\n");

        final int status = SelfCheck.run(configFile, environment(), folder, out());

        final String output = printed.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, output);
        assertTrue(output.contains("WRONG DECLINED 58 CURRENCY_NOT_ACCEPTED"), "the configured rules are the ones run: "
            + output);
        assertTrue(output.contains("(expected APPROVED)"), output);
        assertTrue(output.contains("self-check FAILED: 7 unexpected decisions"), output);
    }

    @Test
    void failsWithStatus2OnABadConfigurationNamingTheKey() throws IOException {
        final Path configFile = Files.writeString(folder.resolve("cardgate.properties"), "ring.size = 3\n");

        final int status = SelfCheck.run(configFile, environment(), out());

        assertEquals(2, status);
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("ring.size = 3 ("), printed.toString());
    }

    /** The shipped config folder's files in {@code folder/config}, {@code folder} standing for the cardgate home. */
    private Path copyShippedConfiguration() throws IOException {
        final Path config = Files.createDirectories(folder.resolve("config"));
        Files.copy(CONFIG.resolve("blocklist-sample.csv"), config.resolve("blocklist-sample.csv"));
        Files.copy(CONFIG.resolve("rules.conf"), config.resolve("rules.conf"));
        return Files.copy(CONFIG.resolve("cardgate.properties"), config.resolve("cardgate.properties"));
    }

    private Map<String, String> environment() {
        return Map.of("CARDGATE_DATA_DIR", folder.resolve("data").toString(), "CARDGATE_BLOCKLIST_CAPACITY", "1000");
    }

    private PrintStream out() {
        return new PrintStream(printed, true, StandardCharsets.UTF_8);
    }
}
