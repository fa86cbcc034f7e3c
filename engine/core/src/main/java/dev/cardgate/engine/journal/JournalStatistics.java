package dev.cardgate.engine.journal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Counts records by outcome ({@link #outcome}: approved, declined, network management,
 * reversal) and by reason, per interval of decision time, for the reader's statistics.
 * Allocates: a tool.
 */
public final class JournalStatistics {
    private static final int REVERSAL_CLASS = 4;
    private static final int NETWORK_MANAGEMENT_CLASS = 8;

    private final long intervalMillis;
    private final TreeMap<Long, TreeMap<String, Long>> countsByInterval = new TreeMap<>();

    public JournalStatistics(final long intervalMillis) {
        if (intervalMillis < 1) {
            throw new IllegalArgumentException("the statistics interval must be at least 1 ms, not " + intervalMillis);
        }
        this.intervalMillis = intervalMillis;
    }

    /** Counts one valid record. */
    public void add(final JournalRecord record) {
        final long start = Math.floorDiv(record.decisionTimeEpochMillis(), intervalMillis) * intervalMillis;
        final TreeMap<String, Long> counts = countsByInterval.computeIfAbsent(start, ignored -> new TreeMap<>());
        counts.merge(outcome(record), 1L, Long::sum);
        counts.merge(RecordFormatter.reasonName(record), 1L, Long::sum);
        // the upstream outcome of each answer not decided alone (a journal without a link counts none)
        if (record.event().outcomeKindOrdinal() != 0) {
            counts.merge("outcome." + RecordFormatter.outcomeName(record), 1L, Long::sum);
        }
    }

    /**
     * What a record counts as: an authorization or financial request is "approved" or
     * "declined" by its field 39; network management (08xx: sign-on, echo) and reversals (04xx)
     * are counted apart, since their 00 accepts a message and approves no card.
     */
    static String outcome(final JournalRecord record) {
        final int messageClass = record.messageTypeIndicator() / 100 % 10;
        if (messageClass == NETWORK_MANAGEMENT_CLASS) {
            return "network-management";
        }
        if (messageClass == REVERSAL_CLASS) {
            return "reversal";
        }
        return record.responseCode() == 0 ? "approved" : "declined";
    }

    /** Interval start (epoch milliseconds) to counts by "approved", "declined" and reason name. */
    public Map<Long, ? extends Map<String, Long>> countsByInterval() {
        return countsByInterval;
    }

    /** One line per interval and count, aligned, or JSON lines. */
    public List<String> lines(final boolean json) {
        final List<String> lines = new ArrayList<>();
        countsByInterval.forEach((start, counts) -> {
            if (json) {
                lines.add(jsonLine(start, counts));
            }
            else {
                counts.forEach((name, count) -> lines.add(String.format("%-24s %-24s %10d",
                    Instant.ofEpochMilli(start), name, count)));
            }
        });
        return lines;
    }

    private String jsonLine(final long start, final Map<String, Long> counts) {
        final StringWriter line = new StringWriter(256);
        try (JsonGenerator json = JsonOutput.generator(line)) {
            json.writeStartObject();
            json.writeStringField("intervalStart", Instant.ofEpochMilli(start).toString());
            json.writeNumberField("intervalMillis", intervalMillis);
            for (final Map.Entry<String, Long> count : counts.entrySet()) {
                json.writeNumberField(count.getKey(), count.getValue());
            }
            json.writeEndObject();
        }
        catch (final IOException impossible) {
            throw new UncheckedIOException("writing JSON to a string failed", impossible);
        }
        return line.toString();
    }
}
