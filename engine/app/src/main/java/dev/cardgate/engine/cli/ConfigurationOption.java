package dev.cardgate.engine.cli;

import java.nio.file.Path;
import java.util.Map;

import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.config.EngineConfigurationLoader;
import picocli.CommandLine.Option;

/**
 * The {@code --config} option every engine command shares, and where things are found: with
 * {@code -Dcardgate.home} (set by bin/cardgate) the default file is
 * {@code <home>/config/cardgate.properties} and a relative data folder lies in the home, so the
 * launcher works from any directory; without it both are relative to the working directory.
 */
final class ConfigurationOption {
    /** The system property bin/cardgate sets to the repository (or installation) folder. */
    static final String HOME_PROPERTY = "cardgate.home";

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
        description = "configuration file (default: <cardgate.home>/config/cardgate.properties, "
            + "else config/cardgate.properties)")
    private Path configFile;

    /** The cardgate home, or null when not launched through bin/cardgate. */
    static Path home() {
        final String home = System.getProperty(HOME_PROPERTY);
        return home == null || home.isEmpty() ? null : Path.of(home);
    }

    Path configFile() {
        if (configFile != null) {
            return configFile;
        }
        final Path home = home();
        final Path relative = Path.of("config", "cardgate.properties");
        return home == null ? relative : home.resolve(relative);
    }

    /**
     * Loads and validates the configuration file with the environment's overrides.
     *
     * @throws dev.cardgate.engine.config.ConfigurationException naming every bad setting
     */
    EngineConfiguration load(final Map<String, String> environment) {
        return EngineConfigurationLoader.loadBuilder(configFile(), environment).baseDirectory(home()).build();
    }
}
