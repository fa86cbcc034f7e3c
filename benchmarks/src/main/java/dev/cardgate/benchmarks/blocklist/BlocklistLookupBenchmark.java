package dev.cardgate.benchmarks.blocklist;

import dev.cardgate.engine.blocklist.BlockReason;
import dev.cardgate.engine.blocklist.BlocklistLookup;
import dev.cardgate.engine.blocklist.BlocklistStore;
import dev.cardgate.engine.blocklist.ImportReport;
import dev.cardgate.engine.token.CardToken;
import dev.cardgate.engine.token.PanTokenizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

// Measures one blocklist lookup (hit and miss) in the Chronicle Map store at 1M and 10M entries, against an on-heap ConcurrentHashMap of the same tokens.
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 3)
@State(Scope.Thread)
public class BlocklistLookupBenchmark {
    /** Probes cycle through this many tokens, drawn at random from the whole list so that every lookup misses the CPU caches as the engine's would. */
    private static final int PROBES = 1 << 20;

    /** The on-heap baseline's value: the same information the lookup needs. */
    private record HeapEntry(BlockReason reason, long expiresEpochMillis) {
    }

    @Param({"1000000", "10000000"})
    public int entries;

    private Path directory;
    private BlocklistStore store;
    private BlocklistLookup lookup;
    private ConcurrentHashMap<CardToken, HeapEntry> heapMap;
    private final CardToken heapProbe = new CardToken();
    private final long[] hitHighs = new long[PROBES];
    private final long[] hitLows = new long[PROBES];
    private final long[] missHighs = new long[PROBES];
    private final long[] missLows = new long[PROBES];
    private int cursor;
    private long now;

    @Setup(Level.Trial)
    public void buildBothMaps() throws Exception {
        directory = Files.createTempDirectory("cardgate-lookup-benchmark");
        final Path importFile = GeneratedBlocklist.writeImportFile(directory.resolve("blocklist.csv"), 0, entries);
        store = BlocklistStore.open(directory.resolve("blocklist.cm"), entries, GeneratedBlocklist.BENCHMARK_KEY);
        final ImportReport report = store.importFile(importFile);
        Files.delete(importFile);
        if (report.added() != entries) {
            throw new IllegalStateException("benchmark blocklist not built: " + report.summary());
        }
        lookup = store.newLookup();

        final PanTokenizer tokenizer = GeneratedBlocklist.BENCHMARK_KEY.newTokenizer();
        final BlockReason[] reasons = BlockReason.values();
        heapMap = new ConcurrentHashMap<>(entries);
        final long[] highs = new long[entries];
        final long[] lows = new long[entries];
        for (int i = 0; i < entries; i++) {
            final CardToken token = new CardToken();
            tokenizer.tokenize(GeneratedBlocklist.pan(i), token);
            highs[i] = token.high();
            lows[i] = token.low();
            heapMap.put(token, new HeapEntry(reasons[i % reasons.length], i % 3 == 0 ? 1_956_528_000_000L : Long.MAX_VALUE));
        }
        final SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < PROBES; i++) {
            final int listed = random.nextInt(entries);
            hitHighs[i] = highs[listed];
            hitLows[i] = lows[listed];
            missHighs[i] = random.nextLong();
            missLows[i] = random.nextLong();
        }
        now = System.currentTimeMillis();
        for (int i = 0; i < PROBES; i++) {
            if (lookup.find(hitHighs[i], hitLows[i], now) == null || heapFind(hitHighs[i], hitLows[i]) == null
                || lookup.find(missHighs[i], missLows[i], now) != null) {
                throw new IllegalStateException("probe " + i + " does not hit or miss as intended");
            }
        }
    }

    @TearDown(Level.Trial)
    public void deleteMap() throws Exception {
        store.close();
        GeneratedBlocklist.deleteRecursively(directory);
    }

    private int next() {
        return cursor++ & (PROBES - 1);
    }

    private BlockReason heapFind(final long high, final long low) {
        final HeapEntry entry = heapMap.get(heapProbe.set(high, low));
        return entry != null && now < entry.expiresEpochMillis() ? entry.reason() : null;
    }

    @Benchmark
    public BlockReason chronicleHit() {
        final int i = next();
        return lookup.find(hitHighs[i], hitLows[i], now);
    }

    @Benchmark
    public BlockReason chronicleMiss() {
        final int i = next();
        return lookup.find(missHighs[i], missLows[i], now);
    }

    @Benchmark
    public BlockReason concurrentHashMapHit() {
        final int i = next();
        return heapFind(hitHighs[i], hitLows[i]);
    }

    @Benchmark
    public BlockReason concurrentHashMapMiss() {
        final int i = next();
        return heapFind(missHighs[i], missLows[i]);
    }
}
