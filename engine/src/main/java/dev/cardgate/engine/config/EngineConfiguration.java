package dev.cardgate.engine.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.SystemEpochClock;

/**
 * Everything an engine needs to launch, typed, validated and immutable. Build one in code with
 * {@link #builder()}, or load {@code config/cardgate.properties} with {@link
 * EngineConfigurationLoader}. {@link #toString()} prints it without secrets.
 */
public final class EngineConfiguration {
    /** Smallest ring accepted. */
    public static final int MIN_RING_SIZE = 16;
    /** Largest ring accepted: 4,194,304 slots (about a gigabyte of events). */
    public static final int MAX_RING_SIZE = 1 << 22;
    /** Largest blocklist capacity accepted. */
    public static final long MAX_BLOCKLIST_CAPACITY = 2_000_000_000L;
    /** Longest shutdown timeout accepted: ten minutes. */
    public static final long MAX_SHUTDOWN_TIMEOUT_MS = 600_000;
    /** Most terminals, tracked cards, terminals or authorizations accepted: 100 million. */
    public static final int MAX_TRACKED = 100_000_000;
    /** Terminals keep 16 card slots each in one array, which must stay within an int index. */
    public static final int MAX_TRACKED_TERMINALS = 10_000_000;

    private final Path dataDirectory;
    private final String engineName;
    private final int ringSize;
    private final WaitStrategyType waitStrategy;
    private final ThreadLayout threadLayout;
    private final Path blocklistFile;
    private final long blocklistCapacity;
    private final boolean newBlocklist;
    private final Path tokenKeyFile;
    private final String tokenKeyHex;
    private final String tokenKeySource;
    private final EpochClock clock;
    private final String clockDescription;
    private final Duration shutdownTimeout;
    private final Map<ConfigurationKey, String> sources;
    private final JournalSettings journal;
    private final Path terminalFile;
    private final long terminalCapacity;
    private final boolean refuseUnknownTerminals;
    private final int faultyTerminalResponseCode;
    private final long lastHeardIntervalMillis;
    private final Path rulesFile;
    private final int maxTrackedCards;
    private final int maxTrackedTerminals;
    private final int maxTrackedAuthorizations;

    private final FrontEndConfiguration frontEnd;
    private final ObservabilitySettings observability;

    private EngineConfiguration(final Builder builder, final Path dataDirectory, final FrontEndConfiguration frontEnd) {
        this.dataDirectory = dataDirectory;
        this.frontEnd = frontEnd;
        engineName = builder.engineName;
        ringSize = builder.ringSize;
        waitStrategy = builder.waitStrategy;
        threadLayout = builder.threadLayout;
        blocklistFile = dataDirectory.resolve(builder.blocklistFile);
        blocklistCapacity = builder.blocklistCapacity;
        newBlocklist = builder.newBlocklist;
        tokenKeyFile = dataDirectory.resolve(builder.tokenKeyFile);
        tokenKeyHex = builder.tokenKeyHex;
        tokenKeySource = builder.tokenKeySource;
        clock = builder.clock;
        clockDescription = builder.clockDescription;
        shutdownTimeout = builder.shutdownTimeout;
        sources = new EnumMap<>(builder.sources);
        journal = builder.journal.build(dataDirectory);
        terminalFile = dataDirectory.resolve(builder.terminalFile);
        terminalCapacity = builder.terminalCapacity;
        refuseUnknownTerminals = builder.refuseUnknownTerminals;
        faultyTerminalResponseCode = builder.faultyTerminalResponseCode;
        lastHeardIntervalMillis = builder.lastHeardIntervalMillis;
        rulesFile = builder.rulesFile;
        maxTrackedCards = builder.maxTrackedCards;
        maxTrackedTerminals = builder.maxTrackedTerminals;
        maxTrackedAuthorizations = builder.maxTrackedAuthorizations;
        observability = builder.observability.build();
    }

    /** The terminal registry map file, resolved against the data folder. */
    public Path terminalFile() {
        return terminalFile;
    }

    public long terminalCapacity() {
        return terminalCapacity;
    }

