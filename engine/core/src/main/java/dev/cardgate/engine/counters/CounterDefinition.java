package dev.cardgate.engine.counters;

/**
 * What a {@link CounterDescriptor} constant declares, held by the constant so that each
 * component's enum is its list of counters and nothing else.
 *
 * @param id          stable and unique in the engine (each component has its own hundred)
 * @param label       a dotted name, e.g. {@code journal.records}
 * @param kind        a total or a gauge
 * @param writer      how many threads write it
 * @param description one line: what it counts, and which thread writes it
 */
public record CounterDefinition(int id, String label, CounterKind kind, CounterWriter writer, String description) {
}
