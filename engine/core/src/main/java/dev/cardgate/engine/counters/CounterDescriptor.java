package dev.cardgate.engine.counters;

/**
 * One counter of a component, declared once as a constant of the component's enum, in the
 * component's own package (as Aeron's {@code SystemCounterDescriptor}): the enum is iterated to
 * allocate its counters ({@link CounterRegistry#component}), so adding a counter is adding a
 * constant. The registry refuses two counters with one id or one label. A constant holds its
 * {@link CounterDefinition}; the accessors here read it.
 */
public interface CounterDescriptor {
    /** What the constant declares. */
    CounterDefinition definition();

    /**
     * Stable and unique in the engine (each component has its own hundred); written in the first
     * four bytes of the counter's key in the counters file, so a reader finds it without its label.
     */
    default int id() {
        return definition().id();
    }

    /** What readers show and match: a dotted name, e.g. {@code journal.records} ({@link CounterLabel}). */
    default String label() {
        return definition().label();
    }

    /** A total or a gauge: stat shows a rate for totals, {@code /metrics} makes them counters. */
    default CounterKind kind() {
        return definition().kind();
    }

    /** How many threads write it, which decides how it is written ({@link ComponentCounters}). */
    default CounterWriter writer() {
        return definition().writer();
    }

    /** One line: what it counts; the help text of {@code /metrics}. */
    default String description() {
        return definition().description();
    }
}
