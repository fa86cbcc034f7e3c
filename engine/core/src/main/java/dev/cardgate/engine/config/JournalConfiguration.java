package dev.cardgate.engine.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The decision journal's settings ({@code journal.*} keys), declared here and part of {@link
 * EngineConfiguration}: immutable, validated with the rest of the configuration. Paths are
 * already resolved: the journal folder against the data folder, the archive folder against the
 * journal folder.
 */
public final class JournalConfiguration {
    /** Smallest segment accepted: 64 KiB. */
    public static final long MIN_SEGMENT_BYTES = 64 * 1024;
    /** Largest segment accepted: 1 GiB (a segment is mapped as one buffer). */
    public static final long MAX_SEGMENT_BYTES = 1L << 30;
    /** Segment sizes are whole pages. */
    public static final long SEGMENT_ALIGNMENT = 4096;
    /** Longest sync or retry interval accepted: one minute. */
    public static final long MAX_INTERVAL_MS = 60_000;

    public static final SettingGroup SETTINGS = new SettingGroup("Journal");
    public static final Setting<Boolean> ENABLED = SETTINGS.add("journal.enabled", SettingTypes.bool(), true,
        "`true` or `false`: whether every decision is journaled (`docs/journal-format.md`).");
    public static final Setting<Path> DIRECTORY = SETTINGS.add("journal.dir", SettingTypes.path("a folder path"),
        Path.of("journal"), "The journal's folder, relative to `data.dir`; created owner-only.");
    public static final Setting<Long> SEGMENT_BYTES = SETTINGS.add("journal.segment.bytes",
        SettingTypes.wholeNumber(MIN_SEGMENT_BYTES, MAX_SEGMENT_BYTES, bytes -> bytes % SEGMENT_ALIGNMENT == 0,
            "a multiple of " + SEGMENT_ALIGNMENT + " from " + MIN_SEGMENT_BYTES + " to " + MAX_SEGMENT_BYTES),
        64L << 20, "A multiple of 4096 from 65536 to 1073741824: bytes per segment file (a 128-byte header, "
            + "then 128-byte records). Segments are allocated whole when created, so a full disk shows "
            + "at the roll, never in a mapped write.");
    public static final Setting<JournalDurability> DURABILITY = SETTINGS.add("journal.durability",
        SettingTypes.choice(JournalDurability::fromConfigName, JournalDurability::configName,
            "none, batch or interval"), JournalDurability.BATCH, "`none`: records stay in the page cache (survive an engine crash, not a machine crash). "
            + "`batch`: one sync per batch of the journal stage (group commit). `interval`: a "
            + "background thread syncs every `journal.interval.ms`; answers do not wait.");
    public static final Setting<Long> INTERVAL_MS = SETTINGS.add("journal.interval.ms",
        SettingTypes.wholeNumber(1, MAX_INTERVAL_MS, "milliseconds from 1 to " + MAX_INTERVAL_MS), 10L,
        "1 to 60000: with `interval`, the time between syncs (the most decisions a machine crash "
            + "can lose).");
    public static final Setting<Boolean> ACK_AFTER_SYNC = SETTINGS.add("journal.ack-after-sync", SettingTypes.bool(),
        true, "`true`: with `batch`, no answer leaves before its record is on the disk. Must be "
            + "`false` with `none` or `interval` (they do not sync before answering).");
    public static final Setting<JournalFailureAnswer> ON_FAILURE = SETTINGS.add("journal.on-failure",
        SettingTypes.choice(JournalFailureAnswer::fromConfigName, JournalFailureAnswer::configName,
            "answer-96 or refuse-91"), JournalFailureAnswer.ANSWER_96, "While the journal cannot write: `answer-96` (requests are decided, and answered 96, "
            + "declines too, since their records cannot be written) or `refuse-91` (new requests refused with 91; one per retry interval is let in as a "
            + "probe). Nothing is approved without its record either way.");
    public static final Setting<Long> RETRY_INTERVAL_MS = SETTINGS.add("journal.retry.interval.ms",
        SettingTypes.wholeNumber(1, MAX_INTERVAL_MS, "milliseconds from 1 to " + MAX_INTERVAL_MS), 1000L,
        "1 to 60000: how often a failed journal tries to write again; it resumes as soon as that "
            + "works.");
    public static final Setting<Long> RETENTION_MAX_AGE_HOURS = SETTINGS.add("journal.retention.max-age.hours",
        SettingTypes.wholeNumber(0, 1_000_000, "hours from 0 (no age limit) to 1000000"), 0L,
        "Segments last written more than this many hours ago are retired; `0`: no age limit.");
    public static final Setting<Long> RETENTION_MAX_BYTES = SETTINGS.add("journal.retention.max-bytes",
        SettingTypes.wholeNumber(0, Long.MAX_VALUE, "0 (no size limit) or a positive number of bytes"), 0L,
        "The oldest segments are retired while the journal is larger than this; `0`: no size "
            + "limit. Never the segment being written, nor one inside the replay window.");
    public static final Setting<Path> ARCHIVE_DIRECTORY = SETTINGS.add("journal.retention.archive.dir",
        SettingTypes.pathOrNone("none or a folder path"), null, "`none`: retired segments are deleted. Otherwise a folder (relative to `journal.dir`) "
            + "they are moved to.");
    public static final Setting<Boolean> SKIP_CORRUPT_SEGMENTS = SETTINGS.add("journal.skip-corrupt-segments",
        SettingTypes.bool(), false, "`false`: the engine refuses to start on a journal with a corrupt segment in the middle, "
            + "naming the file and byte. `true`: it starts without that segment's records (logged as "
            + "an error). A torn record at the very end (a crash mid-write) is always cut off, with a "
            + "warning.");