    /** True when terminals not in the registry are refused with 58. */
    public boolean refuseUnknownTerminals() {
        return refuseUnknownTerminals;
    }

    public int faultyTerminalResponseCode() {
        return faultyTerminalResponseCode;
    }

    public long lastHeardIntervalMillis() {
        return lastHeardIntervalMillis;
    }

    /** The rules file, or null for the built-in defaults. */
    public Path rulesFile() {
        return rulesFile;
    }

    public int maxTrackedCards() {
        return maxTrackedCards;
    }

    public int maxTrackedTerminals() {
        return maxTrackedTerminals;
    }

    public int maxTrackedAuthorizations() {
        return maxTrackedAuthorizations;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Folder for the engine's files (blocklist map, token key, later the journal). */
    public Path dataDirectory() {
        return dataDirectory;
    }

    public String engineName() {
        return engineName;
    }

    public int ringSize() {
        return ringSize;
    }

    public WaitStrategyType waitStrategy() {
        return waitStrategy;
    }

    public ThreadLayout threadLayout() {
        return threadLayout;
    }

    /** The blocklist map file, resolved against the data folder. */
    public Path blocklistFile() {
        return blocklistFile;
    }

    public long blocklistCapacity() {
        return blocklistCapacity;
    }

    /** Whether a missing blocklist may be created where the data folder shows the engine has run. */
    public boolean newBlocklist() {
        return newBlocklist;
    }

    /** The token key file, resolved against the data folder; unused when a hex key is given. */
    public Path tokenKeyFile() {
        return tokenKeyFile;
    }

    /** The token key as hex when given through the environment or in code, else null. Secret. */
    public String tokenKeyHex() {
        return tokenKeyHex;
    }

    public EpochClock clock() {
        return clock;
    }

    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    /** The decision journal's settings. */
    public JournalSettings journal() {
        return journal;
    }

    /** The HTTP endpoint's and the log's settings ({@code metrics.http.*}, {@code log.format}). */
    public ObservabilitySettings observability() {
        return observability;
    }

    /** The TCP front-end's settings ({@code frontend.*}); used only when a front-end is started. */
    public FrontEndConfiguration frontEnd() {
        return frontEnd;
    }

    /** One line per setting with where it came from; the token key itself is never shown. */
    @Override
    public String toString() {
        final StringBuilder text = new StringBuilder("cardgate configuration:");
        line(text, ConfigurationKey.DATA_DIR, dataDirectory.toString());
        line(text, ConfigurationKey.ENGINE_NAME, engineName);
        line(text, ConfigurationKey.RING_SIZE, Integer.toString(ringSize));
        line(text, ConfigurationKey.WAIT_STRATEGY, waitStrategy.configName());
        line(text, ConfigurationKey.THREAD_LAYOUT, threadLayout.configName());
        line(text, ConfigurationKey.BLOCKLIST_FILE, blocklistFile.toString());
        line(text, ConfigurationKey.BLOCKLIST_CAPACITY, Long.toString(blocklistCapacity));
        line(text, ConfigurationKey.BLOCKLIST_NEW, Boolean.toString(newBlocklist));
        if (tokenKeyHex != null) {
            text.append("\n  token key = (hidden)  (").append(tokenKeySource).append(')');
        }
        else {
            line(text, ConfigurationKey.TOKEN_KEY_FILE, tokenKeyFile.toString());
        }
        line(text, ConfigurationKey.CLOCK, clockDescription);
        line(text, ConfigurationKey.SHUTDOWN_TIMEOUT_MS, Long.toString(shutdownTimeout.toMillis()));
        journal.describeInto(text, sources);

        frontEnd.appendTo(text, key -> sources.getOrDefault(key, "default"));
        line(text, ConfigurationKey.TERMINAL_FILE, terminalFile.toString());
        line(text, ConfigurationKey.TERMINAL_CAPACITY, Long.toString(terminalCapacity));
        line(text, ConfigurationKey.TERMINAL_UNKNOWN, refuseUnknownTerminals ? "refuse" : "allow");
        line(text, ConfigurationKey.TERMINAL_FAULTY_RESPONSE_CODE, Integer.toString(faultyTerminalResponseCode));
        line(text, ConfigurationKey.TERMINAL_LAST_HEARD_INTERVAL_MS, Long.toString(lastHeardIntervalMillis));
        line(text, ConfigurationKey.RULES_FILE, rulesFile == null ? "none" : rulesFile.toString());
        line(text, ConfigurationKey.RISK_MAX_TRACKED_CARDS, Integer.toString(maxTrackedCards));
        line(text, ConfigurationKey.RISK_MAX_TRACKED_TERMINALS, Integer.toString(maxTrackedTerminals));
        line(text, ConfigurationKey.RISK_MAX_TRACKED_AUTHORIZATIONS, Integer.toString(maxTrackedAuthorizations));
        observability.describeInto(text, sources);
        return text.toString();
    }

    private void line(final StringBuilder text, final ConfigurationKey key, final String value) {
        text.append("\n  ").append(key.key()).append(" = ").append(value)
            .append("  (").append(sources.getOrDefault(key, "default")).append(')');
    }

    /**
     * Collects settings; {@link #build()} validates them all at once. Not thread-safe.
     */
    public static final class Builder {
        private Path dataDirectory = Path.of(ConfigurationKey.DATA_DIR.defaultValue());
        private String engineName = ConfigurationKey.ENGINE_NAME.defaultValue();
        private int ringSize = Integer.parseInt(ConfigurationKey.RING_SIZE.defaultValue());
        private WaitStrategyType waitStrategy = WaitStrategyType.BLOCKING;
        private ThreadLayout threadLayout = ThreadLayout.fromConfigName(ThreadLayout.AUTO);
        private Path blocklistFile = Path.of(ConfigurationKey.BLOCKLIST_FILE.defaultValue());
        private long blocklistCapacity = Long.parseLong(ConfigurationKey.BLOCKLIST_CAPACITY.defaultValue());
        private boolean newBlocklist = Boolean.parseBoolean(ConfigurationKey.BLOCKLIST_NEW.defaultValue());
        private Path tokenKeyFile = Path.of(ConfigurationKey.TOKEN_KEY_FILE.defaultValue());
        private String tokenKeyHex;
        private String tokenKeySource;
        private EpochClock clock = SystemEpochClock.INSTANCE;
        private String clockDescription = ConfigurationKey.CLOCK.defaultValue();
        private Duration shutdownTimeout = Duration.ofMillis(Long.parseLong(
            ConfigurationKey.SHUTDOWN_TIMEOUT_MS.defaultValue()));
        private final Map<ConfigurationKey, String> sources = new EnumMap<>(ConfigurationKey.class);
        private final JournalSettings.Builder journal = new JournalSettings.Builder(sources);
        private final ObservabilitySettings.Builder observability = new ObservabilitySettings.Builder(sources);

        private final FrontEndConfiguration.Builder frontEnd = FrontEndConfiguration.builder();
        private Path baseDirectory;
        private Path terminalFile = Path.of(ConfigurationKey.TERMINAL_FILE.defaultValue());
        private long terminalCapacity = Long.parseLong(ConfigurationKey.TERMINAL_CAPACITY.defaultValue());
        private boolean refuseUnknownTerminals = "refuse".equals(ConfigurationKey.TERMINAL_UNKNOWN.defaultValue());
        private int faultyTerminalResponseCode =
            Integer.parseInt(ConfigurationKey.TERMINAL_FAULTY_RESPONSE_CODE.defaultValue());
        private long lastHeardIntervalMillis =
            Long.parseLong(ConfigurationKey.TERMINAL_LAST_HEARD_INTERVAL_MS.defaultValue());
        private Path rulesFile;
        private int maxTrackedCards = Integer.parseInt(ConfigurationKey.RISK_MAX_TRACKED_CARDS.defaultValue());
        private int maxTrackedTerminals = Integer.parseInt(ConfigurationKey.RISK_MAX_TRACKED_TERMINALS.defaultValue());
        private int maxTrackedAuthorizations =
            Integer.parseInt(ConfigurationKey.RISK_MAX_TRACKED_AUTHORIZATIONS.defaultValue());

        private Builder() {
        }

        /** Sets journal settings: {@code .journal(journal -> journal.durability(JournalDurability.NONE))}. */
        public Builder journal(final java.util.function.UnaryOperator<JournalSettings.Builder> settings) {
            settings.apply(journal);
            return this;
        }


        /**
         * The folder a relative data folder (and a relative dialect file) resolves against;
         * unset, they resolve against the working directory. The launcher sets the cardgate
         * home here, so that the shipped configuration works from any directory.
         */
        public Builder baseDirectory(final Path baseDirectory) {
            this.baseDirectory = baseDirectory;
            return this;
        }

        /** Sets {@code metrics.http.*} and {@code log.format}: {@code .observability(o -> o.metricsHttpEnabled(true))}. */
        public Builder observability(final java.util.function.UnaryOperator<ObservabilitySettings.Builder> settings) {
            settings.apply(observability);
            return this;
        }

        /** Sets front-end ({@code frontend.*}) settings. */
        public Builder frontEnd(final Consumer<FrontEndConfiguration.Builder> settings) {
            settings.accept(frontEnd);
            return this;
        }

        FrontEndConfiguration.Builder frontEndBuilder() {
            return frontEnd;
        }

        /** Relative paths resolve against the data folder. */
        public Builder terminalFile(final Path terminalFile) {
            this.terminalFile = terminalFile;
            return source(ConfigurationKey.TERMINAL_FILE, "set in code");
        }

        public Builder terminalCapacity(final long terminalCapacity) {
            this.terminalCapacity = terminalCapacity;
            return source(ConfigurationKey.TERMINAL_CAPACITY, "set in code");
        }

        /** True to refuse terminals not in the registry with 58; false to let them through. */
        public Builder refuseUnknownTerminals(final boolean refuse) {
            this.refuseUnknownTerminals = refuse;
            return source(ConfigurationKey.TERMINAL_UNKNOWN, "set in code");
        }

        public Builder faultyTerminalResponseCode(final int responseCode) {
            this.faultyTerminalResponseCode = responseCode;
            return source(ConfigurationKey.TERMINAL_FAULTY_RESPONSE_CODE, "set in code");
        }

        public Builder lastHeardIntervalMillis(final long intervalMillis) {
            this.lastHeardIntervalMillis = intervalMillis;
            return source(ConfigurationKey.TERMINAL_LAST_HEARD_INTERVAL_MS, "set in code");
        }

        /** The rules file (relative to the working directory), or null for the built-in defaults. */
        public Builder rulesFile(final Path rulesFile) {
            this.rulesFile = rulesFile;
            return source(ConfigurationKey.RULES_FILE, "set in code");
        }

        public Builder maxTrackedCards(final int maxTrackedCards) {
            this.maxTrackedCards = maxTrackedCards;
            return source(ConfigurationKey.RISK_MAX_TRACKED_CARDS, "set in code");
        }

        public Builder maxTrackedTerminals(final int maxTrackedTerminals) {
            this.maxTrackedTerminals = maxTrackedTerminals;
            return source(ConfigurationKey.RISK_MAX_TRACKED_TERMINALS, "set in code");
        }

        public Builder maxTrackedAuthorizations(final int maxTrackedAuthorizations) {
            this.maxTrackedAuthorizations = maxTrackedAuthorizations;
            return source(ConfigurationKey.RISK_MAX_TRACKED_AUTHORIZATIONS, "set in code");
        }

        public Builder dataDirectory(final Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return source(ConfigurationKey.DATA_DIR, "set in code");
        }

        public Builder engineName(final String engineName) {
            this.engineName = engineName;
            return source(ConfigurationKey.ENGINE_NAME, "set in code");
        }

        public Builder ringSize(final int ringSize) {
            this.ringSize = ringSize;
            return source(ConfigurationKey.RING_SIZE, "set in code");
        }

        public Builder waitStrategy(final WaitStrategyType waitStrategy) {
            this.waitStrategy = waitStrategy;
            return source(ConfigurationKey.WAIT_STRATEGY, "set in code");
        }

        public Builder threadLayout(final ThreadLayout threadLayout) {
            this.threadLayout = threadLayout;
            return source(ConfigurationKey.THREAD_LAYOUT, "set in code");
        }

        /** Relative paths resolve against the data folder. */
        public Builder blocklistFile(final Path blocklistFile) {
            this.blocklistFile = blocklistFile;
            return source(ConfigurationKey.BLOCKLIST_FILE, "set in code");
        }

        public Builder blocklistCapacity(final long blocklistCapacity) {
            this.blocklistCapacity = blocklistCapacity;
            return source(ConfigurationKey.BLOCKLIST_CAPACITY, "set in code");
        }

        public Builder newBlocklist(final boolean newBlocklist) {
            this.newBlocklist = newBlocklist;
            return source(ConfigurationKey.BLOCKLIST_NEW, "set in code");
        }

        /** Relative paths resolve against the data folder. */
        public Builder tokenKeyFile(final Path tokenKeyFile) {
            this.tokenKeyFile = tokenKeyFile;
            return source(ConfigurationKey.TOKEN_KEY_FILE, "set in code");
        }

        /** The token key as hex; takes precedence over the key file. Never printed. */
        public Builder tokenKeyHex(final String tokenKeyHex) {
            return tokenKeyHex(tokenKeyHex, "set in code");
        }

        /** As {@link #tokenKeyHex(String)}, saying where the key came from (never the key). */
        public Builder tokenKeyHex(final String tokenKeyHex, final String source) {
            this.tokenKeyHex = tokenKeyHex;
            this.tokenKeySource = source;
            return this;
        }

        /** The engine's wall clock; {@code description} is what the summary prints for it. */
        public Builder clock(final EpochClock clock, final String description) {
            this.clock = clock;
            this.clockDescription = description;
            return source(ConfigurationKey.CLOCK, "set in code");
        }

        public Builder shutdownTimeout(final Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
            return source(ConfigurationKey.SHUTDOWN_TIMEOUT_MS, "set in code");
        }

        /** Records where a key's value came from ("config/cardgate.properties line 7"), for errors. */
        public Builder source(final ConfigurationKey key, final String source) {
            sources.put(key, source);
            return this;
        }

        /**
         * Validates every setting and returns the configuration.
         *
         * @throws ConfigurationException listing every invalid setting
         */
        public EngineConfiguration build() {
            final List<String> problems = new ArrayList<>();
            if (dataDirectory == null || dataDirectory.toString().isEmpty()) {
                problems.add(problem(ConfigurationKey.DATA_DIR, dataDirectory, "a folder path"));
            }
            if (engineName == null || !engineName.matches("[A-Za-z0-9_-]{1,32}")) {
                problems.add(problem(ConfigurationKey.ENGINE_NAME, engineName,
                    "1 to 32 letters, digits, '-' or '_'"));
            }
            if (ringSize < MIN_RING_SIZE || ringSize > MAX_RING_SIZE || Integer.bitCount(ringSize) != 1) {
                problems.add(problem(ConfigurationKey.RING_SIZE, ringSize,
                    "a power of two from " + MIN_RING_SIZE + " to " + MAX_RING_SIZE));
            }
            if (waitStrategy == null) {
                problems.add(problem(ConfigurationKey.WAIT_STRATEGY, null, "blocking, yielding or busy-spin"));
            }
            if (threadLayout == null) {
                problems.add(problem(ConfigurationKey.THREAD_LAYOUT, null, "thread-per-stage or single-thread"));
            }
            if (blocklistFile == null || blocklistFile.toString().isEmpty()) {
                problems.add(problem(ConfigurationKey.BLOCKLIST_FILE, blocklistFile, "a file path"));
            }
            if (blocklistCapacity < 1 || blocklistCapacity > MAX_BLOCKLIST_CAPACITY) {
                problems.add(problem(ConfigurationKey.BLOCKLIST_CAPACITY, blocklistCapacity,
                    "a whole number from 1 to " + MAX_BLOCKLIST_CAPACITY));
            }
            if (tokenKeyFile == null || tokenKeyFile.toString().isEmpty()) {
                problems.add(problem(ConfigurationKey.TOKEN_KEY_FILE, tokenKeyFile, "a file path"));
            }
            if (tokenKeyHex != null && !tokenKeyHex.matches("([0-9a-fA-F]{2})+")) {
                problems.add("token key (" + tokenKeySource + ") is not hex (value hidden, " + tokenKeyHex.length()
                    + " characters): allowed is an even number of hex digits");
            }
            if (clock == null) {
                problems.add(problem(ConfigurationKey.CLOCK, null, "system or fixed:INSTANT"));
            }
            if (shutdownTimeout == null || shutdownTimeout.toMillis() < 1
                || shutdownTimeout.toMillis() > MAX_SHUTDOWN_TIMEOUT_MS) {
                problems.add(problem(ConfigurationKey.SHUTDOWN_TIMEOUT_MS,
                    shutdownTimeout == null ? null : shutdownTimeout.toMillis(),
                    "milliseconds from 1 to " + MAX_SHUTDOWN_TIMEOUT_MS));
            }
            journal.validate(problems);
            observability.validate(problems);

            final Path resolvedData = dataDirectory == null || baseDirectory == null ? dataDirectory
                : baseDirectory.resolve(dataDirectory);
            final FrontEndConfiguration frontEndConfiguration = frontEnd.build(problems,
                key -> sources.getOrDefault(key, "default"),
                resolvedData == null ? Path.of("") : resolvedData, baseDirectory);
            addRulesProblems(problems);
            if (!problems.isEmpty()) {
                throw new ConfigurationException(problems);
            }
            return new EngineConfiguration(this, resolvedData, frontEndConfiguration);
        }

        private void addRulesProblems(final List<String> problems) {
            if (terminalFile == null || terminalFile.toString().isEmpty()) {
                problems.add(problem(ConfigurationKey.TERMINAL_FILE, terminalFile, "a file path"));
            }
            if (terminalCapacity < 1 || terminalCapacity > MAX_TRACKED) {
                problems.add(problem(ConfigurationKey.TERMINAL_CAPACITY, terminalCapacity,
                    "a whole number from 1 to " + MAX_TRACKED));
            }
            if (faultyTerminalResponseCode < 1 || faultyTerminalResponseCode > 99) {
                problems.add(problem(ConfigurationKey.TERMINAL_FAULTY_RESPONSE_CODE, faultyTerminalResponseCode,
                    "a response code from 1 to 99"));
            }
            if (lastHeardIntervalMillis < 0 || lastHeardIntervalMillis > MAX_SHUTDOWN_TIMEOUT_MS) {
                problems.add(problem(ConfigurationKey.TERMINAL_LAST_HEARD_INTERVAL_MS, lastHeardIntervalMillis,
                    "milliseconds from 0 to " + MAX_SHUTDOWN_TIMEOUT_MS));
            }
            trackedProblem(problems, ConfigurationKey.RISK_MAX_TRACKED_CARDS, maxTrackedCards, MAX_TRACKED);
            trackedProblem(problems, ConfigurationKey.RISK_MAX_TRACKED_TERMINALS, maxTrackedTerminals,
                MAX_TRACKED_TERMINALS);
            trackedProblem(problems, ConfigurationKey.RISK_MAX_TRACKED_AUTHORIZATIONS, maxTrackedAuthorizations,
                MAX_TRACKED);
        }

        private void trackedProblem(final List<String> problems, final ConfigurationKey key, final int value,
            final int max) {
            if (value < 1 || value > max) {
                problems.add(problem(key, value, "a whole number from 1 to " + max));
            }
        }

        private String problem(final ConfigurationKey key, final Object value, final String allowed) {
            return key.key() + " = " + value + " (" + sources.getOrDefault(key, "default")
                + "): allowed is " + allowed;
        }
    }
}
