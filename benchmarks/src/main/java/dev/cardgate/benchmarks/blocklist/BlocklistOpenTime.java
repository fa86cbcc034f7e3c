package dev.cardgate.benchmarks.blocklist;

import dev.cardgate.engine.blocklist.BlocklistLookup;
import dev.cardgate.engine.blocklist.BlocklistStore;
import dev.cardgate.engine.token.CardToken;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures the time to open an existing blocklist map, separating Chronicle's one-off start-up
 * in a fresh JVM (measured by first opening a new one-entry map) from the open of the map itself.
 *
 * <p>Usage: {@code java @config/jvm.options -cp benchmarks/target/benchmarks.jar
 * dev.cardgate.benchmarks.blocklist.BlocklistOpenTime <map file> <capacity>}, on a map made
 * with the benchmark key, e.g. by {@link BlocklistImportThroughput} with a keep-directory.
 */
public final class BlocklistOpenTime {
    private BlocklistOpenTime() {
    }

    public static void main(final String[] args) throws Exception {
        final Path mapFile = Path.of(args[0]);
        final long capacity = Long.parseLong(args[1]);
        final Path scratch = Files.createTempDirectory("cardgate-open-benchmark");
        try {
            long start = System.nanoTime();
            try (BlocklistStore tiny = BlocklistStore.open(scratch.resolve("tiny.cm"), 1, GeneratedBlocklist.BENCHMARK_KEY)) {
                System.out.printf("first Chronicle map in this JVM (new, %d entries): %8.1f ms%n", tiny.count(),
                    (System.nanoTime() - start) / 1e6);
            }
            System.out.printf("map file %s: %,d bytes%n", mapFile, Files.size(mapFile));
            for (int round = 1; round <= 3; round++) {
                start = System.nanoTime();
                try (BlocklistStore store = BlocklistStore.open(mapFile, capacity, GeneratedBlocklist.BENCHMARK_KEY)) {
                    final double openMillis = (System.nanoTime() - start) / 1e6;
                    final CardToken token = new CardToken();
                    GeneratedBlocklist.BENCHMARK_KEY.newTokenizer().tokenize(GeneratedBlocklist.pan(12_345), token);
                    final BlocklistLookup lookup = store.newLookup();
                    final long lookupStart = System.nanoTime();
                    final Object found = lookup.find(token.high(), token.low(), System.currentTimeMillis());
                    System.out.printf("open %d: %8.1f ms, then first lookup %6.2f ms (%s), %,d entries%n", round,
                        openMillis, (System.nanoTime() - lookupStart) / 1e6, found, store.count());
                }
            }
        } finally {
            GeneratedBlocklist.deleteRecursively(scratch);
        }
    }
}
