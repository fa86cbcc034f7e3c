package dev.cardgate.engine.config;

import java.time.Duration;

/**
 * The {@code terminal-day.*} settings, declared here: how a completion is recognised, how long a
 * pre-authorization's hold lasts, how far back the journal is replayed to rebuild open batches,
 * and the bounds of the decision thread's batch and transaction tables (docs/terminals.md).
 * Immutable, validated with the rest of the configuration.
 */
public final class TerminalDayConfiguration {
    public static final SettingGroup SETTINGS = new SettingGroup("Terminal day: advices, voids, batches, settlement");
    private static final long DAY_MILLIS = 86_400_000L;
    public static final Setting<Integer> COMPLETION_MESSAGE_TYPE = SETTINGS.add("terminal-day.completion-message-type",
        SettingTypes.choice(
            name -> "0220".equals(name) ? Integer.valueOf(220) : "0200".equals(name) ? Integer.valueOf(200) : null,
            type -> String.format("%04d", type), "0220 or 0200"), 220,
        "`0220` (jPOS-style hosts): a pre-authorization is completed by a 0220 advice whose field 90 names the "
            + "0100; `0200`: by a 0200 whose field 90 names the 0100 (hosts that want the completion "
            + "authorized again).");
    public static final Setting<Duration> HOLD_EXPIRY = SETTINGS.add("terminal-day.hold-expiry.ms",
        SettingTypes.millis(60_000, 31 * DAY_MILLIS), Duration.ofMillis(7 * DAY_MILLIS),
        "60000 to 2678400000: how long an approved pre-authorization holds its amount when neither completed "
            + "nor reversed.");
    public static final Setting<Duration> REPLAY_WINDOW = SETTINGS.add("terminal-day.replay-window.ms",
        SettingTypes.millis(60_000, 31 * DAY_MILLIS), Duration.ofMillis(3 * DAY_MILLIS),
        "60000 to 2678400000: how far back the journal is replayed at start to rebuild open batches and holds "
            + "(the journal keeps at least this much); a batch open longer loses its older records.");
    public static final Setting<Integer> MAX_TERMINALS = SETTINGS.add("terminal-day.max-terminals",
        SettingTypes.integer(16, 10_000_000, "16 to 10000000"), 16_384,
        "16 to 10000000: terminals whose open batch is kept (about 700 bytes each); a terminal beyond is "
            + "answered without batch totals and counted.");
    public static final Setting<Integer> MAX_TRANSACTIONS = SETTINGS.add("terminal-day.max-transactions",
        SettingTypes.integer(16, 100_000_000, "16 to 100000000"), 131_072,
        "16 to 100000000: transactions of open batches and holds kept for voids, completions and reversals "
            + "(about 100 bytes each); the oldest near a new one is evicted at the bound and counted.");

    private final SettingValues values;

    TerminalDayConfiguration(final SettingValues values) {
        this.values = values;
    }

    /** 220 or 200: the message type whose field 90 names a 0100 completes it. */
    public int completionMessageType() {
        return values.get(COMPLETION_MESSAGE_TYPE);
    }

    public long holdExpiryMillis() {
        return values.get(HOLD_EXPIRY).toMillis();
    }

    public long replayWindowMillis() {
        return values.get(REPLAY_WINDOW).toMillis();
    }

    public int maxTerminals() {
        return values.get(MAX_TERMINALS);
    }

    public int maxTransactions() {
        return values.get(MAX_TRANSACTIONS);
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

        public Builder completionMessageType(final int messageType) {
            return set(COMPLETION_MESSAGE_TYPE, messageType);
        }

        public Builder holdExpiryMillis(final long millis) {
            return set(HOLD_EXPIRY, Duration.ofMillis(millis));
        }

        public Builder replayWindowMillis(final long millis) {
            return set(REPLAY_WINDOW, Duration.ofMillis(millis));
        }

        public Builder maxTerminals(final int terminals) {
            return set(MAX_TERMINALS, terminals);
        }

        public Builder maxTransactions(final int transactions) {
            return set(MAX_TRANSACTIONS, transactions);
        }
    }
}
