package dev.cardgate.engine.counters;

import org.agrona.concurrent.status.AtomicCounter;

/**
 * The counters of one component, one per constant of its descriptor enum {@code D}, indexed by
 * the constant's ordinal: the small writer type a component holds instead of a hub of methods.
 *
 * <p>Threading: each counter is written as its {@link CounterWriter} says (a release store for
 * {@link CounterWriter#ONE_THREAD}, an atomic add for {@link CounterWriter#SEVERAL_THREADS}); the
 * caller keeps to the writer it declared. Read from any thread. Nothing allocates.
 *
 * @param <D> the component's descriptor enum
 */
public final class ComponentCounters<D extends Enum<D> & CounterDescriptor> {
    private final AtomicCounter[] counters;
    private final boolean[] oneWriter;

    ComponentCounters(final AtomicCounter[] counters, final D[] descriptors) {
        this.counters = counters;
        oneWriter = new boolean[descriptors.length];
        for (final D descriptor : descriptors) {
            oneWriter[descriptor.ordinal()] = descriptor.writer() == CounterWriter.ONE_THREAD;
        }
    }

    /** Adds one. */
    public void increment(final D counter) {
        final int index = counter.ordinal();
        if (oneWriter[index]) {
            counters[index].incrementRelease();
        }
        else {
            counters[index].increment();
        }
    }

    /** Takes one away (a gauge's level going down). */
    public void decrement(final D counter) {
        final int index = counter.ordinal();
        if (oneWriter[index]) {
            counters[index].decrementRelease();
        }
        else {
            counters[index].decrement();
        }
    }

    /** Sets a gauge; its one writer only. */
    public void set(final D counter, final long value) {
        counters[counter.ordinal()].setRelease(value);
    }

    /** Raises a gauge to {@code value} if it is below it (a position that only moves forward). */
    public void proposeMax(final D counter, final long value) {
        final int index = counter.ordinal();
        if (oneWriter[index]) {
            counters[index].proposeMaxRelease(value);
        }
        else {
            counters[index].proposeMax(value);
        }
    }

    /** The value now. */
    public long get(final D counter) {
        return counters[counter.ordinal()].get();
    }
}
