package dev.cardgate.engine.config;

import java.time.Duration;
import java.util.List;

/**
 * The {@code upstream.standin.*} and {@code upstream.saf.*} settings: what the engine may approve
 * alone while the link to the network is not up (stand-in), what it answers when a forwarded
 * request gets no answer, and how long stored advices and reversals are kept for the network.
 * Used only when the engine runs with an upstream link. Immutable; docs/upstream.md explains each.
 */
public final class StandInConfiguration {
    public static final SettingGroup SETTINGS = new SettingGroup("Stand-in and store and forward");
    public static final Setting<Boolean> ENABLED = SETTINGS.add("upstream.standin.enabled", SettingTypes.bool(), true,
        "`true`: while the link is not up, a request that passes the local checks is approved within the stand-in "
            + "limits below; `false`: it is declined 91.");
    public static final Setting<Long> FLOOR_LIMIT = SETTINGS.add("upstream.standin.floor-limit.minor",
        SettingTypes.wholeNumber(0, 999_999_999_999L, "minor units from 0 to 999999999999"), 5_000L,
        "The largest amount (minor units) approved in stand-in in one transaction, where no "
            + "`upstream.standin.floor-limits` entry matches.");
    public static final Setting<String> FLOOR_LIMITS = SETTINGS.add("upstream.standin.floor-limits",
        SettingTypes.text(FloorLimits.PATTERN, "comma-separated MCC:COUNTRY=AMOUNT entries, MCC and COUNTRY digits "
            + "or *, e.g. 5411:*=20000,*:840=10000"), "",
        "Floor limits by merchant category (field 18) and country (field 19): `MCC:COUNTRY=AMOUNT`, either side `*`; "
            + "the most specific entry wins (both, then MCC, then country). At most "
            + FloorLimits.MAX_ENTRIES + " entries.");
    public static final Setting<Duration> WINDOW = SETTINGS.add("upstream.standin.window.ms",
        SettingTypes.millis(60_000, 2_592_000_000L), Duration.ofHours(24),
        "The window of the cumulative caps and of the exposure budget, tumbling: it begins at a stand-in approval "
            + "when none is open, and when it ends every card's, terminal's and merchant's sum and the global one "
            + "start again from zero.");
    public static final Setting<Long> CARD_CAP = SETTINGS.add("upstream.standin.card-cap.minor",
        SettingTypes.wholeNumber(0, 999_999_999_999L, "minor units from 0 to 999999999999"), 20_000L,
        "The most one card may be approved for in stand-in within the window (minor units).");
    public static final Setting<Long> TERMINAL_CAP = SETTINGS.add("upstream.standin.terminal-cap.minor",
        SettingTypes.wholeNumber(0, 999_999_999_999L, "minor units from 0 to 999999999999"), 200_000L,
        "The most one terminal (field 41) may approve in stand-in within the window (minor units).");
    public static final Setting<Long> MERCHANT_CAP = SETTINGS.add("upstream.standin.merchant-cap.minor",
        SettingTypes.wholeNumber(0, 999_999_999_999L, "minor units from 0 to 999999999999"), 1_000_000L,
        "The most one merchant (field 42) may approve in stand-in within the window (minor units).");
    public static final Setting<Long> EXPOSURE_BUDGET = SETTINGS.add("upstream.standin.exposure-budget.minor",
        SettingTypes.wholeNumber(0, 999_999_999_999L, "minor units from 0 to 999999999999"), 10_000_000L,
        "The most all stand-in approvals together may reach within the window (minor units): the acquirer's "
            + "exposure to the issuers while it decides alone.");
    public static final Setting<Integer> MAX_TRACKED = SETTINGS.add("upstream.standin.max-tracked",
        SettingTypes.integer(16, 1 << 24, "16 to 16777216"), 65_536,
        "Cards, terminals and merchants each stand-in table holds (preallocated); a request whose card, terminal "
            + "or merchant finds its table full is declined 91.");
    public static final Setting<TimeoutAnswer> ON_TIMEOUT = SETTINGS.add("upstream.standin.on-timeout",
        SettingTypes.choice(TimeoutAnswer::fromConfigName, TimeoutAnswer::configName, "decline or stand-in"),
        TimeoutAnswer.DECLINE, "What a terminal gets when the network does not answer its forwarded request in "
            + "time (or the link is lost): `decline` (91) or `stand-in` (decided within the stand-in limits). A "
            + "reversal is queued either way.");
    public static final Setting<Duration> SAF_EXPIRY = SETTINGS.add("upstream.saf.expiry.ms",
        SettingTypes.millis(60_000, 2_592_000_000L), Duration.ofDays(3),
        "How long a stored advice or reversal is offered to the network; older ones are expired (counted, "
            + "logged once each) and no longer sent.");
    public static final Setting<Duration> SAF_RETRY_INTERVAL = SETTINGS.add("upstream.saf.retry.interval.ms",
        SettingTypes.millis(10, 600_000), Duration.ofSeconds(1),
        "How often the store-and-forward sender looks for stored messages to send while the link is up.");
    public static final Setting<Integer> SAF_WINDOW = SETTINGS.add("upstream.saf.window",
        SettingTypes.integer(1, 1_024, "1 to 1024"), 8,
        "Stored messages sent and not yet answered at once; they are sent in the order stored.");

