package dev.cardgate.engine.decision;

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

    private final int id;
    private final String label;
    private final CounterKind kind;
    private final CounterWriter writer;
    private final String description;

    DecisionCounter(final int id, final String label, final CounterKind kind, final CounterWriter writer,
        final String description) {
        this.id = id;
        this.label = label;
        this.kind = kind;
        this.writer = writer;
        this.description = description;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public CounterKind kind() {
        return kind;
    }

    @Override
    public CounterWriter writer() {
        return writer;
    }

    @Override
    public String description() {
        return description;
    }
}
