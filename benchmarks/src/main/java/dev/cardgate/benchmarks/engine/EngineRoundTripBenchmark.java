package dev.cardgate.benchmarks.engine;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.cardgate.engine.config.ThreadLayout;
import dev.cardgate.engine.config.WaitStrategyType;
import dev.cardgate.engine.event.DecisionListener;

/**
 * Maximum throughput of the in-process round trip: one producer thread submits through the
 * zero-allocation path as fast as the ring takes requests, the listener counts the answers; an
 * operation is one request decided (blocklist lookup in Chronicle Map) and answered. Each
 * invocation submits a batch and waits for its last answer, so nothing is left in flight
 * between invocations. Run with {@code -prof gc}: gc.alloc.rate.norm is bytes per decision,
 * summed over all threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineRoundTripBenchmark {
    private static final int BATCH = 50_000;

    @Param({"blocking", "yielding", "busy-spin"})
    public String waitStrategy;

    @Param({"thread-per-stage", "single-thread"})
    public String threadLayout;

    private final AtomicLong answered = new AtomicLong();
    private final DecisionListener listener = event -> answered.lazySet(answered.get() + 1);
    private BenchmarkEngine engine;
    private long submitted;

    @Setup(Level.Trial)
    public void launch() {
        engine = new BenchmarkEngine(WaitStrategyType.fromConfigName(waitStrategy),
            ThreadLayout.fromConfigName(threadLayout), 8192);
    }

    @TearDown(Level.Trial)
    public void close() {
        engine.close();
    }

    /** One request submitted, decided and answered with the given wait strategy and layout; 50,000 per invocation. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long roundTrip() {
        for (int i = 0; i < BATCH; i++) {
            engine.submit((int)submitted + i, submitted + i, listener);
        }
        submitted += BATCH;
        while (answered.get() < submitted) {
            Thread.yield();
        }
        return submitted;
    }
}
