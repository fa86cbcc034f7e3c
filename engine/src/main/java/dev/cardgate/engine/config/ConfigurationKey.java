package dev.cardgate.engine.config;

import java.util.Locale;

/**
 * Every configuration key, with its default as written in the file and its environment
 * variable ({@code CARDGATE_} and the key in capitals, dots and dashes as underscores).
 * docs/configuration.md lists the same keys; a test keeps the two in step.
 */
public enum ConfigurationKey {
    /** Folder for the engine's files; relative paths resolve against the working directory. */
    DATA_DIR("data.dir", "data"),
    /** Name of this engine, used in thread names and logs. */
    ENGINE_NAME("engine.name", "main"),
    /** Slots in the ring: a power of two. */
    RING_SIZE("ring.size", "8192"),
    /** blocking, yielding or busy-spin. */
    WAIT_STRATEGY("wait.strategy", WaitStrategyType.BLOCKING.configName()),
    /** thread-per-stage or single-thread. */
    THREAD_LAYOUT("thread.layout", ThreadLayout.THREAD_PER_STAGE.configName()),
    /** The blocklist map file; relative paths resolve against the data folder. */
    BLOCKLIST_FILE("blocklist.file", "blocklist.cm"),
    /** Entries the blocklist map is sized for when it is created. */
    BLOCKLIST_CAPACITY("blocklist.capacity", "1000000"),
    /** The card token key file; relative paths resolve against the data folder. */
    TOKEN_KEY_FILE("token.key.file", "token.key"),
    /** system, or fixed:INSTANT (ISO-8601, e.g. fixed:2026-01-01T00:00:00Z) for tests and demos. */
    CLOCK("clock", "system"),
    /** How long close waits for accepted requests to be answered, in milliseconds. */
    SHUTDOWN_TIMEOUT_MS("shutdown.timeout.ms", "5000"),
    /** Whether decisions are journaled: true or false. */
    JOURNAL_ENABLED("journal.enabled", "true"),
    /** The journal's folder; relative paths resolve against the data folder. */
    JOURNAL_DIR("journal.dir", "journal"),
    /** Bytes per journal segment: a multiple of 4096. */
    JOURNAL_SEGMENT_BYTES("journal.segment.bytes", "67108864"),
    /** none, batch or interval. */
    JOURNAL_DURABILITY("journal.durability", JournalDurability.BATCH.configName()),
    /** With durability interval: milliseconds between syncs. */
    JOURNAL_INTERVAL_MS("journal.interval.ms", "10"),
    /** With durability batch: answers wait until their records are on the disk. */
    JOURNAL_ACK_AFTER_SYNC("journal.ack-after-sync", "true"),
    /** answer-96 or refuse-91, while the journal cannot write. */
    JOURNAL_ON_FAILURE("journal.on-failure", JournalFailureAnswer.ANSWER_96.configName()),
    /** Milliseconds between attempts to write again after a journal failure. */
    JOURNAL_RETRY_INTERVAL_MS("journal.retry.interval.ms", "1000"),
    /** Segments older than this many hours are retired; 0 keeps them regardless of age. */
    JOURNAL_RETENTION_MAX_AGE_HOURS("journal.retention.max-age.hours", "0"),
    /** Oldest segments are retired while the journal is larger than this; 0 for no limit. */
    JOURNAL_RETENTION_MAX_BYTES("journal.retention.max-bytes", "0"),
    /** Where retired segments go: none (deleted) or a folder, relative to the journal folder. */
    JOURNAL_RETENTION_ARCHIVE_DIR("journal.retention.archive.dir", "none"),
    /** Start even when a segment in the middle of the journal is corrupt, skipping it. */
    JOURNAL_SKIP_CORRUPT_SEGMENTS("journal.skip-corrupt-segments", "false");

    /** The environment variable that carries the card token key as hex; never read from a file. */
    public static final String TOKEN_KEY_ENVIRONMENT_VARIABLE = "CARDGATE_TOKEN_KEY";

    private final String key;
    private final String defaultValue;

    ConfigurationKey(final String key, final String defaultValue) {
        this.key = key;
        this.defaultValue = defaultValue;
    }

    /** The key as written in the properties file. */
    public String key() {
        return key;
    }

    /** The default, as it would be written in the file. */
    public String defaultValue() {
        return defaultValue;
    }

    /** The environment variable that overrides the file, e.g. CARDGATE_RING_SIZE. */
    public String environmentVariable() {
        return "CARDGATE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The key written as {@code key}, or null. */
    public static ConfigurationKey fromKey(final String key) {
        for (final ConfigurationKey candidate : values()) {
            if (candidate.key.equals(key)) {
                return candidate;
            }
        }
        return null;
    }
}
