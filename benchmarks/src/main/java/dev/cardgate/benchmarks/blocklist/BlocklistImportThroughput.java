package dev.cardgate.benchmarks.blocklist;

import dev.cardgate.engine.blocklist.BlocklistStore;
import dev.cardgate.engine.blocklist.ImportReport;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures blocklist import throughput (lines per second) of a generated file: into a new map,
 * into a second new map (JIT warm), then the same file again (every line unchanged).
 *
 * <p>Usage: {@code java @config/jvm.options -cp benchmarks/target/benchmarks.jar
 * dev.cardgate.benchmarks.blocklist.BlocklistImportThroughput [lines] [keep-directory]};
 * lines defaults to 1,000,000. With a keep-directory the second map stays there as
 * {@code blocklist.cm} (for {@link BlocklistOpenTime}); otherwise everything is deleted.
 */
public final class BlocklistImportThroughput {
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
        (com.sun.management.OperatingSystemMXBean)ManagementFactory.getOperatingSystemMXBean();

    private BlocklistImportThroughput() {
    }

    public static void main(final String[] args) throws Exception {
        final int lines = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        final Path keep = args.length > 1 ? Path.of(args[1]) : null;
        final Path directory = Files.createTempDirectory("cardgate-import-benchmark");
        try {
            final Path file = GeneratedBlocklist.writeImportFile(directory.resolve("blocklist.csv"), 0, lines);
            System.out.printf("import file: %,d lines, %,d bytes; %d processors; %s %s%n", lines, Files.size(file),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
            timeImport("new map (cold JIT)", directory.resolve("first.cm"), lines, file);
            final Path second = keep != null ? keep.resolve("blocklist.cm") : directory.resolve("second.cm");
            if (keep != null) {
                Files.createDirectories(keep);
            }
            timeImport("new map (warm JIT)", second, lines, file);
            timeImport("same file again", second, lines, file);
        } finally {
            GeneratedBlocklist.deleteRecursively(directory);
        }
    }

    /**
     * Prints wall time and lines per second, and the CPU time the whole process spent per line
     * (all threads, user and system): on a shared machine the wall time depends on the neighbours,
     * the CPU time much less.
     */
    private static void timeImport(final String what, final Path mapFile, final int lines, final Path file) {
        try (BlocklistStore store = BlocklistStore.open(mapFile, lines, GeneratedBlocklist.BENCHMARK_KEY)) {
            final long cpuStart = PROCESS.getProcessCpuTime();
            final long start = System.nanoTime();
            final ImportReport report = store.importFile(file);
            final double seconds = (System.nanoTime() - start) / 1e9;
            final double cpuMicrosPerLine = (PROCESS.getProcessCpuTime() - cpuStart) / 1e3 / (lines + 1);
            System.out.printf("%-20s %7.2f s  %,10.0f lines/s  %5.2f us CPU/line  %s%n", what, seconds,
                (lines + 1) / seconds, cpuMicrosPerLine, report.summary().substring(report.summary().indexOf(": ") + 2));
        }
    }
}
