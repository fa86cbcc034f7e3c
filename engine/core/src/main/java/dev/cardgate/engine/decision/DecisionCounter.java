package dev.cardgate.engine.decision;

import dev.cardgate.engine.counters.CounterDefinition;
import dev.cardgate.engine.counters.CounterDescriptor;
import dev.cardgate.engine.counters.CounterKind;
import dev.cardgate.engine.counters.CounterWriter;

/**
 * The decision thread's counters (ids 200 to 299): what the checks decided. Adding a counter is
 * adding a constant (the next id); docs/observability.md lists them.
 */
public enum DecisionCounter implements CounterDescriptor {
    APPROVALS(200, "approvals", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "requests the checks approved; the decision thread"),
    DECLINES(201, "declines", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "requests the checks declined (not stage failures); the decision thread"),
    MAP_ENTRIES_DAMAGED(202, "maps.entries-damaged", CounterKind.TOTAL, CounterWriter.SEVERAL_THREADS,
        "blocklist or terminal entries whose checksum failed on read (answered 96, /health degraded); whichever "
            + "thread read them, the decision thread when serving");

    private final CounterDefinition definition;

    DecisionCounter(final int id, final String label, final CounterKind kind, final CounterWriter writer,
        final String description) {
        this.definition = new CounterDefinition(id, label, kind, writer, description);
    }

    @Override
    public CounterDefinition definition() {
        return definition;
    }
}
