package dev.cardgate.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class EngineConfigurationTest {
    @Test
    void theBuilderDefaultsAreTheDeclaredDefaults() {
        final EngineConfiguration configuration = EngineConfiguration.builder().build();
        assertEquals(Path.of("data"), configuration.dataDirectory());
        assertEquals("main", configuration.engineName());
        assertEquals(8192, configuration.ringSize());
        assertEquals(WaitStrategyType.BLOCKING, configuration.waitStrategy());
        assertEquals(ThreadLayout.fromConfigName(ThreadLayout.AUTO), configuration.threadLayout());
        assertEquals(1_000_000L, configuration.blocklistCapacity());
        assertEquals(5000, configuration.shutdownTimeout().toMillis());
        for (final Setting<?> setting : SettingCatalog.settings()) {
            if (setting != EngineConfiguration.DATA_DIR) {
                assertEquals(setting.defaultValue(), configuration.get(setting), setting.key());
            }
        }
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
    void tooManyTrackedTerminalsForTheActivityTableIsRefusedNamingTheKey() {
        final ConfigurationException refused = assertThrows(ConfigurationException.class, () -> EngineConfiguration
            .builder().maxTrackedTerminals(EngineConfiguration.MAX_TRACKED_TERMINALS + 1).build());
        assertTrue(refused.getMessage().contains("risk.max-tracked-terminals"), refused.getMessage());
        assertTrue(refused.getMessage().contains("1 to " + EngineConfiguration.MAX_TRACKED_TERMINALS),
            refused.getMessage());
    }
}
