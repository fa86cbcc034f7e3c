package dev.cardgate.engine.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.agrona.concurrent.EpochClock;

/**
 * Everything an engine needs to launch, typed, validated and immutable. Build one in code with
 * {@link #builder()}, or load {@code config/cardgate.properties} with {@link
 * EngineConfigurationLoader}. {@link #toString()} prints it without secrets.
 *
 * <p>The engine-wide keys are declared here, once each, as {@link Setting}s; the journal's,
 * the front-end's and the HTTP endpoint's beside their own settings classes.
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
    /** The environment variable that carries the card token key as hex; never read from a file. */
    public static final String TOKEN_KEY_ENVIRONMENT_VARIABLE = "CARDGATE_TOKEN_KEY";

    /** The engine's own keys: its files, ring, threads and clock. */
    public static final SettingGroup ENGINE = new SettingGroup("Engine");
    public static final Setting<Path> DATA_DIR = ENGINE.add("data.dir", SettingTypes.path("a folder path"),
        Path.of("data"), "Folder for the engine's files (blocklist map, token key). Relative to the working "
            + "directory, or to the cardgate home when started by `bin/cardgate`. Created on first "
            + "start.");
    public static final Setting<String> ENGINE_NAME = ENGINE.add("engine.name",
        SettingTypes.text("[A-Za-z0-9_-]{1,32}", "1 to 32 letters, digits, '-' or '_'"), "main", "1 to 32 letters, digits, `-` or `_`. Used in thread names (`cardgate-main-decision`) "
            + "and logs; lets several engines share a JVM readably.");
    public static final Setting<Integer> RING_SIZE = ENGINE.add("ring.size", SettingTypes.integer(MIN_RING_SIZE,
        MAX_RING_SIZE, SettingTypes::isPowerOfTwo, "a power of two from " + MIN_RING_SIZE + " to " + MAX_RING_SIZE),
        8192, "A power of two from 16 to 4194304: the ring's slots, which bound the requests in "
            + "flight. A full ring makes the non-blocking submit answer 91 (SYSTEM_OVERLOADED).");
    public static final Setting<WaitStrategyType> WAIT_STRATEGY = ENGINE.add("wait.strategy",
        SettingTypes.choice(WaitStrategyType::fromConfigName, WaitStrategyType::configName,
            "blocking, yielding or busy-spin"), WaitStrategyType.BLOCKING, "`blocking` (sleeps on a lock when idle; no CPU when idle; each wake-up costs "
            + "microseconds; right on 2 cores), `yielding` (spins then yields: lower latency, a core "
            + "per idle thread), `busy-spin` (lowest latency, needs a dedicated core per pipeline "
            + "thread; on a 2-core machine with thread-per-stage it starves the producers).");
    public static final Setting<ThreadLayout> THREAD_LAYOUT = ENGINE.add("thread.layout",
        SettingTypes.choice(ThreadLayout::fromConfigName, ThreadLayout::configName,
            "auto, thread-per-stage or single-thread"),
        ThreadLayout.forProcessors(Runtime.getRuntime().availableProcessors()), ThreadLayout.AUTO, "`thread-per-stage`: the decision, journal and reply stages each have a thread and "
            + "overlap. `single-thread`: the stages run in turn on one thread: two hand-offs fewer a "
            + "request, two threads fewer to schedule; the layout for a small machine and for "
            + "busy-spin on a dedicated core. `auto` (resolved at start, shown in the start-up "
            + "summary): `single-thread` below 4 processors, `thread-per-stage` from 4. On the 2-core "
            + "development VM single-thread answered 1.6 times as many requests over TCP "
            + "(benchmarks/RESULTS.md, \"Thread layout over TCP\"); the 4-processor threshold is not "
            + "measured here. `EngineConfiguration.builder()` resolves the same default.");
    public static final Setting<Path> BLOCKLIST_FILE = ENGINE.add("blocklist.file", SettingTypes.path("a file path"),
        Path.of("blocklist.cm"), "The blocklist map file; relative to `data.dir`. Created owner-only if absent.");
    public static final Setting<Long> BLOCKLIST_CAPACITY = ENGINE.add("blocklist.capacity",
        SettingTypes.wholeNumber(1, MAX_BLOCKLIST_CAPACITY, "a whole number from 1 to " + MAX_BLOCKLIST_CAPACITY),
        1_000_000L, "1 to 2000000000: the entries the map is sized for when it is created (an existing map "
            + "keeps its size).");
    public static final Setting<Boolean> NEW_BLOCKLIST = ENGINE.add("blocklist.new", SettingTypes.bool(), false,
        "`true` lets the engine start with a new, empty blocklist where the map file and its sidecar are missing "
            + "but the data folder has a journal or a terminal registry (it refuses otherwise, since a lost "
            + "blocklist would approve every hot card); `cardgate serve --new-blocklist` sets it for one start.");
    public static final Setting<Path> TOKEN_KEY_FILE = ENGINE.add("token.key.file", SettingTypes.path("a file path"),
        Path.of("token.key"), "The card token key file; relative to `data.dir`. Created (256 random bits, owner-only) "
            + "on first start; refused if readable by group or others. Never created beside an existing blocklist "
            + "(that map was made with another key): the start is refused, naming the blocklist, and nothing is "
            + "created.");
    public static final Setting<ConfiguredClock> CLOCK = ENGINE.add("clock", ConfiguredClock.TYPE,
        ConfiguredClock.SYSTEM, "`system`, or `fixed:INSTANT` with an ISO-8601 instant (`fixed:2026-01-01T00:00:00Z`) "
            + "that stops the engine's clock there: for tests and demos only.");
    public static final Setting<Duration> SHUTDOWN_TIMEOUT = ENGINE.add("shutdown.timeout.ms",
        SettingTypes.millis(1, MAX_SHUTDOWN_TIMEOUT_MS), Duration.ofMillis(5000), "1 to 600000: how long close waits for accepted requests to be answered before it stops "
            + "the threads anyway (and logs how many were left).");

    /** The decision's keys: the terminal registry, the rules and what the risk rules remember. */
    public static final SettingGroup DECISION = new SettingGroup("Terminals, rules and risk");
    public static final Setting<Path> TERMINAL_FILE = DECISION.add("terminal.file", SettingTypes.path("a file path"),
        Path.of("terminals.cm"), "The terminal registry map file; relative to `data.dir`. Created owner-only if absent; a "
            + "damaged or foreign file is refused.");
    public static final Setting<Long> TERMINAL_CAPACITY = DECISION.add("terminal.capacity",
        SettingTypes.wholeNumber(1, MAX_TRACKED, "a whole number from 1 to " + MAX_TRACKED), 100_000L,
        "1 to 100000000: the terminals the registry may hold; sizes the file when it is created.");
    public static final Setting<Boolean> REFUSE_UNKNOWN_TERMINALS = DECISION.add("terminal.unknown",
        SettingTypes.choice(name -> "refuse".equals(name) ? Boolean.TRUE : "allow".equals(name) ? Boolean.FALSE : null,
            refuse -> refuse ? "refuse" : "allow", "refuse or allow"), false, "`refuse`: a terminal not in the registry is declined with 58 (TERMINAL_UNKNOWN). "
            + "`allow`: it is decided on the request's own fields, for rolling the registry out; set "
            + "`refuse` once the registry holds every terminal.");
    public static final Setting<Integer> FAULTY_TERMINAL_RESPONSE_CODE = DECISION.add("terminal.faulty.response-code",
        SettingTypes.integer(1, 99, "a response code from 1 to 99"), 91, "1 to 99: field 39 for a terminal registered as faulty or under maintenance.");
    public static final Setting<Long> LAST_HEARD_INTERVAL_MS = DECISION.add("terminal.last-heard.interval.ms",
        SettingTypes.wholeNumber(0, MAX_SHUTDOWN_TIMEOUT_MS, "milliseconds from 0 to " + MAX_SHUTDOWN_TIMEOUT_MS),
        60_000L, "0 to 600000: the least time between two writes of a terminal's last-heard time into the "
            + "shared map (a request writes it at most this often per terminal; network management "
            + "messages always do). Each write takes the map entry's lock shared with operator "
            + "processes, so on a busy fleet a short interval costs a shared-memory write on most "
            + "requests.");
    public static final Setting<Boolean> SIGN_ON_REQUIRED = DECISION.add("terminal.sign-on",
        SettingTypes.choice(name -> "required".equals(name) ? Boolean.TRUE : "as-registered".equals(name) ? Boolean.FALSE
            : null, required -> required ? "required" : "as-registered", "as-registered or required"), false,
        "`as-registered`: a terminal must sign on (0800, 70 = 001) before it transacts when its registry entry says "
            + "so (`signOnRequired`). `required`: every registered terminal must, whatever its entry says (58, "
            + "TERMINAL_NOT_SIGNED_ON, until it signs on).");
    public static final Setting<Path> RULES_FILE = DECISION.add("rules.file",
        SettingTypes.pathOrNone("none or the path of a rules file"), null, "The policy and risk rules file (format in "
            + "`docs/rules.md`), relative to the cardgate home (see Paths above), e.g. `config/rules.conf`, which the "
            + "shipped file sets; `none` (the default when embedded) runs on the built-in defaults (every currency, "
            + "default required fields, no policy or risk rule). A missing file is refused at start in one line; an "
            + "invalid one stops the launch with file, line and reason; `AuthorizationEngine#reloadRules()` reloads "
            + "it while the engine runs.");
    public static final Setting<Integer> RISK_MAX_TRACKED_CARDS = DECISION.add("risk.max-tracked-cards",
        SettingTypes.integer(1, MAX_TRACKED, "a whole number from 1 to " + MAX_TRACKED), 100_000,
        "1 to 100000000: cards whose velocity and last country the risk rules remember. About "
            + "112 bytes per card plus 40 per card per velocity rule (two table slots per card).");
    public static final Setting<Integer> RISK_MAX_TRACKED_TERMINALS = DECISION.add("risk.max-tracked-terminals",
        SettingTypes.integer(1, MAX_TRACKED_TERMINALS, "a whole number from 1 to " + MAX_TRACKED_TERMINALS), 10_000,
        "1 to 10000000: terminals whose card-testing activity is remembered; about 300 bytes per "
            + "terminal.");
    public static final Setting<Integer> RISK_MAX_TRACKED_AUTHORIZATIONS = DECISION.add("risk.max-tracked-authorizations",
        SettingTypes.integer(1, MAX_TRACKED, "a whole number from 1 to " + MAX_TRACKED), 100_000,
        "1 to 100000000: recent requests remembered for duplicates and reversals (at least an "
            + "hour, or the longest rule window); about 160 bytes each.");

    private final SettingValues values;
    private final Path dataDirectory;
    private final Path rulesFile;
    private final EpochClock clock;
    private final String tokenKeyHex;
    private final String tokenKeySource;
    private final JournalConfiguration journal;
    private final FrontEndConfiguration frontEnd;
    private final ObservabilityConfiguration observability;
    private final UpstreamConfiguration upstream;
    private final StandInConfiguration standIn;
    private final TerminalDayConfiguration terminalDay;

    private EngineConfiguration(final Builder builder, final Path dataDirectory, final FrontEndConfiguration frontEnd,
        final Path rulesFile) {
        this.values = builder.values.copy();
        this.dataDirectory = dataDirectory;
        this.rulesFile = rulesFile;
        this.frontEnd = frontEnd;
        clock = values.get(CLOCK).clock();
        tokenKeyHex = builder.tokenKeyHex;
        tokenKeySource = builder.tokenKeySource;
        journal = new JournalConfiguration(values, dataDirectory);
        observability = new ObservabilityConfiguration(values);
        upstream = builder.builtUpstream;
        standIn = new StandInConfiguration(values);
        terminalDay = new TerminalDayConfiguration(values);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The value of any setting, for a key that has no typed accessor of its own yet. */
    public <T> T get(final Setting<T> setting) {
        return values.get(setting);
    }

    /** Folder for the engine's files (blocklist map, token key, journal). */
    public Path dataDirectory() {
        return dataDirectory;
    }

    public String engineName() {
        return values.get(ENGINE_NAME);
    }

    public int ringSize() {
        return values.get(RING_SIZE);
    }

    public WaitStrategyType waitStrategy() {
        return values.get(WAIT_STRATEGY);
    }

    public ThreadLayout threadLayout() {
        return values.get(THREAD_LAYOUT);
    }

    /** The blocklist map file, resolved against the data folder. */
    public Path blocklistFile() {
        return dataDirectory.resolve(values.get(BLOCKLIST_FILE));
    }

    public long blocklistCapacity() {
        return values.get(BLOCKLIST_CAPACITY);
    }

    /** Whether a missing blocklist may be created where the data folder shows the engine has run. */
    public boolean newBlocklist() {
        return values.get(NEW_BLOCKLIST);
    }

    /** The token key file, resolved against the data folder; unused when a hex key is given. */
    public Path tokenKeyFile() {
        return dataDirectory.resolve(values.get(TOKEN_KEY_FILE));
    }

    /** The token key as hex when given through the environment or in code, else null. Secret. */
    public String tokenKeyHex() {
        return tokenKeyHex;
    }

    public EpochClock clock() {
        return clock;
    }

    public Duration shutdownTimeout() {
        return values.get(SHUTDOWN_TIMEOUT);
    }

    /** The terminal registry map file, resolved against the data folder. */
    public Path terminalFile() {
        return dataDirectory.resolve(values.get(TERMINAL_FILE));
    }

    public long terminalCapacity() {
        return values.get(TERMINAL_CAPACITY);
    }

    /** True when terminals not in the registry are refused with 58. */
    public boolean refuseUnknownTerminals() {
        return values.get(REFUSE_UNKNOWN_TERMINALS);
    }

    public int faultyTerminalResponseCode() {
        return values.get(FAULTY_TERMINAL_RESPONSE_CODE);
    }

    public long lastHeardIntervalMillis() {
        return values.get(LAST_HEARD_INTERVAL_MS);
    }

    /** The rules file, resolved against the cardgate home (the base directory), or null for the built-in defaults. */
    public Path rulesFile() {
        return rulesFile;
    }

    /** True when every registered terminal must sign on before it transacts ({@code terminal.sign-on = required}). */
    public boolean signOnRequiredOfEveryTerminal() {
        return values.get(SIGN_ON_REQUIRED);
    }

    public int maxTrackedCards() {
        return values.get(RISK_MAX_TRACKED_CARDS);
    }

    public int maxTrackedTerminals() {
        return values.get(RISK_MAX_TRACKED_TERMINALS);
    }

    public int maxTrackedAuthorizations() {
        return values.get(RISK_MAX_TRACKED_AUTHORIZATIONS);
    }

    /** The decision journal's settings. */
    public JournalConfiguration journal() {
        return journal;
    }

    /** The HTTP endpoint's and the log's settings ({@code metrics.http.*}, {@code log.format}). */
    public ObservabilityConfiguration observability() {
        return observability;
    }

    /** Stand-in limits and store and forward ({@code upstream.standin.*}, {@code upstream.saf.*}); used with a link. */
    public StandInConfiguration standIn() {
        return standIn;
    }

    /** The {@code terminal-day.*} settings. */
    public TerminalDayConfiguration terminalDay() {
        return terminalDay;
    }

    /** The TCP front-end's settings ({@code frontend.*}); used only when a front-end is started. */
    public FrontEndConfiguration frontEnd() {
        return frontEnd;
    }

    /** The upstream link's settings ({@code upstream.*}); {@link UpstreamConfiguration#enabled()} says whether it is on. */
    public UpstreamConfiguration upstream() {
        return upstream;
    }

    /** One line per setting with where it came from; the token key itself is never shown. */
    @Override
    public String toString() {
        final StringBuilder text = new StringBuilder("cardgate configuration:");
        for (final Setting<?> setting : SettingCatalog.settings()) {
            if (setting == TOKEN_KEY_FILE && tokenKeyHex != null) {
                text.append("\n  token key = (hidden)  (").append(tokenKeySource).append(')');
                continue;
            }
            final String value = setting == DATA_DIR ? dataDirectory.toString() : values.formatted(setting);
            text.append("\n  ").append(setting.key()).append(" = ").append(value)
                .append("  (").append(values.source(setting)).append(')');
        }
        return text.toString();
    }

    /**
     * Collects settings; {@link #build()} validates them all at once. Not thread-safe.
     */
    public static final class Builder {
        private static final String IN_CODE = "set in code";

        private final SettingValues values = new SettingValues();
        private final JournalConfiguration.Builder journal = new JournalConfiguration.Builder(values);
        private final ObservabilityConfiguration.Builder observability = new ObservabilityConfiguration.Builder(values);
        private final TerminalDayConfiguration.Builder terminalDay = new TerminalDayConfiguration.Builder(values);
        private final FrontEndConfiguration.Builder frontEnd = new FrontEndConfiguration.Builder(values);
        private final UpstreamConfiguration.Builder upstream = new UpstreamConfiguration.Builder(values);
        private UpstreamConfiguration builtUpstream;
        private final StandInConfiguration.Builder standIn = new StandInConfiguration.Builder(values);
        private String tokenKeyHex;
        private String tokenKeySource;
        private Path baseDirectory;

        private Builder() {
        }

        /** Sets journal settings: {@code .journal(journal -> journal.durability(JournalDurability.NONE))}. */
        public Builder journal(final java.util.function.UnaryOperator<JournalConfiguration.Builder> settings) {
            settings.apply(journal);
            return this;
        }

        /** Sets {@code metrics.http.*} and {@code log.format}: {@code .observability(o -> o.metricsHttpEnabled(true))}. */
        public Builder observability(final java.util.function.UnaryOperator<ObservabilityConfiguration.Builder> settings) {
            settings.apply(observability);
            return this;
        }

        /** Sets {@code upstream.standin.*} and {@code upstream.saf.*}: {@code .standIn(s -> s.cardCapMinor(10_000))}. */
        public Builder standIn(final java.util.function.UnaryOperator<StandInConfiguration.Builder> settings) {
            settings.apply(standIn);
            return this;
        }

        /** Sets {@code terminal-day.*}: {@code .terminalDay(t -> t.completionMessageType(200))}. */
        public Builder terminalDay(final java.util.function.UnaryOperator<TerminalDayConfiguration.Builder> settings) {
            settings.apply(terminalDay);
            return this;
        }

        /** Sets front-end ({@code frontend.*}) settings. */
        public Builder frontEnd(final Consumer<FrontEndConfiguration.Builder> settings) {
            settings.accept(frontEnd);
            return this;
        }

        /** Sets upstream link ({@code upstream.*}) settings. */
        public Builder upstream(final Consumer<UpstreamConfiguration.Builder> settings) {
            settings.accept(upstream);
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

        /** Sets any setting; {@code source} says where the value came from ("set in code", a file and line). */
        public <T> Builder set(final Setting<T> setting, final T value, final String source) {
            values.set(setting, value, source);
            return this;
        }

        /** Sets any setting from code. */
        public <T> Builder set(final Setting<T> setting, final T value) {
            return set(setting, value, IN_CODE);
        }

        public Builder dataDirectory(final Path dataDirectory) {
            return set(DATA_DIR, dataDirectory);
        }

        public Builder engineName(final String engineName) {
            return set(ENGINE_NAME, engineName);
        }

        public Builder ringSize(final int ringSize) {
            return set(RING_SIZE, ringSize);
        }

        public Builder waitStrategy(final WaitStrategyType waitStrategy) {
            return set(WAIT_STRATEGY, waitStrategy);
        }

        public Builder threadLayout(final ThreadLayout threadLayout) {
            return set(THREAD_LAYOUT, threadLayout);
        }

        /** Relative paths resolve against the data folder. */
        public Builder blocklistFile(final Path blocklistFile) {
            return set(BLOCKLIST_FILE, blocklistFile);
        }

        public Builder blocklistCapacity(final long blocklistCapacity) {
            return set(BLOCKLIST_CAPACITY, blocklistCapacity);
        }

        public Builder newBlocklist(final boolean newBlocklist) {
            return set(NEW_BLOCKLIST, newBlocklist);
        }

        /** Relative paths resolve against the data folder. */
        public Builder tokenKeyFile(final Path tokenKeyFile) {
            return set(TOKEN_KEY_FILE, tokenKeyFile);
        }

        /** The token key as hex; takes precedence over the key file. Never printed. */
        public Builder tokenKeyHex(final String tokenKeyHex) {
            return tokenKeyHex(tokenKeyHex, IN_CODE);
        }

        /** As {@link #tokenKeyHex(String)}, saying where the key came from (never the key). */
        public Builder tokenKeyHex(final String tokenKeyHex, final String source) {
            this.tokenKeyHex = tokenKeyHex;
            this.tokenKeySource = source;
            return this;
        }

        /** The engine's wall clock; {@code description} is what the summary prints for it. */
        public Builder clock(final EpochClock clock, final String description) {
            return set(CLOCK, new ConfiguredClock(clock, description));
        }

        public Builder shutdownTimeout(final Duration shutdownTimeout) {
            return set(SHUTDOWN_TIMEOUT, shutdownTimeout);
        }

        /** Relative paths resolve against the data folder. */
        public Builder terminalFile(final Path terminalFile) {
            return set(TERMINAL_FILE, terminalFile);
        }

        public Builder terminalCapacity(final long terminalCapacity) {
            return set(TERMINAL_CAPACITY, terminalCapacity);
        }

        /** True to refuse terminals not in the registry with 58; false to let them through. */
        public Builder refuseUnknownTerminals(final boolean refuse) {
            return set(REFUSE_UNKNOWN_TERMINALS, refuse);
        }

        public Builder faultyTerminalResponseCode(final int responseCode) {
            return set(FAULTY_TERMINAL_RESPONSE_CODE, responseCode);
        }

        public Builder lastHeardIntervalMillis(final long intervalMillis) {
            return set(LAST_HEARD_INTERVAL_MS, intervalMillis);
        }

        /** Every registered terminal must sign on before it transacts ({@code terminal.sign-on = required}). */
        public Builder signOnRequiredOfEveryTerminal(final boolean required) {
            return set(SIGN_ON_REQUIRED, required);
        }

        /** The rules file (relative to the base directory, else the working directory), or null for the built-in defaults. */
        public Builder rulesFile(final Path rulesFile) {
            return set(RULES_FILE, rulesFile);
        }

        public Builder maxTrackedCards(final int maxTrackedCards) {
            return set(RISK_MAX_TRACKED_CARDS, maxTrackedCards);
        }

        public Builder maxTrackedTerminals(final int maxTrackedTerminals) {
            return set(RISK_MAX_TRACKED_TERMINALS, maxTrackedTerminals);
        }

        public Builder maxTrackedAuthorizations(final int maxTrackedAuthorizations) {
            return set(RISK_MAX_TRACKED_AUTHORIZATIONS, maxTrackedAuthorizations);
        }

        /** True when {@code setting} was set (in code, by a file or the environment). */
        boolean isSet(final Setting<?> setting) {
            return values.isSet(setting);
        }

        /**
         * Validates every setting and returns the configuration: each value against its
         * setting's bounds, then the checks that span keys.
         *
         * @throws ConfigurationException listing every invalid setting
         */
        public EngineConfiguration build() {
            final List<String> problems = new ArrayList<>();
            values.validate(problems);
            if (tokenKeyHex != null && !tokenKeyHex.matches("([0-9a-fA-F]{2})+")) {
                problems.add("token key (" + tokenKeySource + ") is not hex (value hidden, " + tokenKeyHex.length()
                    + " characters): allowed is an even number of hex digits");
            }
            journal.validateTogether(problems);
            final Path dataDirectory = values.get(DATA_DIR);
            final Path resolvedData = dataDirectory == null || baseDirectory == null ? dataDirectory
                : baseDirectory.resolve(dataDirectory);
            final FrontEndConfiguration frontEndConfiguration = frontEnd.build(problems,
                resolvedData == null ? Path.of("") : resolvedData, baseDirectory);
            observability.validateTogether(problems);
            builtUpstream = upstream.build(problems, resolvedData == null ? Path.of("") : resolvedData, baseDirectory);

            final Path rulesFile = resolveRulesFile(problems);
            standIn.validateTogether(problems);
            if (!problems.isEmpty()) {
                throw new ConfigurationException(problems);
            }
            return new EngineConfiguration(this, resolvedData, frontEndConfiguration, rulesFile);
        }

        /** The rules file against the base directory; a missing one is a problem here, not a stack trace at launch. */
        private Path resolveRulesFile(final List<String> problems) {
            final Path configured = values.get(RULES_FILE);
            if (configured == null) {
                return null;
            }
            final Path resolved = baseDirectory == null ? configured : baseDirectory.resolve(configured);
            if (!Files.isRegularFile(resolved) || !Files.isReadable(resolved)) {
                problems.add(RULES_FILE.problem(configured.toString(), values.source(RULES_FILE),
                    "none or a readable rules file (no file at " + resolved.toAbsolutePath().normalize()
                        + "; a relative path resolves against " + (baseDirectory == null ? "the working directory"
                        : "the cardgate home " + baseDirectory) + ")"));
            }
            return resolved;
        }
    }
}
