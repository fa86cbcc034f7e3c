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

/**
 * One blocklist lookup (hit and miss) in the Chronicle Map store at 1M and 10M entries, against
 * an on-heap ConcurrentHashMap of the same tokens. Run with {@code -prof gc}.
 *
 * <p>100M entries, by a flag: {@code -p entries=100000000 -jvmArgsAppend "-Xms16g -Xmx16g"}
 * (the heap baseline holds about 10 GB at that size, the store's file is about 7 GB and the
 * import file about 2.5 GB in the temporary folder: a host with 32 GB or more).
 * {@code benchmarks/run-all.sh --blocklist-100m} adds it to the suite.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 3)
public class BlocklistLookupBenchmark {
    /**
     * Probes cycle through this many tokens: listed ones drawn at random from the whole list, so
     * that lookups miss the CPU caches as the engine's would, and random unlisted ones.
     */
    static final int PROBES = 1 << 20;

    /** The tokens looked up; the same in every fork (fixed seed, fixed key). */
    @State(Scope.Thread)
    public abstract static class Probes {
        @Param({"1000000", "10000000"})
        public int entries;

        final long[] hitHighs = new long[PROBES];
        final long[] hitLows = new long[PROBES];
        final long[] missHighs = new long[PROBES];
        final long[] missLows = new long[PROBES];
        final long now = System.currentTimeMillis();
        private int cursor;

        void makeProbes() {
            final PanTokenizer tokenizer = GeneratedBlocklist.BENCHMARK_KEY.newTokenizer();
            final CardToken token = new CardToken();
            final SplittableRandom random = new SplittableRandom(42);
            for (int i = 0; i < PROBES; i++) {
                tokenizer.tokenize(GeneratedBlocklist.pan(random.nextInt(entries)), token);
                hitHighs[i] = token.high();
                hitLows[i] = token.low();
                missHighs[i] = random.nextLong();
                missLows[i] = random.nextLong();
            }
        }

        int next() {
            return cursor++ & (PROBES - 1);
        }
    }

    /** The store, built by importing a generated file of {@code entries} cards into a new map in a temporary directory. */
    public static class ChronicleState extends Probes {
        private Path directory;
        private BlocklistStore store;
        BlocklistLookup lookup;

        @Setup(Level.Trial)
        public void buildMap() throws Exception {
            directory = Files.createTempDirectory("cardgate-lookup-benchmark");
            try {
                build();
            } catch (final Exception | Error e) {
                if (store != null) {
                    store.close();
                }
                GeneratedBlocklist.deleteRecursively(directory);
                throw e;
            }
        }

        private void build() throws Exception {
            final Path importFile = GeneratedBlocklist.writeImportFile(directory.resolve("blocklist.csv"), 0, entries);
            store = BlocklistStore.open(directory.resolve("blocklist.cm"), entries, GeneratedBlocklist.BENCHMARK_KEY);
            final ImportReport report = store.importFile(importFile);
            Files.delete(importFile);
            if (report.added() != entries) {
                throw new IllegalStateException("benchmark blocklist not built: " + report.summary());
            }
            lookup = store.newLookup();
            makeProbes();
            for (int i = 0; i < PROBES; i++) {
                if (lookup.find(hitHighs[i], hitLows[i], now) == null || lookup.find(missHighs[i], missLows[i], now) != null) {
                    throw new IllegalStateException("probe " + i + " does not hit or miss as intended");
                }
            }
        }

        @TearDown(Level.Trial)
        public void deleteMap() throws Exception {
            store.close();
            GeneratedBlocklist.deleteRecursively(directory);
        }
    }

    /** The baseline: the same tokens and the same information in an on-heap ConcurrentHashMap. */
    public static class HeapState extends Probes {
        private record HeapEntry(BlockReason reason, long expiresEpochMillis) {
        }

        private ConcurrentHashMap<CardToken, HeapEntry> map;
        private final CardToken probe = new CardToken();

        @Setup(Level.Trial)
        public void buildMap() {
            final PanTokenizer tokenizer = GeneratedBlocklist.BENCHMARK_KEY.newTokenizer();
            final BlockReason[] reasons = BlockReason.values();
            map = new ConcurrentHashMap<>(entries);
            for (int i = 0; i < entries; i++) {
                final CardToken token = new CardToken();
                tokenizer.tokenize(GeneratedBlocklist.pan(i), token);
                map.put(token, new HeapEntry(reasons[i % reasons.length], i % 3 == 0 ? 1_956_528_000_000L : Long.MAX_VALUE));
            }
            makeProbes();
            for (int i = 0; i < PROBES; i++) {
                if (find(hitHighs[i], hitLows[i]) == null || find(missHighs[i], missLows[i]) != null) {
                    throw new IllegalStateException("probe " + i + " does not hit or miss as intended");
                }
            }
        }

        BlockReason find(final long high, final long low) {
            final HeapEntry entry = map.get(probe.set(high, low));
            return entry != null && now < entry.expiresEpochMillis() ? entry.reason() : null;
        }
    }

    /** Ours: a lookup of a listed card, drawn at random from the whole list, in the Chronicle Map store. */
    @Benchmark
    public BlockReason chronicleHit(final ChronicleState state) {
        final int i = state.next();
        return state.lookup.find(state.hitHighs[i], state.hitLows[i], state.now);
    }

    /** Ours: a lookup of an unlisted card in the Chronicle Map store. */
    @Benchmark
    public BlockReason chronicleMiss(final ChronicleState state) {
        final int i = state.next();
        return state.lookup.find(state.missHighs[i], state.missLows[i], state.now);
    }

    /** Baseline: a lookup of a listed card in the on-heap ConcurrentHashMap. */
    @Benchmark
    public BlockReason concurrentHashMapHit(final HeapState state) {
        final int i = state.next();
        return state.find(state.hitHighs[i], state.hitLows[i]);
    }

    /** Baseline: a lookup of an unlisted card in the on-heap ConcurrentHashMap. */
    @Benchmark
    public BlockReason concurrentHashMapMiss(final HeapState state) {
        final int i = state.next();
        return state.find(state.missHighs[i], state.missLows[i]);
    }
}
