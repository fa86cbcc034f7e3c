package dev.cardgate.benchmarks.engine;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

import dev.cardgate.engine.config.ThreadLayout;
import dev.cardgate.engine.config.WaitStrategyType;
import dev.cardgate.engine.event.DecisionListener;

/**
 * Latency of the in-process round trip at fixed offered rates, measured open-loop: request i
 * is due at start + i / rate whatever happened to earlier ones, and its latency runs from that
 * intended send time to the listener's call on the reply thread. A stall therefore shows in
 * every request it delays, including the ones the producer could not send in time: no
 * coordinated omission.
 *
 * <p>Usage: {@code java @config/jvm.options -cp benchmarks/target/benchmarks.jar
 * dev.cardgate.benchmarks.engine.EngineLatencyBenchmark [--rates 10000,100000] [--seconds 10]
 * [--warmup-seconds 5] [--layouts blocking/thread-per-stage,...] [--out benchmarks/target/latency]}
 *
 * <p>Prints p50, p99, p99.9, p99.99 and max in microseconds per run, and writes each run's full
 * distribution as a .hgrm file (values in microseconds) into the output folder. As a baseline
 * from the same run it also prints the send lag (how late the producer itself sent, p99 and
 * max): on a shared machine a descheduled producer shows there, and that part of the latency is
 * the load generator's, not the engine's. The load average at the start of each run is printed
 * too.
 */
public final class EngineLatencyBenchmark {
    private static final long HIGHEST_TRACKABLE_NANOS = 60_000_000_000L;
    private static final long PARK_THRESHOLD_NANOS = 100_000;
    private static final long YIELD_THRESHOLD_NANOS = 20_000;

    private EngineLatencyBenchmark() {
    }

    public static void main(final String[] arguments) throws IOException {
        long[] rates = {10_000, 100_000};
        int seconds = 10;
        int warmupSeconds = 5;
        String layouts = "blocking/thread-per-stage,yielding/thread-per-stage,busy-spin/thread-per-stage,"
            + "busy-spin/single-thread";
        Path out = Path.of("benchmarks", "target", "latency");
        for (int i = 0; i + 1 < arguments.length; i += 2) {
            switch (arguments[i]) {
                case "--rates":
                    rates = parseRates(arguments[i + 1]);
                    break;
                case "--seconds":
                    seconds = Integer.parseInt(arguments[i + 1]);
                    break;
                case "--warmup-seconds":
                    warmupSeconds = Integer.parseInt(arguments[i + 1]);
                    break;
                case "--layouts":
                    layouts = arguments[i + 1];
                    break;
                case "--out":
                    out = Path.of(arguments[i + 1]);
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + arguments[i]
                        + "; known: --rates --seconds --warmup-seconds --layouts --out");
            }
        }
        Files.createDirectories(out);
        System.out.printf(Locale.ROOT, "%-10s %-17s %7s %8s %8s %8s %9s %9s %9s | %9s %9s | %5s%n",
            "wait", "layout", "rate/s", "samples", "p50 us", "p99 us", "p99.9 us", "p99.99 us", "max us",
            "lag p99", "lag max", "load");
        for (final String layout : layouts.split(",")) {
            final String[] parts = layout.split("/");
            final WaitStrategyType waitStrategy = WaitStrategyType.fromConfigName(parts[0]);
            final ThreadLayout threadLayout = ThreadLayout.fromConfigName(parts[1]);
            if (waitStrategy == null || threadLayout == null) {
                throw new IllegalArgumentException("not a wait-strategy/thread-layout pair: " + layout);
            }
            for (final long rate : rates) {
                final double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                final Histogram sendLag = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
                final Histogram histogram = run(waitStrategy, threadLayout, rate, warmupSeconds, seconds, sendLag);
                report(waitStrategy, threadLayout, rate, histogram, sendLag, load, out);
            }
        }
    }

    /** One run: a fresh engine, warm-up at the rate, then the measured period at the same rate. */
    static Histogram run(final WaitStrategyType waitStrategy, final ThreadLayout threadLayout, final long rate,
        final int warmupSeconds, final int seconds, final Histogram sendLag) {
        final long intervalNanos = 1_000_000_000L / rate;
        final long warmupCount = rate * warmupSeconds;
        final long total = warmupCount + rate * seconds;
        final Histogram histogram = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
        final AtomicLong answered = new AtomicLong();
        try (BenchmarkEngine engine = new BenchmarkEngine(waitStrategy, threadLayout, 8192)) {
            final long start = System.nanoTime() + 10_000_000;
            final long measureFrom = start + warmupCount * intervalNanos;
            final DecisionListener listener = event -> {
                final long intended = event.correlationId();
                if (intended >= measureFrom) {
                    histogram.recordValue(System.nanoTime() - intended);
                }
                answered.lazySet(answered.get() + 1);
            };
            for (long i = 0; i < total; i++) {
                final long intended = start + i * intervalNanos;
                final long sent = waitUntil(intended);
                if (intended >= measureFrom) {
                    sendLag.recordValue(sent - intended);
                }
                engine.submit((int)i, intended, listener);
            }
            while (answered.get() < total) {
                Thread.yield();
            }
        }
        return histogram;
    }

    /** Returns when {@code intendedNanos} has come, with the time it returned. */
    private static long waitUntil(final long intendedNanos) {
        long now;
        long gap;
        while ((gap = intendedNanos - (now = System.nanoTime())) > 0) {
            if (gap > PARK_THRESHOLD_NANOS) {
                LockSupport.parkNanos(gap - PARK_THRESHOLD_NANOS / 2);
            }
            else if (gap > YIELD_THRESHOLD_NANOS) {
                Thread.yield();
            }
            else {
                Thread.onSpinWait();
            }
        }
        return now;
    }

    private static void report(final WaitStrategyType waitStrategy, final ThreadLayout threadLayout, final long rate,
        final Histogram histogram, final Histogram sendLag, final double load, final Path out) throws IOException {
        System.out.printf(Locale.ROOT, "%-10s %-17s %7d %8d %8.1f %8.1f %9.1f %9.1f %9.1f | %9.1f %9.1f | %5.2f%n",
            waitStrategy.configName(), threadLayout.configName(), rate, histogram.getTotalCount(),
            micros(histogram.getValueAtPercentile(50)), micros(histogram.getValueAtPercentile(99)),
            micros(histogram.getValueAtPercentile(99.9)), micros(histogram.getValueAtPercentile(99.99)),
            micros(histogram.getMaxValue()), micros(sendLag.getValueAtPercentile(99)), micros(sendLag.getMaxValue()),
            load);
        final Path file = out.resolve(waitStrategy.configName() + "-" + threadLayout.configName() + "-" + rate + ".hgrm");
        try (PrintStream stream = new PrintStream(Files.newOutputStream(file), false, "US-ASCII")) {
            histogram.outputPercentileDistribution(stream, 1000.0);
        }
    }

    private static double micros(final long nanos) {
        return nanos / 1000.0;
    }

    private static long[] parseRates(final String text) {
        final List<Long> rates = new ArrayList<>();
        for (final String rate : text.split(",")) {
            rates.add(Long.parseLong(rate.trim()));
        }
        return rates.stream().mapToLong(Long::longValue).toArray();
    }
}
