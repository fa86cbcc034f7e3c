package dev.cardgate.engine.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The decision journal's settings ({@code journal.*} keys), part of {@link EngineConfiguration}:
 * immutable, validated with the rest of the configuration. Paths are already resolved: the
 * journal folder against the data folder, the archive folder against the journal folder.
 */
public final class JournalSettings {
    /** Smallest segment accepted: 64 KiB. */
    public static final long MIN_SEGMENT_BYTES = 64 * 1024;
    /** Largest segment accepted: 1 GiB (a segment is mapped as one buffer). */
    public static final long MAX_SEGMENT_BYTES = 1L << 30;
    /** Segment sizes are whole pages. */
    public static final long SEGMENT_ALIGNMENT = 4096;
    /** Longest sync or retry interval accepted: one minute. */
    public static final long MAX_INTERVAL_MS = 60_000;

    private final boolean enabled;
    private final Path directory;
    private final int segmentBytes;
    private final JournalDurability durability;
    private final Duration syncInterval;
    private final boolean ackAfterSync;
    private final JournalFailureAnswer onFailure;
    private final Duration retryInterval;
    private final Duration retentionMaxAge;
    private final long retentionMaxBytes;
    private final Path archiveDirectory;
    private final boolean skipCorruptSegments;

    private JournalSettings(final Builder builder, final Path dataDirectory) {
        enabled = builder.enabled;
        directory = dataDirectory.resolve(builder.directory);
        segmentBytes = (int)builder.segmentBytes;
        durability = builder.durability;
        syncInterval = Duration.ofMillis(builder.intervalMillis);
        ackAfterSync = builder.ackAfterSync;
        onFailure = builder.onFailure;
        retryInterval = Duration.ofMillis(builder.retryIntervalMillis);
        retentionMaxAge = Duration.ofHours(builder.retentionMaxAgeHours);
        retentionMaxBytes = builder.retentionMaxBytes;
        archiveDirectory = builder.archiveDirectory == null ? null : directory.resolve(builder.archiveDirectory);
        skipCorruptSegments = builder.skipCorruptSegments;
    }

    public boolean enabled() {
        return enabled;
    }

    /** The journal's folder, resolved against the data folder. */
    public Path directory() {
        return directory;
    }

    public int segmentBytes() {
        return segmentBytes;
    }

    public JournalDurability durability() {
        return durability;
    }

    /** With {@link JournalDurability#INTERVAL}: time between syncs. */
    public Duration syncInterval() {
        return syncInterval;
    }

    /** True when no answer leaves before its record is on the disk (durability batch only). */
    public boolean ackAfterSync() {
        return ackAfterSync;
    }

    public JournalFailureAnswer onFailure() {
        return onFailure;
    }

    /** Time between attempts to write again after a failure. */
    public Duration retryInterval() {
        return retryInterval;
    }

    /** Segments older than this are retired; {@link Duration#ZERO} for no age limit. */
    public Duration retentionMaxAge() {
        return retentionMaxAge;
    }

    /** The oldest segments are retired while the journal is larger; 0 for no limit. */
    public long retentionMaxBytes() {
        return retentionMaxBytes;
    }

    /** Where retired segments are moved; null when they are deleted. */
    public Path archiveDirectory() {
        return archiveDirectory;
    }

    /** Start on a journal with a corrupt segment in the middle, skipping that segment. */
    public boolean skipCorruptSegments() {
        return skipCorruptSegments;
    }

