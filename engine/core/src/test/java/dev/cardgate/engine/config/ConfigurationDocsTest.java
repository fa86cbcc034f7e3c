package dev.cardgate.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md's table of keys is generated from the {@link Setting} declarations; this
 * test fails when the page and the code differ. Regenerate the table with
 * {@value #REGENERATE}.
 */
class ConfigurationDocsTest {
    static final Path PAGE = Path.of("../..", "docs", "configuration.md");
    static final String BEGIN = "<!-- keys: generated from the Setting declarations by ConfigurationDocsTest -->";
    static final String END = "<!-- end of the generated keys -->";
    static final String REGENERATE = "mvn -B -o -pl engine/core -am test -Dtest=ConfigurationDocsTest "
        + "-Dsurefire.failIfNoSpecifiedTests=false -Dcardgate.docs.write=true";

    @Test
    void theTableOfKeysInTheDocsIsTheOneTheSettingsDeclare() throws IOException {
        final String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        final int begin = page.indexOf(BEGIN);
        final int end = page.indexOf(END);
        assertTrue(begin >= 0 && end > begin, PAGE + " lacks the markers " + BEGIN + " ... " + END);
        final String written = page.substring(begin + BEGIN.length(), end);
        final String generated = "\n" + table();
        if (Boolean.getBoolean("cardgate.docs.write") && !written.equals(generated)) {
            Files.writeString(PAGE, page.substring(0, begin + BEGIN.length()) + generated + page.substring(end),
                StandardCharsets.UTF_8);
            return;
        }
        assertEquals(generated, written, PAGE + "'s table of keys differs from the settings declared in code;"
            + " regenerate it with: " + REGENERATE);
    }

    @Test
    void everyKeyOfTheTableIsOneTheLoaderKnows() throws IOException {
        final String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        for (final Setting<?> setting : SettingCatalog.settings()) {
            assertTrue(page.contains("| `" + setting.key() + "` | `" + setting.documentedDefault() + "` | `"
                + setting.environmentVariable() + "` |"), setting.key());
            assertEquals(setting, SettingCatalog.forKey(setting.key()));
        }
        assertTrue(page.contains(EngineConfiguration.TOKEN_KEY_ENVIRONMENT_VARIABLE));
    }

    /** The markdown between the markers: one table per group of settings. */
    static String table() {
        final StringBuilder text = new StringBuilder();
        for (final SettingGroup group : SettingCatalog.groups()) {
            text.append("\n### ").append(group.title()).append("\n\n")
                .append("| key | default | environment variable | allowed values and meaning |\n")
                .append("|---|---|---|---|\n");
            for (final Setting<?> setting : group.settings()) {
                text.append("| `").append(setting.key()).append("` | `").append(setting.documentedDefault())
                    .append("` | `").append(setting.environmentVariable()).append("` | ")
                    .append(setting.description()).append(" |\n");
            }
        }
        return text.append('\n').toString();
    }
}
