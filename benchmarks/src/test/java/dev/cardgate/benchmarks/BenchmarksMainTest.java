package dev.cardgate.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class BenchmarksMainTest {
    @Test
    void addsTheGcProfilerWhenItIsMissing() {
        assertArrayEquals(new String[] {"CodecBenchmark", "-f", "1", "-prof", "gc"},
            BenchmarksMain.withGcProfiler(new String[] {"CodecBenchmark", "-f", "1"}));
    }

    @Test
    void leavesAGivenGcProfilerAlone() {
        final String[] given = {"-prof", "gc", "CodecBenchmark"};

        assertArrayEquals(given, BenchmarksMain.withGcProfiler(given));
    }
}
