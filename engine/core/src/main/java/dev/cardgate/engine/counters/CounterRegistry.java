package dev.cardgate.engine.counters;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

/**
 * Allocates an engine's counters in its counters file: a component's declared counters by
 * iterating its descriptor enum ({@link #component}), once per engine however many of its
 * classes ask; counters of a family or of the housekeeping agent one by one ({@link #newCounter}).
 * It knows no component: each component names its own enum.
 *
 * <p>Threading: allocation from any thread, serialized here (it happens at launch and when a
 * front-end starts, never per request); the returned writers follow their own contract.
 */
public final class CounterRegistry {
    private final CountersManager countersManager;
    private final Map<Class<?>, ComponentCounters<?>> components = new HashMap<>();
    private final Map<CounterDescriptor, AtomicCounter> declared = new LinkedHashMap<>();
    private final Map<Integer, CounterDescriptor> byId = new HashMap<>();
    private final Map<String, CounterDescriptor> byLabel = new HashMap<>();
    private final Map<Integer, CounterDescriptor> byCounterId = new HashMap<>();
    private final EngineLatency latency = new EngineLatency();

    /** @param countersManager the counters file's ({@link CountersFile#countersManager()}) */
    public CounterRegistry(final CountersManager countersManager) {
        this.countersManager = countersManager;
    }

    /** Counters in this process's memory only (benchmarks, tests of a single stage). */
    public static CounterRegistry inMemory() {
        return new CounterRegistry(CountersFile.inMemory(SystemEpochClock.INSTANCE).countersManager());
    }

    /**
     * The counters of the component whose descriptors are {@code descriptors}: allocated, in
     * declaration order, on the first call; the same writer on every later one.
     *
     * @throws IllegalStateException when a descriptor's id or label is another counter's
     */
    public synchronized <D extends Enum<D> & CounterDescriptor> ComponentCounters<D> component(
        final Class<D> descriptors) {
        @SuppressWarnings("unchecked")
        final ComponentCounters<D> known = (ComponentCounters<D>)components.get(descriptors);
        if (known != null) {
            return known;
        }
        final D[] constants = descriptors.getEnumConstants();
        final AtomicCounter[] counters = new AtomicCounter[constants.length];
        for (final D descriptor : constants) {
            counters[descriptor.ordinal()] = allocate(descriptor);
        }
        final ComponentCounters<D> allocated = new ComponentCounters<>(counters, constants);
        components.put(descriptors, allocated);
        return allocated;
    }

    /** A counter that is not declared by a descriptor: a member of a family, the heartbeat, a latency quantile. */
    public synchronized AtomicCounter newCounter(final String label, final int typeId) {
        return countersManager.newCounter(label, typeId);
    }

    /** The latency recorders of the pipeline's stages, published beside the counters. */
    public EngineLatency latency() {
        return latency;
    }

    /** The counters as a reader in this process sees them (the HTTP endpoint). */
    public CountersReader reader() {
        return countersManager;
    }

    /** The value of a declared counter now; 0 while its component has not allocated it. */
    public synchronized long value(final CounterDescriptor descriptor) {
        final AtomicCounter counter = declared.get(descriptor);
        return counter == null ? 0 : counter.get();
    }

    /** The descriptor of the counter with file id {@code counterId}, or null when it has none. */
    public synchronized CounterDescriptor descriptorOf(final int counterId) {
        return byCounterId.get(counterId);
    }

    /** Every declared counter with its value, by descriptor id (so by component): the engine's summary line. */
    @Override
    public synchronized String toString() {
        final StringBuilder text = new StringBuilder();
        declared.entrySet().stream().sorted(Comparator.comparingInt(entry -> entry.getKey().id()))
            .forEach(entry -> text.append(text.length() == 0 ? "" : ", ").append(entry.getKey().label()).append('=')
                .append(entry.getValue().get()));
        return text.toString();
    }

    private AtomicCounter allocate(final CounterDescriptor descriptor) {
        final CounterDescriptor sameId = byId.putIfAbsent(descriptor.id(), descriptor);
        if (sameId != null) {
            throw new IllegalStateException("counters " + name(sameId) + " and " + name(descriptor) + " both have id "
                + descriptor.id());
        }
        final CounterDescriptor sameLabel = byLabel.putIfAbsent(descriptor.label(), descriptor);
        if (sameLabel != null) {
            throw new IllegalStateException("counters " + name(sameLabel) + " and " + name(descriptor)
                + " both have label " + descriptor.label());
        }
        final AtomicCounter counter = countersManager.newCounter(descriptor.label(), descriptor.kind().typeId(),
            key -> key.putInt(0, descriptor.id()));
        declared.put(descriptor, counter);
        byCounterId.put(counter.id(), descriptor);
        return counter;
    }

    private static String name(final CounterDescriptor descriptor) {
        return descriptor.getClass().getSimpleName() + "." + descriptor;
    }
}
