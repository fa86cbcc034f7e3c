package dev.cardgate.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class EngineConfigurationTest {
    @Test
    void theBuilderDefaultsAreTheDocumentedDefaults() {
        final EngineConfiguration configuration = EngineConfiguration.builder().build();
        assertEquals(Path.of(ConfigurationKey.DATA_DIR.defaultValue()), configuration.dataDirectory());
        assertEquals(ConfigurationKey.ENGINE_NAME.defaultValue(), configuration.engineName());
        assertEquals(Integer.parseInt(ConfigurationKey.RING_SIZE.defaultValue()), configuration.ringSize());
        assertEquals(ConfigurationKey.WAIT_STRATEGY.defaultValue(), configuration.waitStrategy().configName());
        assertEquals(ThreadLayout.fromConfigName(ConfigurationKey.THREAD_LAYOUT.defaultValue()),
            configuration.threadLayout());
        assertEquals(Long.parseLong(ConfigurationKey.BLOCKLIST_CAPACITY.defaultValue()),
            configuration.blocklistCapacity());
        assertEquals(Long.parseLong(ConfigurationKey.SHUTDOWN_TIMEOUT_MS.defaultValue()),
            configuration.shutdownTimeout().toMillis());
    }

    @Test
    void theBuilderReportsEveryInvalidSettingTogether() {
        final ConfigurationException refused = assertThrows(ConfigurationException.class, () ->
            EngineConfiguration.builder()
                .ringSize(100)
                .engineName("two words")
                .blocklistCapacity(0)
                .shutdownTimeout(Duration.ZERO)
                .build());

        assertEquals(4, refused.problems().size(), refused.getMessage());
        assertTrue(refused.problems().contains(
            "ring.size = 100 (set in code): allowed is a power of two from 16 to 4194304"), refused.getMessage());
        assertTrue(refused.problems().contains(
            "engine.name = two words (set in code): allowed is 1 to 32 letters, digits, '-' or '_'"));
    }

    @Test
    void relativeFilesResolveAgainstTheDataFolderAndAbsoluteOnesStay() {
        final EngineConfiguration configuration = EngineConfiguration.builder()
            .dataDirectory(Path.of("/var/lib/cardgate"))
            .blocklistFile(Path.of("hot-cards.cm"))
            .tokenKeyFile(Path.of("/etc/cardgate/token.key"))
            .build();
        assertEquals(Path.of("/var/lib/cardgate/hot-cards.cm"), configuration.blocklistFile());
        assertEquals(Path.of("/etc/cardgate/token.key"), configuration.tokenKeyFile());
    }

    @Test
    void docsConfigurationListsEveryKeyWithItsDefaultAndVariable() throws IOException {
        final String docs = Files.readString(Path.of("..", "docs", "configuration.md"));
        for (final ConfigurationKey key : ConfigurationKey.values()) {
            final String row = "| `" + key.key() + "` | `" + key.defaultValue() + "` | `" + key.environmentVariable() + "` |";
            assertTrue(docs.contains(row), "docs/configuration.md lacks the row " + row);
        }
        assertTrue(docs.contains(ConfigurationKey.TOKEN_KEY_ENVIRONMENT_VARIABLE));
    }

    @Test
    void tooManyTrackedTerminalsForTheActivityTableIsRefusedNamingTheKey() {
        final ConfigurationException refused = assertThrows(ConfigurationException.class, () -> EngineConfiguration
            .builder().maxTrackedTerminals(EngineConfiguration.MAX_TRACKED_TERMINALS + 1).build());
        assertTrue(refused.getMessage().contains("risk.max-tracked-terminals"), refused.getMessage());
        assertTrue(refused.getMessage().contains("1 to " + EngineConfiguration.MAX_TRACKED_TERMINALS),
            refused.getMessage());
    }
}
