package dev.cardgate.benchmarks.journal;

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

import dev.cardgate.benchmarks.engine.BenchmarkEngine;
import dev.cardgate.engine.config.JournalDurability;
import dev.cardgate.engine.config.ThreadLayout;
import dev.cardgate.engine.config.WaitStrategyType;
import dev.cardgate.engine.event.DecisionListener;

/**
 * The in-process round trip with the journal on, against the same engine with it off in the same
 * run: one producer submits as fast as the ring takes requests; an operation is one request
 * decided, journaled and answered. {@code batch} is the default configuration (group commit,
 * ack-after-sync: no answer before its record is synced); {@code none} journals to the page cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class JournalRoundTripBenchmark {
    private static final int BATCH = 50_000;

    @Param({"off", "none", "batch"})
    public String journal;

    @Param({"thread-per-stage"})
    public String threadLayout;

    private final AtomicLong answered = new AtomicLong();
    private final DecisionListener listener = event -> answered.lazySet(answered.get() + 1);
    private BenchmarkEngine engine;
    private long submitted;

    @Setup(Level.Trial)
    public void launch() {
        engine = new BenchmarkEngine(WaitStrategyType.BLOCKING, ThreadLayout.fromConfigName(threadLayout), 8192,
            settings -> "off".equals(journal) ? settings.enabled(false)
                : settings.durability(JournalDurability.fromConfigName(journal)).ackAfterSync("batch".equals(journal)));
    }

    @TearDown(Level.Trial)
    public void close() {
        engine.close();
    }

    /** One request submitted, decided, journaled in the given mode and answered; 50,000 per invocation. */
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
