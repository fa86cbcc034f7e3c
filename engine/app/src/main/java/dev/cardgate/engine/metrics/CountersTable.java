package dev.cardgate.engine.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.cardgate.engine.counters.CounterLabel;
import dev.cardgate.engine.counters.CounterTypes;
import dev.cardgate.engine.counters.CounterValue;

/**
 * The text {@code cardgate stat} shows for one reading of the counters: each counter with its
 * value and, for totals, its rate per second since the previous reading (or, for the first,
 * since the engine started), the declared counters first in the order of their descriptor ids
 * (so grouped by component), then the families and the housekeeping gauges; then each stage's
 * latency percentiles of the engine's last interval. Per-reason and per-code declines are shown
 * only once they are not zero.
 */
public final class CountersTable {
    private static final String ROW = "%-44s %14s %12s%n";

    private final Map<Integer, Long> previousValues = new HashMap<>();
    private long previousMillis;

    /**
     * @param values    the reading
     * @param nowMillis when it was taken
     * @param sinceMillis when the engine started: the base of the first reading's rates
     */
    public String render(final List<CounterValue> values, final long nowMillis, final long sinceMillis) {
        final double seconds = Math.max(1, (previousValues.isEmpty() ? nowMillis - sinceMillis
            : nowMillis - previousMillis)) / 1000.0;
        final StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, ROW, "counter", "value", "rate/s"));
        final List<CounterValue> latency = new ArrayList<>();
        for (final CounterValue value : inDisplayOrder(values)) {
            if (value.typeId() == CounterTypes.LATENCY_NANOS || value.typeId() == CounterTypes.LATENCY_COUNT) {
                latency.add(value);
                continue;
            }
            if (value.typeId() == CounterTypes.HEARTBEAT || (value.value() == 0 && isFamilyMember(value))) {
                continue;
            }
            final String rate = value.typeId() == CounterTypes.TOTAL ? String.format(Locale.ROOT, "%.1f",
                (value.value() - previousValues.getOrDefault(value.id(), 0L)) / seconds) : "";
            text.append(String.format(Locale.ROOT, ROW, value.label(), value.value(), rate));
        }
        appendLatency(text, latency);
        previousValues.clear();
        values.forEach(value -> previousValues.put(value.id(), value.value()));
        previousMillis = nowMillis;
        return text.toString();
    }

    /** Declared counters by descriptor id (so by component), then the rest as the file holds them. */
    private static List<CounterValue> inDisplayOrder(final List<CounterValue> values) {
        final List<CounterValue> ordered = new ArrayList<>();
        values.stream().filter(value -> value.descriptorId() != 0)
            .sorted(Comparator.comparingInt(CounterValue::descriptorId)).forEach(ordered::add);
        values.stream().filter(value -> value.descriptorId() == 0).forEach(ordered::add);
        return ordered;
    }

    private static boolean isFamilyMember(final CounterValue value) {
        return !CounterLabel.parse(value.label()).dimensions().isEmpty();
    }

    private static void appendLatency(final StringBuilder text, final List<CounterValue> latency) {
        text.append(String.format(Locale.ROOT, "%nlatency, microseconds, over the engine's last second%n"));
        text.append(String.format(Locale.ROOT, "%-12s %10s %10s %10s %10s %10s %10s%n", "stage", "p50", "p90",
            "p99", "p99.9", "max", "count"));
        final Map<String, List<CounterValue>> byStage = new java.util.LinkedHashMap<>();
        for (final CounterValue value : latency) {
            byStage.computeIfAbsent(CounterLabel.parse(value.label()).dimension("stage"), stage -> new ArrayList<>())
                .add(value);
        }
        byStage.forEach((stage, stageValues) -> {
            text.append(String.format(Locale.ROOT, "%-12s", stage));
            for (final CounterValue value : stageValues) {
                text.append(value.typeId() == CounterTypes.LATENCY_COUNT
                    ? String.format(Locale.ROOT, " %10d", value.value())
                    : String.format(Locale.ROOT, " %10.1f", value.value() / 1000.0));
            }
            text.append(System.lineSeparator());
        });
    }
}
