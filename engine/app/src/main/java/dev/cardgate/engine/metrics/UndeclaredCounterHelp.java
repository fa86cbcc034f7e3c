package dev.cardgate.engine.metrics;

import java.util.Map;

import dev.cardgate.engine.counters.CounterTypes;

/**
 * Help texts for the counters no descriptor declares (the families and the housekeeping
 * gauges, docs/observability.md): what each counts, as the counters table of that page says.
 * A family added later without an entry here gets a text naming its label and kind, and
 * {@code PrometheusMetricsTest} fails until it has one.
 */
final class UndeclaredCounterHelp {
    static final String UNDESCRIBED = "cardgate counter without a description: ";
    private static final Map<String, String> TEXTS = Map.of(
        "declines.by-reason", "answers declined, by the engine's DecisionReason as sent (an approval the journal"
            + " withheld counts as JOURNAL_FAILURE); the reply thread",
        "declines.by-code", "answers declined, by field 39 as sent; the reply thread",
        "ring.occupancy", "requests in the ring, accepted and not yet answered, sampled each second; the metrics agent",
        "journal.sync-lag", "journal records written and not yet synced, sampled each second (with journal.durability"
            + " = none, all of them); the metrics agent",
        "heartbeat", "when the engine last published its counters, epoch seconds (each second; -1 once it has"
            + " stopped): alert when time() minus this grows; the metrics agent");

    private UndeclaredCounterHelp() {
    }

    static String of(final String name, final int typeId) {
        final String text = TEXTS.get(name);
        if (text != null) {
            return text;
        }
        return UNDESCRIBED + name + (typeId == CounterTypes.TOTAL ? " (total)" : " (gauge)");
    }
}
