package dev.cardgate.engine.counters;

/** What a declared counter's value is; its type id in the counters file is one of {@link CounterTypes}. */
public enum CounterKind {
    /** Only grows: requests, declines, failures. */
    TOTAL(CounterTypes.TOTAL),
    /** Set, or moved up and down: open connections, the journal's position. */
    GAUGE(CounterTypes.GAUGE);

    private final int typeId;

    CounterKind(final int typeId) {
        this.typeId = typeId;
    }

    /** The type id written in the counter's metadata. */
    public int typeId() {
        return typeId;
    }
}
