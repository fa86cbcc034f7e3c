package dev.cardgate.engine.metrics;

/**
 * One counter as read from the file at one moment.
 *
 * @param id     the counter's id (its slot)
 * @param typeId one of {@link CounterTypes}
 * @param label  its label ({@link CounterLabel})
 * @param value  its value
 */
public record CounterValue(int id, int typeId, String label, long value) {
}
