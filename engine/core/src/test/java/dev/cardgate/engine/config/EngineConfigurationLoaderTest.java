package dev.cardgate.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineConfigurationLoaderTest {
    /** The shipped file, found from the engine module's folder, where surefire runs. */
    static final Path SHIPPED_FILE = Path.of("../..", "config", "cardgate.properties");
    /** The cardgate home the shipped file's relative paths (data, rules, dialects) resolve against. */
    static final Path SHIPPED_HOME = Path.of("../..");

    /** The shipped file loaded as the CLI loads it: relative paths against the home, not the working directory. */
    static EngineConfiguration shipped() {
        return EngineConfigurationLoader.loadBuilder(SHIPPED_FILE, Map.of()).baseDirectory(SHIPPED_HOME).build();
    }

    @TempDir
    Path folder;

    /** Where the shipped file departs from the defaults in code on purpose: the shipped rules are in force. */
    private static final Map<String, String> SHIPPED_DEPARTURES = Map.of("rules.file", "config/rules.conf");

    @Test
    void theShippedFileSetsEveryKeyToItsDefault() throws IOException {
        final String text = Files.readString(SHIPPED_FILE);
        for (final Setting<?> setting : SettingCatalog.settings()) {
            final String value = SHIPPED_DEPARTURES.getOrDefault(setting.key(), setting.documentedDefault());
            assertTrue(text.contains("\n" + setting.key() + " = " + value + "\n"),
                setting.key() + " = " + value + " missing from " + SHIPPED_FILE);
        }
        final EngineConfiguration configuration = EngineConfigurationLoader.loadBuilder(SHIPPED_FILE, Map.of())
            .baseDirectory(Path.of("../.."))
            .build();
        assertEquals(Path.of("../..", "config", "rules.conf"), configuration.rulesFile());
        assertEquals(Path.of("../..", "data"), configuration.dataDirectory());
        assertEquals(8192, configuration.ringSize());
        assertEquals(WaitStrategyType.BLOCKING, configuration.waitStrategy());
        assertEquals(ThreadLayout.forProcessors(Runtime.getRuntime().availableProcessors()),
            configuration.threadLayout());
        assertEquals(Path.of("../..", "data", "blocklist.cm"), configuration.blocklistFile());
        assertEquals(Path.of("../..", "data", "token.key"), configuration.tokenKeyFile());
    }

    @Test
    void aMissingRulesFileIsOneLineNamingTheKeyAndWhereItWasLooked() throws IOException {
        final Path file = write("data.dir = data\nrules.file = config/no-such-rules.conf\n");
        final ConfigurationException refused = assertThrows(ConfigurationException.class,
            () -> EngineConfigurationLoader.loadBuilder(file, Map.of()).baseDirectory(folder).build());
        assertTrue(refused.getMessage().contains("rules.file = config/no-such-rules.conf (" + file + " line 2)"),
            refused.getMessage());
        assertTrue(refused.getMessage().contains("no file at " + folder.resolve("config/no-such-rules.conf")
            + "; a relative path resolves against the cardgate home " + folder), refused.getMessage());
    }

    @Test
    void environmentOverridesTheFileKeyByKey() throws IOException {
        final Path file = write("data.dir = data\nring.size = 1024\nwait.strategy = yielding\n");

        final EngineConfiguration configuration = EngineConfigurationLoader.load(file, Map.of(
            "CARDGATE_RING_SIZE", "64", "CARDGATE_THREAD_LAYOUT", "single-thread",
            "CARDGATE_TOKEN_KEY", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"));

        assertEquals(64, configuration.ringSize());
        assertEquals(WaitStrategyType.YIELDING, configuration.waitStrategy());
        assertEquals(ThreadLayout.SINGLE_THREAD, configuration.threadLayout());
        assertTrue(configuration.toString().contains("ring.size = 64  (environment CARDGATE_RING_SIZE)"),
            configuration.toString());
    }

    @Test
    void reportsEveryBadValueWithKeyValueLineAndWhatIsAllowed() throws IOException {
        final Path file = write("# comment\nring.size = 1000\nwait.strategy = spinning\nblocklist.capacity = lots\ndata.dir = data\n");

        final ConfigurationException refused = assertThrows(ConfigurationException.class,
            () -> EngineConfigurationLoader.load(file, Map.of()));

        assertEquals(3, refused.problems().size(), refused.getMessage());
        assertTrue(refused.getMessage().contains("wait.strategy = spinning (" + file
            + " line 3): allowed is blocking, yielding or busy-spin"), refused.getMessage());
        assertTrue(refused.getMessage().contains("blocklist.capacity = lots (" + file + " line 4)"),
            refused.getMessage());
        assertTrue(refused.getMessage().contains("ring.size = 1000 (" + file
            + " line 2): allowed is a power of two from 16 to 4194304"), refused.getMessage());
    }

    @Test
    void refusesAnUnknownKeyAndARepeatedKeyNamingTheirLines() throws IOException {
        final Path file = write("ring.size = 64\nring.sise = 128\nring.size = 32\nnot a setting\n");

        final ConfigurationException refused = assertThrows(ConfigurationException.class,
            () -> EngineConfigurationLoader.load(file, Map.of()));

        assertTrue(refused.getMessage().contains(file + " line 2: unknown key 'ring.sise'; known keys are data.dir,"),
            refused.getMessage());
        assertTrue(refused.getMessage().contains(file + " line 3: ring.size is set again (first set at " + file
            + " line 1)"), refused.getMessage());
        assertTrue(refused.getMessage().contains(file + " line 4: 'not a setting' is not of the form key = value"),
            refused.getMessage());
    }

    @Test
    void aFixedClockStopsTimeAtTheGivenInstant() throws IOException {
        final Path file = write("data.dir = data\nclock = fixed:2026-01-01T00:00:00Z\n");

        final EngineConfiguration configuration = EngineConfigurationLoader.load(file, Map.of());

        assertEquals(1_767_225_600_000L, configuration.clock().time());
    }

    @Test
    void aBadClockOrAMissingFileIsReportedClearly() throws IOException {
        final Path file = write("clock = fixed:yesterday\n");
        final ConfigurationException badClock = assertThrows(ConfigurationException.class,
            () -> EngineConfigurationLoader.load(file, Map.of()));
        assertTrue(badClock.getMessage().contains("clock = fixed:yesterday"), badClock.getMessage());

        final Path missing = folder.resolve("absent.properties");
        final ConfigurationException noFile = assertThrows(ConfigurationException.class,
            () -> EngineConfigurationLoader.load(missing, Map.of()));
        assertTrue(noFile.getMessage().contains("cannot read configuration file " + missing), noFile.getMessage());
    }

    @Test
    void theSummaryNeverShowsTheTokenKey() throws IOException {
        final String key = "8899aabbccddeeff00112233445566778899aabbccddeeff0011223344556677";
        final EngineConfiguration configuration = EngineConfigurationLoader.load(write("data.dir = data\n"),
            Map.of("CARDGATE_TOKEN_KEY", key));

        assertEquals(key, configuration.tokenKeyHex());
        assertFalse(configuration.toString().contains(key));
        assertFalse(configuration.toString().contains("8899aabb"));
        assertTrue(configuration.toString().contains("token key = (hidden)  (environment CARDGATE_TOKEN_KEY)"),
            configuration.toString());
    }

    @Test
    void aTokenKeyThatIsNotHexIsRefusedWithoutBeingPrinted() throws IOException {
        final ConfigurationException refused = assertThrows(ConfigurationException.class,
            () -> EngineConfigurationLoader.load(write("data.dir = data\n"), Map.of("CARDGATE_TOKEN_KEY", "secret-not-hex")));
        assertTrue(refused.getMessage().contains("token key (environment CARDGATE_TOKEN_KEY) is not hex"),
            refused.getMessage());
        assertFalse(refused.getMessage().contains("secret-not-hex"));
    }

    private Path write(final String text) throws IOException {
        return Files.writeString(folder.resolve("cardgate.properties"), text);
    }
}