    /** What a forwarded request that got no answer is answered. */
    public enum TimeoutAnswer {
        /** 91, issuer or switch inoperative. */
        DECLINE("decline"),
        /** Decided within the stand-in limits, as if the link were down. */
        STAND_IN("stand-in");

        private final String configName;

        TimeoutAnswer(final String configName) {
            this.configName = configName;
        }

        public String configName() {
            return configName;
        }

        static TimeoutAnswer fromConfigName(final String name) {
            for (final TimeoutAnswer answer : values()) {
                if (answer.configName.equals(name)) {
                    return answer;
                }
            }
            return null;
        }
    }

    private final SettingValues values;
    private final FloorLimits floorLimits;

    StandInConfiguration(final SettingValues values) {
        this.values = values;
        this.floorLimits = FloorLimits.parse(values.get(FLOOR_LIMITS), values.get(FLOOR_LIMIT));
    }

    public boolean enabled() {
        return values.get(ENABLED);
    }

    /** The floor limits by merchant category and country, with the default. */
    public FloorLimits floorLimits() {
        return floorLimits;
    }

    public long windowMillis() {
        return values.get(WINDOW).toMillis();
    }

    public long cardCapMinor() {
        return values.get(CARD_CAP);
    }

    public long terminalCapMinor() {
        return values.get(TERMINAL_CAP);
    }

    public long merchantCapMinor() {
        return values.get(MERCHANT_CAP);
    }

    public long exposureBudgetMinor() {
        return values.get(EXPOSURE_BUDGET);
    }

    public int maxTracked() {
        return values.get(MAX_TRACKED);
    }

    public TimeoutAnswer onTimeout() {
        return values.get(ON_TIMEOUT);
    }

    public long safExpiryMillis() {
        return values.get(SAF_EXPIRY).toMillis();
    }

    public long safRetryIntervalMillis() {
        return values.get(SAF_RETRY_INTERVAL).toMillis();
    }

    public int safWindow() {
        return values.get(SAF_WINDOW);
    }

    /** Sets these settings in code; validated by {@link EngineConfiguration.Builder#build()}. */
    public static final class Builder {
        private final SettingValues values;

        Builder(final SettingValues values) {
            this.values = values;
        }

        private <T> Builder set(final Setting<T> setting, final T value) {
            values.set(setting, value, "set in code");
            return this;
        }

        public Builder enabled(final boolean enabled) {
            return set(ENABLED, enabled);
        }

        public Builder floorLimitMinor(final long amount) {
            return set(FLOOR_LIMIT, amount);
        }

        public Builder floorLimits(final String entries) {
            return set(FLOOR_LIMITS, entries);
        }

        public Builder window(final Duration window) {
            return set(WINDOW, window);
        }

        public Builder cardCapMinor(final long amount) {
            return set(CARD_CAP, amount);
        }

        public Builder terminalCapMinor(final long amount) {
            return set(TERMINAL_CAP, amount);
        }

        public Builder merchantCapMinor(final long amount) {
            return set(MERCHANT_CAP, amount);
        }

        public Builder exposureBudgetMinor(final long amount) {
            return set(EXPOSURE_BUDGET, amount);
        }

        public Builder maxTracked(final int entries) {
            return set(MAX_TRACKED, entries);
        }

        public Builder onTimeout(final TimeoutAnswer answer) {
            return set(ON_TIMEOUT, answer);
        }

        public Builder safExpiry(final Duration expiry) {
            return set(SAF_EXPIRY, expiry);
        }

        public Builder safRetryInterval(final Duration interval) {
            return set(SAF_RETRY_INTERVAL, interval);
        }

        /** The floor limits' entries must each name a category or a country, once. */
        void validateTogether(final List<String> problems) {
            final String problem = FloorLimits.problem(values.get(FLOOR_LIMITS));
            if (problem != null) {
                problems.add(FLOOR_LIMITS.key() + " = '" + values.get(FLOOR_LIMITS) + "': " + problem);
            }
        }
    }
}
