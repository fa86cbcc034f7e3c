package dev.cardgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.blocklist.BlockReason;
import dev.cardgate.engine.blocklist.BlocklistEntry;
import dev.cardgate.engine.blocklist.BlocklistException;
import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.config.EngineConfigurationLoader;
import dev.cardgate.engine.event.DecisionReason;

/**
 * The engine launched from configuration with the real token key and Chronicle Map blocklist,
 * in a temporary data folder.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EngineLaunchTest {
    private static final Path SHIPPED_CONFIGURATION = Path.of("../..", "config", "cardgate.properties");
    private static final String STOLEN_CARD = "4012888888881881";
    private static final String CLEAN_CARD = "5105105105105100";

    @TempDir
    Path folder;

    @Test
    void launchesFromTheShippedFileCreatingTheDataFolderKeyAndMapOwnerOnly() throws IOException {
        final Path dataDirectory = folder.resolve("data");
        try (AuthorizationEngine engine = AuthorizationEngine.launch(shippedConfiguration(dataDirectory))) {
            assertTrue(engine.authorize(CLEAN_CARD, TestEngines.request(1)).approved());
        }
        assertEquals("rwx------", permissions(dataDirectory));
        assertEquals("rw-------", permissions(dataDirectory.resolve("token.key")));
        assertEquals("rw-------", permissions(dataDirectory.resolve("blocklist.cm")));
    }

    @Test
    void declinesACardBlockedThroughTheStoreAndStillDoesAfterARestart() {
        final EngineConfiguration configuration = shippedConfiguration(folder.resolve("data"));
        try (AuthorizationEngine engine = AuthorizationEngine.launch(configuration)) {
            assertTrue(engine.authorize(STOLEN_CARD, TestEngines.request(1)).approved());
            engine.blocklist().add(STOLEN_CARD, BlockReason.STOLEN, BlocklistEntry.NO_EXPIRY, "CASE-9");

            final Decision declined = engine.authorize(STOLEN_CARD, TestEngines.request(2));
            assertEquals("43", declined.responseCodeText());
            assertEquals(DecisionReason.CARD_STOLEN, declined.reason());
            assertEquals("401288******1881", declined.maskedPan());
        }
        try (AuthorizationEngine restarted = AuthorizationEngine.launch(configuration)) {
            assertEquals(43, restarted.authorize(STOLEN_CARD, TestEngines.request(3)).responseCode());
            assertTrue(restarted.authorize(CLEAN_CARD, TestEngines.request(4)).approved());
        }
    }

    @Test
    void anExpiredEntryNoLongerBlocksAtTheEnginesClock() throws IOException {
        final Path file = Files.writeString(folder.resolve("cardgate.properties"),
            "clock = fixed:2031-01-01T00:00:00Z\nblocklist.capacity = 1000\n");
        final EngineConfiguration configuration = EngineConfigurationLoader.load(file,
            Map.of("CARDGATE_DATA_DIR", folder.resolve("data").toString()));
        try (AuthorizationEngine engine = AuthorizationEngine.launch(configuration)) {
            engine.blocklist().add(STOLEN_CARD, BlockReason.LOST, 1_924_905_600_000L, "EXPIRES-2030");

            final Decision decision = engine.authorize(STOLEN_CARD, TestEngines.request(1));
            assertTrue(decision.approved(), decision.toString());
            assertEquals(1_924_992_000_000L, decision.decisionTimeEpochMillis());
        }
    }

    @Test
    void refusesToOpenTheMapWithAnotherTokenKey() {
        final Path dataDirectory = folder.resolve("data");
        AuthorizationEngine.launch(shippedConfiguration(dataDirectory)).close();

        final EngineConfiguration otherKey = EngineConfiguration.builder()
            .dataDirectory(dataDirectory)
            .blocklistCapacity(1000)
            .tokenKeyHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff")
            .build();
        final BlocklistException refused = assertThrows(BlocklistException.class,
            () -> AuthorizationEngine.launch(otherKey));
        assertTrue(refused.getMessage().contains("key"), refused.getMessage());
    }

    @Test
    void twoEnginesWithTheirOwnDataFoldersRunSideBySide() {
        try (AuthorizationEngine first = AuthorizationEngine.launch(shippedConfiguration(folder.resolve("one")));
            AuthorizationEngine second = AuthorizationEngine.launch(shippedConfiguration(folder.resolve("two")))) {
            first.blocklist().add(STOLEN_CARD, BlockReason.FRAUD, BlocklistEntry.NO_EXPIRY, "");

            assertEquals(59, first.authorize(STOLEN_CARD, TestEngines.request(1)).responseCode());
            assertEquals(0, second.authorize(STOLEN_CARD, TestEngines.request(1)).responseCode());
        }
    }

    /** The shipped file, with the data folder and a small map set through the environment. */
    private static EngineConfiguration shippedConfiguration(final Path dataDirectory) {
        return EngineConfigurationLoader.loadBuilder(SHIPPED_CONFIGURATION, Map.of(
            "CARDGATE_DATA_DIR", dataDirectory.toString(),
            "CARDGATE_BLOCKLIST_CAPACITY", "1000"))
            .baseDirectory(SHIPPED_CONFIGURATION.getParent().getParent())
            .build();
    }

    private static String permissions(final Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
