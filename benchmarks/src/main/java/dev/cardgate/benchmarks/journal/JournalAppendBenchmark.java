package dev.cardgate.benchmarks.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

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

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.journal.FileSegmentStorage;
import dev.cardgate.engine.journal.JournalScanner;
import dev.cardgate.engine.journal.JournalKey;
import dev.cardgate.engine.journal.JournalWriter;

/**
 * Journal append throughput on one thread, as the journal stage does it: an operation is one
 * record appended to a memory-mapped segment (64 MiB, rolling). Per durability mode:
 * {@code none} never syncs; {@code batch} syncs the written range once per {@code batchSize}
 * records (group commit of a batch that size); {@code interval} appends while another thread
 * fdatasyncs the segment every 10 ms. Run with {@code -prof gc}: gc.alloc.rate.norm is bytes per
 * record (segment rolls allocate a little).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class JournalAppendBenchmark {
    private static final int RECORDS_PER_INVOCATION = 1024;

    @Param({"none", "batch", "interval"})
    public String durability;

    @Param({"64"})
    public int batchSize;

    private final AuthorizationEvent event = new AuthorizationEvent();
    private Path directory;
    private JournalWriter writer;
    private Thread syncer;
    private volatile boolean running;
    private long number;

    @Setup(Level.Trial)
    public void open() throws IOException {
        directory = Files.createTempDirectory("cardgate-journal-benchmark-");
        writer = new JournalWriter(directory, 64 << 20, JournalKey.unkeyed(), FileSegmentStorage.INSTANCE,
            System::currentTimeMillis, !"none".equals(durability),
            new JournalScanner(directory, null, true, false).scan());
        event.messageTypeIndicator(100).systemTraceAuditNumber(1).terminalId("TERM0001")
            .merchantId("MERCHANT0000001").cardToken(0x1234_5678_9abc_def0L, 0x0fed_cba9_8765_4321L)
            .maskedPan(16, 411111, 1111).amountMinor(1_250).currencyCode(978).merchantCategoryCode(5411)
            .countryCode(276).posEntryMode(51);
        event.approve(42, System.currentTimeMillis());
        running = true;
        if ("interval".equals(durability)) {
            syncer = new Thread(() -> {
                while (running) {
                    LockSupport.parkNanos(10_000_000);
                    try {
                        writer.activeChannelForSync().channel().force(false);
                    }
                    catch (final IOException rolled) {
                        continue;
                    }
                }
            });
            syncer.setDaemon(true);
            syncer.start();
        }
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        running = false;
        if (syncer != null) {
            syncer.join();
        }
        writer.close(false);
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** One 128-byte record appended (and synced per batch in {@code batch} mode); 1024 per invocation. */
    @Benchmark
    @OperationsPerInvocation(RECORDS_PER_INVOCATION)
    public long append() throws IOException {
        final boolean groupCommit = "batch".equals(durability);
        long last = 0;
        for (int i = 0; i < RECORDS_PER_INVOCATION; i++) {
            event.systemTraceAuditNumber((int)number++);
            last = writer.append(event, number);
            if (groupCommit && (i + 1) % batchSize == 0) {
                writer.sync();
            }
        }
        return last;
    }
}
