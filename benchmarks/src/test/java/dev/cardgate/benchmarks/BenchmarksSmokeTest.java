package dev.cardgate.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every JMH benchmark once, briefly and in this JVM, so that none rots unnoticed. It proves
 * that each starts, sets up, measures and records its allocation per operation; the figures of
 * this run mean nothing.
 */
class BenchmarksSmokeTest {
    /**
     * JMH parameters scaled down for the smoke run, e.g. map sizes; each benchmark reads its own.
     * The check chain's registry and tracked cards are what made this run take two minutes: each
     * of its twenty kinds filled 100,000 terminals into a Chronicle Map and 1,000,000 cards into
     * the risk state at set-up; a thousand of each still reaches every check, and the set-up still
     * throws when a kind is not decided as it should be.
     */
    private static final String[][] SMALL_PARAMETERS = {{"entries", "10000"}, {"terminals", "1000"},
        {"trackedCards", "1000"}};
    /** What every run must record, as the jar's main adds {@code -prof gc} to every run. */
    private static final String ALLOCATION_PER_OPERATION = "gc.alloc.rate.norm";

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void everyBenchmarkStartsAndMeasures() throws RunnerException, IOException {
        final Set<String> benchmarks = listedBenchmarks();
        assertFalse(benchmarks.isEmpty(), "no benchmark found in META-INF/BenchmarkList");

        // JMH's lock file keeps two real runs from sharing a machine; this brief in-process run
        // measures nothing, so it must not fail because someone is benchmarking beside it
        System.setProperty("jmh.ignoreLock", "true");
        final OptionsBuilder options = new OptionsBuilder();
        options.include(".*")
            .forks(0)
            .warmupIterations(0)
            .measurementIterations(1)
            .measurementTime(TimeValue.milliseconds(100))
            .addProfiler(GCProfiler.class)
            .shouldFailOnError(true);
        for (final String[] parameter : SMALL_PARAMETERS) {
            options.param(parameter[0], parameter[1]);
        }
        final Options built = options.build();
        final Collection<RunResult> results = new Runner(built).run();

        final Set<String> measured = new TreeSet<>();
        results.forEach(result -> measured.add(result.getParams().getBenchmark()));
        assertEquals(benchmarks, measured);
        for (final RunResult result : results) {
            assertTrue(result.getSecondaryResults().containsKey(ALLOCATION_PER_OPERATION),
                result.getParams().getBenchmark() + " " + result.getParams() + " did not record " + ALLOCATION_PER_OPERATION);
        }
    }

    private static Set<String> listedBenchmarks() throws IOException {
        final Set<String> names = new TreeSet<>();
        try (InputStream list = BenchmarksSmokeTest.class.getResourceAsStream(BenchmarkList.BENCHMARK_LIST)) {
            if (list != null) {
                BenchmarkList.readBenchmarkList(list).forEach(entry -> names.add(entry.getUsername()));
            }
        }
        return names;
    }
}
