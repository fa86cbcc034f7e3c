package dev.cardgate.engine.config;

/**
 * When the journal forces its records from the page cache to the disk.
 */
public enum JournalDurability {
    /**
     * Never forced by the engine: records are in the page cache when the answer leaves, so they
     * survive the engine's crash (even kill -9) but not the machine's. The fastest.
     */
    NONE("none"),
    /**
     * Group commit: one sync per batch of the journal stage; with {@code journal.ack-after-sync}
     * no answer leaves before its record is on the disk. The default.
     */
    BATCH("batch"),
    /**
     * A background thread syncs every {@code journal.interval.ms} when something was written:
     * answers do not wait, so at most that interval of decisions can be lost with the machine.
     */
    INTERVAL("interval");

    private final String configName;

    JournalDurability(final String configName) {
        this.configName = configName;
    }

    /** The value written in the configuration file. */
    public String configName() {
        return configName;
    }

    /** The durability with this configuration name, or null. */
    public static JournalDurability fromConfigName(final String name) {
        for (final JournalDurability durability : values()) {
            if (durability.configName.equals(name)) {
                return durability;
            }
        }
        return null;
    }
}