    void describeInto(final StringBuilder text, final Map<ConfigurationKey, String> sources) {
        line(text, sources, ConfigurationKey.JOURNAL_ENABLED, Boolean.toString(enabled));
        line(text, sources, ConfigurationKey.JOURNAL_DIR, directory.toString());
        line(text, sources, ConfigurationKey.JOURNAL_SEGMENT_BYTES, Integer.toString(segmentBytes));
        line(text, sources, ConfigurationKey.JOURNAL_DURABILITY, durability.configName());
        line(text, sources, ConfigurationKey.JOURNAL_INTERVAL_MS, Long.toString(syncInterval.toMillis()));
        line(text, sources, ConfigurationKey.JOURNAL_ACK_AFTER_SYNC, Boolean.toString(ackAfterSync));
        line(text, sources, ConfigurationKey.JOURNAL_ON_FAILURE, onFailure.configName());
        line(text, sources, ConfigurationKey.JOURNAL_RETRY_INTERVAL_MS, Long.toString(retryInterval.toMillis()));
        line(text, sources, ConfigurationKey.JOURNAL_RETENTION_MAX_AGE_HOURS, Long.toString(retentionMaxAge.toHours()));
        line(text, sources, ConfigurationKey.JOURNAL_RETENTION_MAX_BYTES, Long.toString(retentionMaxBytes));
        line(text, sources, ConfigurationKey.JOURNAL_RETENTION_ARCHIVE_DIR,
            archiveDirectory == null ? "none" : archiveDirectory.toString());
        line(text, sources, ConfigurationKey.JOURNAL_SKIP_CORRUPT_SEGMENTS, Boolean.toString(skipCorruptSegments));
    }

    /** One line of the configuration summary: key, value and where it came from. */
    static void line(final StringBuilder text, final Map<ConfigurationKey, String> sources,
        final ConfigurationKey key, final String value) {
        text.append("\n  ").append(key.key()).append(" = ").append(value)
            .append("  (").append(sources.getOrDefault(key, "default")).append(')');
    }

    /** Collects the journal settings; validated by {@link EngineConfiguration.Builder#build()}. */
    public static final class Builder {
        private final Map<ConfigurationKey, String> sources;
        private boolean enabled = Boolean.parseBoolean(ConfigurationKey.JOURNAL_ENABLED.defaultValue());
        private Path directory = Path.of(ConfigurationKey.JOURNAL_DIR.defaultValue());
        private long segmentBytes = Long.parseLong(ConfigurationKey.JOURNAL_SEGMENT_BYTES.defaultValue());
        private JournalDurability durability = JournalDurability.BATCH;
        private long intervalMillis = Long.parseLong(ConfigurationKey.JOURNAL_INTERVAL_MS.defaultValue());
        private boolean ackAfterSync = true;
        private JournalFailureAnswer onFailure = JournalFailureAnswer.ANSWER_96;
        private long retryIntervalMillis = Long.parseLong(ConfigurationKey.JOURNAL_RETRY_INTERVAL_MS.defaultValue());
        private long retentionMaxAgeHours;
        private long retentionMaxBytes;
        private Path archiveDirectory;
        private boolean skipCorruptSegments;

        Builder(final Map<ConfigurationKey, String> sources) {
            this.sources = sources;
        }

        public Builder enabled(final boolean enabled) {
            this.enabled = enabled;
            return inCode(ConfigurationKey.JOURNAL_ENABLED);
        }

        /** Relative paths resolve against the data folder. */
        public Builder directory(final Path directory) {
            this.directory = directory;
            return inCode(ConfigurationKey.JOURNAL_DIR);
        }

        public Builder segmentBytes(final long segmentBytes) {
            this.segmentBytes = segmentBytes;
            return inCode(ConfigurationKey.JOURNAL_SEGMENT_BYTES);
        }

        public Builder durability(final JournalDurability durability) {
            this.durability = durability;
            return inCode(ConfigurationKey.JOURNAL_DURABILITY);
        }

        public Builder intervalMillis(final long intervalMillis) {
            this.intervalMillis = intervalMillis;
            return inCode(ConfigurationKey.JOURNAL_INTERVAL_MS);
        }

        public Builder ackAfterSync(final boolean ackAfterSync) {
            this.ackAfterSync = ackAfterSync;
            return inCode(ConfigurationKey.JOURNAL_ACK_AFTER_SYNC);
        }

        public Builder onFailure(final JournalFailureAnswer onFailure) {
            this.onFailure = onFailure;
            return inCode(ConfigurationKey.JOURNAL_ON_FAILURE);
        }

        public Builder retryIntervalMillis(final long retryIntervalMillis) {
            this.retryIntervalMillis = retryIntervalMillis;
            return inCode(ConfigurationKey.JOURNAL_RETRY_INTERVAL_MS);
        }

