package dev.cardgate.engine.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Counters declared by an enum per component: allocated by iterating it, once per registry,
 * each with its label, type and descriptor id in the file; two counters with one id or label
 * refused; a counter of several writers loses no bump.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CounterRegistryTest {
    /** A component of two counters, as a component's own package would declare them. */
    enum SampleCounter implements CounterDescriptor {
        SAMPLES(9001, "sample.samples", CounterKind.TOTAL, CounterWriter.ONE_THREAD),
        LEVEL(9002, "sample.level", CounterKind.GAUGE, CounterWriter.SEVERAL_THREADS);

        private final CounterDefinition definition;

        SampleCounter(final int id, final String label, final CounterKind kind, final CounterWriter writer) {
            this.definition = new CounterDefinition(id, label, kind, writer, "a sample " + label);
        }

        @Override
        public CounterDefinition definition() {
            return definition;
        }
    }

    /** Reuses {@link SampleCounter#SAMPLES}'s id. */
    enum ClashingIdCounter implements CounterDescriptor {
        OTHER;

        @Override
        public CounterDefinition definition() {
            return new CounterDefinition(9001, "clash.other", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
                "clashes by id");
        }
    }

    /** Reuses {@link SampleCounter#LEVEL}'s label. */
    enum ClashingLabelCounter implements CounterDescriptor {
        OTHER;

        @Override
        public CounterDefinition definition() {
            return new CounterDefinition(9100, "sample.level", CounterKind.GAUGE, CounterWriter.ONE_THREAD,
                "clashes by label");
        }
    }

    @Test
    void aComponentsCountersAreAllocatedOnceInDeclarationOrderWithTheirLabelTypeAndId() {
        final CounterRegistry registry = CounterRegistry.inMemory();
        final ComponentCounters<SampleCounter> counters = registry.component(SampleCounter.class);
        assertSame(counters, registry.component(SampleCounter.class), "a second class of the component shares them");
        counters.increment(SampleCounter.SAMPLES);
        counters.increment(SampleCounter.SAMPLES);
        counters.set(SampleCounter.LEVEL, 7);
        counters.decrement(SampleCounter.LEVEL);

        final List<CounterValue> values = CounterValue.readAll(registry.reader());
        assertEquals(List.of(new CounterValue(0, CounterTypes.TOTAL, 9001, "sample.samples", 2),
            new CounterValue(1, CounterTypes.GAUGE, 9002, "sample.level", 6)), values);
        assertEquals(2, registry.value(SampleCounter.SAMPLES));
        assertEquals(SampleCounter.LEVEL, registry.descriptorOf(1));
        assertEquals("sample.samples=2, sample.level=6", registry.toString());
    }

    @Test
    void aCounterNotYetAllocatedReadsZero() {
        assertEquals(0, CounterRegistry.inMemory().value(SampleCounter.SAMPLES));
    }

    @Test
    void twoCountersWithOneIdOrOneLabelAreRefusedNamingBoth() {
        final CounterRegistry registry = CounterRegistry.inMemory();
        registry.component(SampleCounter.class);
        final IllegalStateException sameId = assertThrows(IllegalStateException.class,
            () -> registry.component(ClashingIdCounter.class));
        assertTrue(sameId.getMessage().contains("SampleCounter.SAMPLES and ClashingIdCounter.OTHER both have id 9001"),
            sameId.getMessage());
        final IllegalStateException sameLabel = assertThrows(IllegalStateException.class,
            () -> registry.component(ClashingLabelCounter.class));
        assertTrue(sameLabel.getMessage().contains("both have label sample.level"), sameLabel.getMessage());
    }

    @Test
    void aCounterOfSeveralWritersLosesNoBump() throws InterruptedException {
        final ComponentCounters<SampleCounter> counters = CounterRegistry.inMemory().component(SampleCounter.class);
        final int threads = 4;
        final int bumps = 50_000;
        final CountDownLatch start = new CountDownLatch(1);
        final Thread[] writers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            writers[t] = new Thread(() -> {
                try {
                    start.await();
                }
                catch (final InterruptedException interrupted) {
                    return;
                }
                for (int i = 0; i < bumps; i++) {
                    counters.increment(SampleCounter.LEVEL);
                }
            });
            writers[t].start();
        }
        start.countDown();
        for (final Thread writer : writers) {
            writer.join();
        }
        assertEquals((long)threads * bumps, counters.get(SampleCounter.LEVEL));
    }
}
