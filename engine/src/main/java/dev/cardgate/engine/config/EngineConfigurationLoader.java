package dev.cardgate.engine.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the engine's configuration from a properties file ({@code key = value} lines,
 * {@code #} comments) and the environment, which overrides the file key by key.
 *
 * <p>Every problem is collected and reported at once, naming the key, the value, the file and
 * line (or the environment variable) and what is allowed; an unknown or repeated key is a
 * problem too, so a typo cannot silently leave a default in force.
 */
public final class EngineConfigurationLoader {
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
        final Map<ConfigurationKey, String> values = new EnumMap<>(ConfigurationKey.class);
        final Map<ConfigurationKey, String> sources = new EnumMap<>(ConfigurationKey.class);
        readFile(file, values, sources, problems);
        for (final ConfigurationKey key : ConfigurationKey.values()) {
            final String override = environment.get(key.environmentVariable());
            if (override != null) {
                values.put(key, override.trim());
                sources.put(key, "environment " + key.environmentVariable());
            }
        }
        final EngineConfiguration.Builder builder = EngineConfiguration.builder();
        values.forEach((key, value) -> apply(builder, key, value, sources.get(key), problems));
        sources.forEach(builder::source);
        final String tokenKeyHex = environment.get(ConfigurationKey.TOKEN_KEY_ENVIRONMENT_VARIABLE);
        if (tokenKeyHex != null) {
            builder.tokenKeyHex(tokenKeyHex.trim(), "environment " + ConfigurationKey.TOKEN_KEY_ENVIRONMENT_VARIABLE);
        }
        return builder;
    }

    private static void readFile(final Path file, final Map<ConfigurationKey, String> values,
        final Map<ConfigurationKey, String> sources, final List<String> problems) {
        final List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        catch (final IOException | RuntimeException failure) {
            problems.add("cannot read configuration file " + file + ": " + failure);
            return;
        }
        for (int index = 0; index < lines.size(); index++) {
            final String where = file + " line " + (index + 1);
            final String line = lines.get(index).trim();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            final int equals = line.indexOf('=');
            if (equals <= 0) {
                problems.add(where + ": '" + line + "' is not of the form key = value");
                continue;
            }
            final String name = line.substring(0, equals).trim();
            final ConfigurationKey key = ConfigurationKey.fromKey(name);
            if (key == null) {
                problems.add(where + ": unknown key '" + name + "'; known keys are " + knownKeys());
                continue;
            }
            if (values.containsKey(key)) {
                problems.add(where + ": " + name + " is set again (first set at " + sources.get(key) + ")");
                continue;
            }
            values.put(key, line.substring(equals + 1).trim());
            sources.put(key, where);
        }
    }

    private static void apply(final EngineConfiguration.Builder builder, final ConfigurationKey key,
        final String value, final String source, final List<String> problems) {
        if (FrontEndConfigurationParser.handles(key)) {
            FrontEndConfigurationParser.apply(builder.frontEndBuilder(), key, value, source, problems);
            return;
        }
        switch (key) {
            case DATA_DIR:
                parsePath(key, value, source, problems, builder::dataDirectory);
                break;
            case ENGINE_NAME:
                builder.engineName(value);
                break;
            case RING_SIZE:
                final Long ringSize = parseWholeNumber(key, value, source, problems, "a power of two");
                if (ringSize != null && (ringSize < Integer.MIN_VALUE || ringSize > Integer.MAX_VALUE)) {
                    problems.add(problem(key, value, source, "a power of two from " + EngineConfiguration.MIN_RING_SIZE
                        + " to " + EngineConfiguration.MAX_RING_SIZE));
                }
                else if (ringSize != null) {
                    builder.ringSize(ringSize.intValue());
                }
                break;
            case WAIT_STRATEGY:
                final WaitStrategyType waitStrategy = WaitStrategyType.fromConfigName(value);
                if (waitStrategy == null) {
                    problems.add(problem(key, value, source, "blocking, yielding or busy-spin"));
                }
                else {
                    builder.waitStrategy(waitStrategy);
                }
                break;
            case THREAD_LAYOUT:
                final ThreadLayout threadLayout = ThreadLayout.fromConfigName(value);
                if (threadLayout == null) {
                    problems.add(problem(key, value, source, "auto, thread-per-stage or single-thread"));
                }
                else {
                    builder.threadLayout(threadLayout);
                }
                break;
            case BLOCKLIST_FILE:
                parsePath(key, value, source, problems, builder::blocklistFile);
                break;
            case BLOCKLIST_CAPACITY:
                final Long capacity = parseWholeNumber(key, value, source, problems, "a whole number of entries");
                if (capacity != null) {
                    builder.blocklistCapacity(capacity);
                }
                break;
            case BLOCKLIST_NEW:
                if ("true".equals(value) || "false".equals(value)) {
                    builder.newBlocklist(Boolean.parseBoolean(value));
                }
                else {
                    problems.add(problem(key, value, source, "true or false"));
                }
                break;
            case TOKEN_KEY_FILE:
                parsePath(key, value, source, problems, builder::tokenKeyFile);
                break;
            case CLOCK:
                parseClock(builder, value, source, problems);
                break;
            case SHUTDOWN_TIMEOUT_MS:
                final Long timeout = parseWholeNumber(key, value, source, problems, "milliseconds");
                if (timeout != null) {
                    builder.shutdownTimeout(Duration.ofMillis(timeout));
                }
                break;
            case TERMINAL_FILE:
                parsePath(key, value, source, problems, builder::terminalFile);
                break;
            case TERMINAL_CAPACITY:
                final Long terminals = parseWholeNumber(key, value, source, problems, "a whole number of terminals");
                if (terminals != null) {
                    builder.terminalCapacity(terminals);
                }
                break;
            case TERMINAL_UNKNOWN:
                if ("refuse".equals(value) || "allow".equals(value)) {
                    builder.refuseUnknownTerminals("refuse".equals(value));
                }
                else {
                    problems.add(problem(key, value, source, "refuse or allow"));
                }
                break;
            case TERMINAL_FAULTY_RESPONSE_CODE:
                parseInt(key, value, source, problems, "a response code from 1 to 99",
                    builder::faultyTerminalResponseCode);
                break;
            case TERMINAL_LAST_HEARD_INTERVAL_MS:
                final Long interval = parseWholeNumber(key, value, source, problems, "milliseconds");
                if (interval != null) {
                    builder.lastHeardIntervalMillis(interval);
                }
                break;
            case RULES_FILE:
                if ("none".equals(value)) {
                    builder.rulesFile(null);
                }
                else {
                    parsePath(key, value, source, problems, builder::rulesFile);
                }
                break;
            case RISK_MAX_TRACKED_CARDS:
                parseInt(key, value, source, problems, "a whole number of cards", builder::maxTrackedCards);
                break;
            case RISK_MAX_TRACKED_TERMINALS:
                parseInt(key, value, source, problems, "a whole number of terminals", builder::maxTrackedTerminals);
                break;
            case RISK_MAX_TRACKED_AUTHORIZATIONS:
                parseInt(key, value, source, problems, "a whole number of authorizations",
                    builder::maxTrackedAuthorizations);
                break;
            default:
                if (!JournalKeys.apply(builder, key, value, source, problems)
                    && !ObservabilityKeys.apply(builder, key, value, source, problems)) {
                    throw new IllegalStateException("no parser for configuration key " + key);
                }
        }
    }

    private static void parseClock(final EngineConfiguration.Builder builder, final String value,
        final String source, final List<String> problems) {
        if ("system".equals(value)) {
            builder.clock(org.agrona.concurrent.SystemEpochClock.INSTANCE, value);
            return;
        }
        if (value.startsWith("fixed:")) {
            try {
                final long fixedMillis = Instant.parse(value.substring("fixed:".length())).toEpochMilli();
                builder.clock(() -> fixedMillis, value);
                return;
            }
            catch (final DateTimeParseException badInstant) {
                problems.add(problem(ConfigurationKey.CLOCK, value, source,
                    "system or fixed:INSTANT with an ISO-8601 instant such as fixed:2026-01-01T00:00:00Z ("
                        + badInstant.getMessage() + ")"));
                return;
            }
        }
        problems.add(problem(ConfigurationKey.CLOCK, value, source,
            "system or fixed:INSTANT, e.g. fixed:2026-01-01T00:00:00Z"));
    }

    static void parsePath(final ConfigurationKey key, final String value, final String source,
        final List<String> problems, final java.util.function.Consumer<Path> setter) {
        if (value.isEmpty()) {
            problems.add(problem(key, value, source, "a non-empty path"));
            return;
        }
        try {
            setter.accept(Path.of(value));
        }
        catch (final InvalidPathException badPath) {
            problems.add(problem(key, value, source, "a valid path (" + badPath.getMessage() + ")"));
        }
    }

    private static void parseInt(final ConfigurationKey key, final String value, final String source,
        final List<String> problems, final String allowed, final java.util.function.IntConsumer setter) {
        final Long parsed = parseWholeNumber(key, value, source, problems, allowed);
        if (parsed == null) {
            return;
        }
        if (parsed < Integer.MIN_VALUE || parsed > Integer.MAX_VALUE) {
            problems.add(problem(key, value, source, allowed));
            return;
        }
        setter.accept(parsed.intValue());
    }

    static Long parseWholeNumber(final ConfigurationKey key, final String value, final String source,
        final List<String> problems, final String allowed) {
        try {
            return Long.parseLong(value.replace("_", ""));
        }
        catch (final NumberFormatException notANumber) {
            problems.add(problem(key, value, source, allowed + " (digits, '_' allowed as separator)"));
            return null;
        }
    }

    static String problem(final ConfigurationKey key, final String value, final String source,
        final String allowed) {
        return key.key() + " = " + value + " (" + source + "): allowed is " + allowed;
    }

    private static String knownKeys() {
        final List<String> keys = new ArrayList<>();
        for (final ConfigurationKey key : ConfigurationKey.values()) {
            keys.add(key.key());
        }
        return String.join(", ", keys);
    }
}