        public Builder retentionMaxAgeHours(final long retentionMaxAgeHours) {
            this.retentionMaxAgeHours = retentionMaxAgeHours;
            return inCode(ConfigurationKey.JOURNAL_RETENTION_MAX_AGE_HOURS);
        }

        public Builder retentionMaxBytes(final long retentionMaxBytes) {
            this.retentionMaxBytes = retentionMaxBytes;
            return inCode(ConfigurationKey.JOURNAL_RETENTION_MAX_BYTES);
        }

        /** Null to delete retired segments; relative paths resolve against the journal folder. */
        public Builder archiveDirectory(final Path archiveDirectory) {
            this.archiveDirectory = archiveDirectory;
            return inCode(ConfigurationKey.JOURNAL_RETENTION_ARCHIVE_DIR);
        }

        public Builder skipCorruptSegments(final boolean skipCorruptSegments) {
            this.skipCorruptSegments = skipCorruptSegments;
            return inCode(ConfigurationKey.JOURNAL_SKIP_CORRUPT_SEGMENTS);
        }

        private Builder inCode(final ConfigurationKey key) {
            sources.put(key, "set in code");
            return this;
        }

        void validate(final List<String> problems) {
            if (directory == null || directory.toString().isEmpty()) {
                problems.add(problem(ConfigurationKey.JOURNAL_DIR, directory, "a folder path"));
            }
            if (segmentBytes < MIN_SEGMENT_BYTES || segmentBytes > MAX_SEGMENT_BYTES
                || segmentBytes % SEGMENT_ALIGNMENT != 0) {
                problems.add(problem(ConfigurationKey.JOURNAL_SEGMENT_BYTES, segmentBytes, "a multiple of "
                    + SEGMENT_ALIGNMENT + " from " + MIN_SEGMENT_BYTES + " to " + MAX_SEGMENT_BYTES));
            }
            if (durability == null) {
                problems.add(problem(ConfigurationKey.JOURNAL_DURABILITY, null, "none, batch or interval"));
            }
            if (intervalMillis < 1 || intervalMillis > MAX_INTERVAL_MS) {
                problems.add(problem(ConfigurationKey.JOURNAL_INTERVAL_MS, intervalMillis,
                    "milliseconds from 1 to " + MAX_INTERVAL_MS));
            }
            if (ackAfterSync && durability != null && durability != JournalDurability.BATCH) {
                problems.add(problem(ConfigurationKey.JOURNAL_ACK_AFTER_SYNC, true, "false when "
                    + ConfigurationKey.JOURNAL_DURABILITY.key() + " is " + durability.configName()
                    + ": only batch syncs before the answer leaves"));
            }
            if (onFailure == null) {
                problems.add(problem(ConfigurationKey.JOURNAL_ON_FAILURE, null, "answer-96 or refuse-91"));
            }
            if (retryIntervalMillis < 1 || retryIntervalMillis > MAX_INTERVAL_MS) {
                problems.add(problem(ConfigurationKey.JOURNAL_RETRY_INTERVAL_MS, retryIntervalMillis,
                    "milliseconds from 1 to " + MAX_INTERVAL_MS));
            }
            if (retentionMaxAgeHours < 0 || retentionMaxAgeHours > 1_000_000) {
                problems.add(problem(ConfigurationKey.JOURNAL_RETENTION_MAX_AGE_HOURS, retentionMaxAgeHours,
                    "hours from 0 (no age limit) to 1000000"));
            }
            if (retentionMaxBytes < 0) {
                problems.add(problem(ConfigurationKey.JOURNAL_RETENTION_MAX_BYTES, retentionMaxBytes,
                    "0 (no size limit) or a positive number of bytes"));
            }
        }

        JournalSettings build(final Path dataDirectory) {
            return new JournalSettings(this, dataDirectory);
        }

        private String problem(final ConfigurationKey key, final Object value, final String allowed) {
            return key.key() + " = " + value + " (" + sources.getOrDefault(key, "default") + "): allowed is " + allowed;
        }
    }
}
