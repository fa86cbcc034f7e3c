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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.blocklist.BlockReason;
import dev.cardgate.engine.blocklist.BlocklistEntry;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SelfCheckTest {
    private static final Path CONFIG = Path.of("../..", "config");

    @TempDir
    Path folder;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @Test
    void passesWithTheShippedConfigurationAndSampleAndShowsOnlyMaskedPans() throws IOException {
        final Path configFile = copyShippedConfiguration();

        final int status = SelfCheck.run(configFile, environment(), out());

        final String output = printed.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, output);
        assertTrue(output.contains("self-check passed"), output);
        assertTrue(output.contains("blocklist-sample.csv: 12 lines: 6 added"), output);
        assertTrue(output.contains("DECLINED 43 CARD_STOLEN rule=blocklist stan=3 pan=411111******1111"), output);
        assertTrue(output.contains("APPROVED 00 APPROVED rule=none authorizationId="), output);
        assertFalse(output.contains("4111111111111111"), "a clear PAN was printed");
        assertTrue(Files.exists(folder.resolve("data").resolve("token.key")));
        assertEquals(0, SelfCheck.run(configFile, environment(), out()), "second start with the same data");
    }

    @Test
    void failsWithStatus1WhenADecisionIsNotTheExpectedOne() throws IOException {
        final Path configFile = copyShippedConfiguration();
        try (AuthorizationEngine engine = AuthorizationEngine.launch(
            dev.cardgate.engine.config.EngineConfigurationLoader.load(configFile, environment()))) {
            engine.blocklist().add("4242424242424242", BlockReason.LOST, BlocklistEntry.NO_EXPIRY, "");
        }

        final int status = SelfCheck.run(configFile, environment(), out());

        final String output = printed.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, output);
        assertTrue(output.contains("WRONG DECLINED 41 CARD_LOST"), output);
        assertTrue(output.contains("self-check FAILED: 1 unexpected decisions"), output);
    }

    @Test
    void failsWithStatus2OnABadConfigurationNamingTheKey() throws IOException {
        final Path configFile = Files.writeString(folder.resolve("cardgate.properties"), "ring.size = 3\n");

        final int status = SelfCheck.run(configFile, environment(), out());

        assertEquals(2, status);
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("ring.size = 3 ("), printed.toString());
    }

    private Path copyShippedConfiguration() throws IOException {
        Files.copy(CONFIG.resolve("blocklist-sample.csv"), folder.resolve("blocklist-sample.csv"));
        return Files.copy(CONFIG.resolve("cardgate.properties"), folder.resolve("cardgate.properties"));
    }

    private Map<String, String> environment() {
        return Map.of("CARDGATE_DATA_DIR", folder.resolve("data").toString(), "CARDGATE_BLOCKLIST_CAPACITY", "1000");
    }

    private PrintStream out() {
        return new PrintStream(printed, true, StandardCharsets.UTF_8);
    }
}
