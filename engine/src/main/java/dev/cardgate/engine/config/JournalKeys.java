package dev.cardgate.engine.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Parses the {@code journal.*} keys for {@link EngineConfigurationLoader}: each bad value is a
 * problem naming the key, the value, its source and what is allowed.
 */
final class JournalKeys {
    private JournalKeys() {
    }

    /** @return false when {@code key} is not a journal key */
    static boolean apply(final EngineConfiguration.Builder builder, final ConfigurationKey key, final String value,
        final String source, final List<String> problems) {
        switch (key) {
            case JOURNAL_ENABLED:
                parseBoolean(key, value, source, problems, enabled -> builder.journal(j -> j.enabled(enabled)));
                return true;
            case JOURNAL_DIR:
                EngineConfigurationLoader.parsePath(key, value, source, problems,
                    directory -> builder.journal(j -> j.directory(directory)));
                return true;
            case JOURNAL_SEGMENT_BYTES:
                final Long segmentBytes = EngineConfigurationLoader.parseWholeNumber(key, value, source, problems,
                    "a multiple of 4096 bytes");
                if (segmentBytes != null) {
                    builder.journal(j -> j.segmentBytes(segmentBytes));
                }
                return true;
            case JOURNAL_DURABILITY:
                final JournalDurability durability = JournalDurability.fromConfigName(value);
                if (durability == null) {
                    problems.add(EngineConfigurationLoader.problem(key, value, source, "none, batch or interval"));
                }
                else {
                    builder.journal(j -> j.durability(durability));
                }
                return true;
            case JOURNAL_INTERVAL_MS:
                parseNumber(key, value, source, problems, "milliseconds",
                    millis -> builder.journal(j -> j.intervalMillis(millis)));
                return true;
            case JOURNAL_ACK_AFTER_SYNC:
                parseBoolean(key, value, source, problems, ack -> builder.journal(j -> j.ackAfterSync(ack)));
                return true;
            case JOURNAL_ON_FAILURE:
                final JournalFailureAnswer answer = JournalFailureAnswer.fromConfigName(value);
                if (answer == null) {
                    problems.add(EngineConfigurationLoader.problem(key, value, source, "answer-96 or refuse-91"));
                }
                else {
                    builder.journal(j -> j.onFailure(answer));
                }
                return true;
            case JOURNAL_RETRY_INTERVAL_MS:
                parseNumber(key, value, source, problems, "milliseconds",
                    millis -> builder.journal(j -> j.retryIntervalMillis(millis)));
                return true;
            case JOURNAL_RETENTION_MAX_AGE_HOURS:
                parseNumber(key, value, source, problems, "hours",
                    hours -> builder.journal(j -> j.retentionMaxAgeHours(hours)));
                return true;
            case JOURNAL_RETENTION_MAX_BYTES:
                parseNumber(key, value, source, problems, "bytes",
                    bytes -> builder.journal(j -> j.retentionMaxBytes(bytes)));
                return true;
            case JOURNAL_RETENTION_ARCHIVE_DIR:
                if ("none".equals(value)) {
                    builder.journal(j -> j.archiveDirectory(null));
                }
                else {
                    EngineConfigurationLoader.parsePath(key, value, source, problems,
                        (Path archive) -> builder.journal(j -> j.archiveDirectory(archive)));
                }
                return true;
            case JOURNAL_SKIP_CORRUPT_SEGMENTS:
                parseBoolean(key, value, source, problems, skip -> builder.journal(j -> j.skipCorruptSegments(skip)));
                return true;
            default:
                return false;
        }
    }

    static void parseBoolean(final ConfigurationKey key, final String value, final String source,
        final List<String> problems, final java.util.function.Consumer<Boolean> setter) {
        if ("true".equals(value) || "false".equals(value)) {
            setter.accept(Boolean.parseBoolean(value));
        }
        else {
            problems.add(EngineConfigurationLoader.problem(key, value, source, "true or false"));
        }
    }

    private static void parseNumber(final ConfigurationKey key, final String value, final String source,
        final List<String> problems, final String allowed, final java.util.function.LongConsumer setter) {
        final Long number = EngineConfigurationLoader.parseWholeNumber(key, value, source, problems, allowed);
        if (number != null) {
            setter.accept(number);
        }
    }
}
