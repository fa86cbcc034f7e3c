package dev.cardgate.engine.journal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts records by decision (approved or declined) and by reason, per interval of decision
 * time, for the reader's statistics. Allocates: a tool.
 */
public final class JournalStatistics {
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
        counts.merge(record.responseCode() == 0 ? "approved" : "declined", 1L, Long::sum);
        counts.merge(RecordFormatter.reasonName(record), 1L, Long::sum);
        // the upstream outcome of each answer not decided alone (a journal without a link counts none)
        if (record.event().outcomeKindOrdinal() != 0) {
            counts.merge("outcome." + RecordFormatter.outcomeName(record), 1L, Long::sum);
        }
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
                final StringBuilder line = new StringBuilder("{\"intervalStart\":\"").append(Instant.ofEpochMilli(start))
                    .append("\",\"intervalMillis\":").append(intervalMillis);
                counts.forEach((name, count) -> line.append(",\"").append(name).append("\":").append(count));
                lines.add(line.append('}').toString());
            }
            else {
                counts.forEach((name, count) -> lines.add(String.format("%-24s %-24s %10d",
                    Instant.ofEpochMilli(start), name, count)));
            }
        });
        return lines;
    }
}
