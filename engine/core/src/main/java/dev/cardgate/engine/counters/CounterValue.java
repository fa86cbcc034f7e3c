package dev.cardgate.engine.counters;

import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.status.CountersReader;

/**
 * One counter as read from the file at one moment.
 *
 * @param id           the counter's id (its slot)
 * @param typeId       one of {@link CounterTypes}
 * @param descriptorId the {@link CounterDescriptor#id()} it was declared with, from its key; 0
 *                     for a counter no descriptor declares (a family's member, the heartbeat)
 * @param label        its label ({@link CounterLabel})
 * @param value        its value
 */
public record CounterValue(int id, int typeId, int descriptorId, String label, long value) {
    /** Every allocated counter of {@code counters} now, in id order. Allocates: readers only. */
    public static List<CounterValue> readAll(final CountersReader counters) {
        final List<CounterValue> values = new ArrayList<>();
        counters.forEach((counterId, typeId, key, label) -> values.add(new CounterValue(counterId, typeId,
            key.getInt(0), label, counters.getCounterValue(counterId))));
        return values;
    }
}
