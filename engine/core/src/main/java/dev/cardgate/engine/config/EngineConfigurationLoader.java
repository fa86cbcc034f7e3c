package dev.cardgate.engine.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the engine's configuration from a properties file ({@code key = value} lines,
 * {@code #} comments, UTF-8) and the environment, which overrides the file key by key: one
 * loop over the declared {@link Setting}s.
 *
 * <p>Every problem is collected and reported at once, naming the key, the value, the file and
 * line (or the environment variable) and what is allowed; an unknown or repeated key is a
 * problem too, so a typo cannot silently leave a default in force. A file must name the data
 * folder it is for ({@code data.dir}, in the file or its environment variable), so that an
 * empty or cut-short file is refused instead of run on defaults.
 */
public final class EngineConfigurationLoader {
    /** The keys a loaded configuration must set (in the file or the environment): what it is the configuration of. */
    static final List<Setting<?>> REQUIRED = List.of(EngineConfiguration.DATA_DIR);

    private EngineConfigurationLoader() {
    }

    /** Loads {@code file} with the process's environment and validates the result. */
    public static EngineConfiguration load(final Path file) {
        return load(file, System.getenv());
    }

    /** Loads {@code file} with {@code environment} overrides and validates the result. */
    public static EngineConfiguration load(final Path file, final Map<String, String> environment) {
        final List<String> problems = new ArrayList<>();
        final EngineConfiguration.Builder builder = collect(file, environment, problems);
        try {
            final EngineConfiguration configuration = builder.build();
            if (problems.isEmpty()) {
                return configuration;
            }
        }
        catch (final ConfigurationException invalid) {
            problems.addAll(invalid.problems());
        }
        throw new ConfigurationException(problems);
    }

    /**
     * Loads {@code file} and {@code environment} into a builder, for callers that set more in
     * code before {@link EngineConfiguration.Builder#build()} validates everything.
     *
     * @throws ConfigurationException when the file cannot be read or a value cannot be parsed
     */
    public static EngineConfiguration.Builder loadBuilder(final Path file, final Map<String, String> environment) {
        final List<String> problems = new ArrayList<>();
        final EngineConfiguration.Builder builder = collect(file, environment, problems);
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return builder;
    }

    private static EngineConfiguration.Builder collect(final Path file, final Map<String, String> environment,
        final List<String> problems) {
        final Map<Setting<?>, String> texts = new LinkedHashMap<>();
        final Map<Setting<?>, String> sources = new LinkedHashMap<>();
        final List<ConfigurationFile.Entry> entries = ConfigurationFile.read(file, problems);
        for (final ConfigurationFile.Entry entry : entries == null ? List.<ConfigurationFile.Entry>of() : entries) {
            final Setting<?> setting = SettingCatalog.forKey(entry.key());
            if (setting == null) {
                problems.add(entry.where() + ": unknown key '" + entry.key() + "'; known keys are " + knownKeys());
            }
            else if (texts.containsKey(setting)) {
                problems.add(entry.where() + ": " + entry.key() + " is set again (first set at "
                    + sources.get(setting) + ")");
            }
            else {
                texts.put(setting, entry.value());
                sources.put(setting, entry.where());
            }
        }
        for (final Setting<?> setting : SettingCatalog.settings()) {
            final String override = environment.get(setting.environmentVariable());
            if (override != null) {
                texts.put(setting, override.trim());
                sources.put(setting, "environment " + setting.environmentVariable());
            }
        }
        if (entries != null) {
            requireNamedKeys(file, entries.isEmpty(), texts, problems);
        }
        final EngineConfiguration.Builder builder = EngineConfiguration.builder();
        texts.forEach((setting, text) -> apply(builder, setting, text, sources.get(setting), problems));
        final String tokenKeyHex = environment.get(EngineConfiguration.TOKEN_KEY_ENVIRONMENT_VARIABLE);
        if (tokenKeyHex != null) {
            builder.tokenKeyHex(tokenKeyHex.trim(),
                "environment " + EngineConfiguration.TOKEN_KEY_ENVIRONMENT_VARIABLE);
        }
        return builder;
    }

    private static void requireNamedKeys(final Path file, final boolean noEntries,
        final Map<Setting<?>, String> texts, final List<String> problems) {
        for (final Setting<?> required : REQUIRED) {
            if (!texts.containsKey(required)) {
                problems.add(file + ": " + (noEntries ? "the file sets no key" : required.key() + " is not set")
                    + "; a configuration file must set " + required.key() + " (or " + required.environmentVariable()
                    + " must), so that an empty or cut-short file is not run on defaults");
            }
        }
    }

    private static <T> void apply(final EngineConfiguration.Builder builder, final Setting<T> setting,
        final String text, final String source, final List<String> problems) {
        try {
            builder.set(setting, setting.type().parse(text), source);
        }
        catch (final IllegalArgumentException notOfTheType) {
            problems.add(setting.problem(text, source, notOfTheType.getMessage()));
        }
    }

    private static String knownKeys() {
        final List<String> keys = new ArrayList<>();
        for (final Setting<?> setting : SettingCatalog.settings()) {
            keys.add(setting.key());
        }
        return String.join(", ", keys);
    }
}
