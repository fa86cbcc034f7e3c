package dev.cardgate.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every declared setting gets from being declared: loading, overriding, reporting, printing. */
class EverySettingTest {
    private static final String NOT_A_VALUE = "not a value!";

    @TempDir
    Path folder;

    @Test
    void keysAndEnvironmentVariablesAreUnique() {
        final Set<String> keys = new HashSet<>();
        final Set<String> variables = new HashSet<>();
        for (final Setting<?> setting : SettingCatalog.settings()) {
            assertTrue(keys.add(setting.key()), "declared twice: " + setting.key());
            assertTrue(variables.add(setting.environmentVariable()), "variable twice: " + setting.environmentVariable());
            assertTrue(setting.description().length() > 10, "no description for " + setting.key());
        }
    }

    @Test
    void everyKeyIsOverriddenByItsEnvironmentVariableWithItsDocumentedDefault() throws IOException {
        final Path file = Files.writeString(folder.resolve("cardgate.properties"), "data.dir = data\n");
        for (final Setting<?> setting : SettingCatalog.settings()) {
            final EngineConfiguration configuration = EngineConfigurationLoader.load(file,
                Map.of(setting.environmentVariable(), setting.documentedDefault()));
            assertTrue(configuration.toString().contains("\n  " + setting.key() + " = "),
                setting.key() + " missing from the summary");
            assertTrue(configuration.toString().contains("  (environment " + setting.environmentVariable() + ")"),
                setting.key() + ": " + configuration);
        }
    }

    @Test
    void everyValueOutsideItsTypeIsRefusedNamingTheKeyTheValueTheLineAndWhatIsAllowed() throws IOException {
        int refused = 0;
        for (final Setting<?> setting : SettingCatalog.settings()) {
            if (acceptsAsText(setting)) {
                continue; // paths and dialect names: any text is a path; the file checks report them
            }
            final Path file = Files.writeString(folder.resolve("bad.properties"),
                "data.dir = data\n" + setting.key() + " = " + NOT_A_VALUE + "\n");
            final ConfigurationException problem = assertThrows(ConfigurationException.class,
                () -> EngineConfigurationLoader.load(file, Map.of()), setting.key());
            assertTrue(problem.getMessage().contains(setting.key() + " = " + NOT_A_VALUE + " (" + file
                + " line 2): allowed is "), problem.getMessage());
            refused++;
        }
        assertTrue(refused > 30, "only " + refused + " settings were tried");
    }

    @Test
    void theSummaryListsEveryKeyOnceWithItsSource() {
        final String summary = EngineConfiguration.builder().ringSize(64).build().toString();
        for (final Setting<?> setting : SettingCatalog.settings()) {
            assertEquals(summary.indexOf("\n  " + setting.key() + " = "), summary.lastIndexOf("\n  " + setting.key()
                + " = "), setting.key());
            assertTrue(summary.contains("\n  " + setting.key() + " = "), setting.key());
        }
        assertTrue(summary.contains("ring.size = 64  (set in code)"), summary);
        assertTrue(summary.contains("engine.name = main  (default)"), summary);
    }

    @Test
    void aDefaultOutsideItsOwnBoundsIsRefusedWhereItIsDeclared() {
        final IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new SettingGroup("test")
            .add("test.size", SettingTypes.integer(1, 10, "1 to 10"), 11, "a size"));
        assertTrue(refused.getMessage().contains("test.size"), refused.getMessage());
    }

    private static boolean acceptsAsText(final Setting<?> setting) {
        try {
            return SettingTypes.acceptsAny(setting.type(), setting.type().parse(NOT_A_VALUE));
        }
        catch (final IllegalArgumentException refused) {
            return false;
        }
    }
}