    private final SettingValues values;
    private final Path directory;
    private final Path archiveDirectory;

    JournalConfiguration(final SettingValues values, final Path dataDirectory) {
        this.values = values;
        directory = dataDirectory.resolve(values.get(DIRECTORY));
        final Path archive = values.get(ARCHIVE_DIRECTORY);
        archiveDirectory = archive == null ? null : directory.resolve(archive);
    }

    public boolean enabled() {
        return values.get(ENABLED);
    }

    /** The journal's folder, resolved against the data folder. */
    public Path directory() {
        return directory;
    }

    public int segmentBytes() {
        return values.get(SEGMENT_BYTES).intValue();
    }

    public JournalDurability durability() {
        return values.get(DURABILITY);
    }

    /** With {@link JournalDurability#INTERVAL}: time between syncs. */
    public Duration syncInterval() {
        return Duration.ofMillis(values.get(INTERVAL_MS));
    }

    /** True when no answer leaves before its record is on the disk (durability batch only). */
    public boolean ackAfterSync() {
        return values.get(ACK_AFTER_SYNC);
    }

    public JournalFailureAnswer onFailure() {
        return values.get(ON_FAILURE);
    }

    /** Time between attempts to write again after a failure. */
    public Duration retryInterval() {
        return Duration.ofMillis(values.get(RETRY_INTERVAL_MS));
    }

    /** Segments older than this are retired; {@link Duration#ZERO} for no age limit. */
    public Duration retentionMaxAge() {
        return Duration.ofHours(values.get(RETENTION_MAX_AGE_HOURS));
    }

    /** The oldest segments are retired while the journal is larger; 0 for no limit. */
    public long retentionMaxBytes() {
        return values.get(RETENTION_MAX_BYTES);
    }

    /** Where retired segments are moved; null when they are deleted. */
    public Path archiveDirectory() {
        return archiveDirectory;
    }

    /** Start on a journal with a corrupt segment in the middle, skipping that segment. */
    public boolean skipCorruptSegments() {
        return values.get(SKIP_CORRUPT_SEGMENTS);
    }

    /** Sets the journal settings in code; validated by {@link EngineConfiguration.Builder#build()}. */
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

        /** Relative paths resolve against the data folder. */
        public Builder directory(final Path directory) {
            return set(DIRECTORY, directory);
        }

        public Builder segmentBytes(final long segmentBytes) {
            return set(SEGMENT_BYTES, segmentBytes);
        }

        public Builder durability(final JournalDurability durability) {
            return set(DURABILITY, durability);
        }

        public Builder intervalMillis(final long intervalMillis) {
            return set(INTERVAL_MS, intervalMillis);
        }

        public Builder ackAfterSync(final boolean ackAfterSync) {
            return set(ACK_AFTER_SYNC, ackAfterSync);
        }

        public Builder onFailure(final JournalFailureAnswer onFailure) {
            return set(ON_FAILURE, onFailure);
        }

        public Builder retryIntervalMillis(final long retryIntervalMillis) {
            return set(RETRY_INTERVAL_MS, retryIntervalMillis);
        }

        public Builder retentionMaxAgeHours(final long retentionMaxAgeHours) {
            return set(RETENTION_MAX_AGE_HOURS, retentionMaxAgeHours);
        }

        public Builder retentionMaxBytes(final long retentionMaxBytes) {
            return set(RETENTION_MAX_BYTES, retentionMaxBytes);
        }

        /** Null to delete retired segments; relative paths resolve against the journal folder. */
        public Builder archiveDirectory(final Path archiveDirectory) {
            return set(ARCHIVE_DIRECTORY, archiveDirectory);
        }

        public Builder skipCorruptSegments(final boolean skipCorruptSegments) {
            return set(SKIP_CORRUPT_SEGMENTS, skipCorruptSegments);
        }

        /** The check that spans keys: only batch syncs before an answer leaves. */
        void validateTogether(final List<String> problems) {
            final JournalDurability durability = values.get(DURABILITY);
            if (values.get(ACK_AFTER_SYNC) && durability != null && durability != JournalDurability.BATCH) {
                problems.add(ACK_AFTER_SYNC.problem("true", values.source(ACK_AFTER_SYNC), "false when "
                    + DURABILITY.key() + " is " + durability.configName()
                    + ": only batch syncs before the answer leaves"));
            }
        }
    }
}
