package dev.cardgate.benchmarks.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.cardgate.benchmarks.report.PercentileDistribution;
import dev.cardgate.benchmarks.report.PercentilePlot;

/**
 * Where the runs' results go, as they finish: a line each on standard output, the latency
 * distribution as {@code <name>.hgrm}, a row each in {@code summary.tsv} (the source of the
 * RESULTS.md tables), and at the end every run in one percentile plot, {@code latency.html}.
 */
final class LoadReport {
    private final Path folder;
    private final WireFormat wireFormat;
    private final List<String> rows = new ArrayList<>();
    private final List<PercentileDistribution> distributions = new ArrayList<>();
    private final PrintStream out = System.out;

    LoadReport(final Path folder, final WireFormat wireFormat) throws IOException {
        this.folder = Files.createDirectories(folder);
        this.wireFormat = wireFormat;
        out.printf(Locale.ROOT, "%-9s %-6s %5s %9s %10s %10s %10s %10s %10s %8s  %s%n", "server", "mode", "conns",
            "offered/s", "achieved/s", "p50 us", "p99 us", "p99.9 us", "max us", "lag p99", "codes | load");
    }

    void add(final String server, final LoadResult result) throws IOException {
        out.printf(Locale.ROOT, "%-9s %-6s %5s %9s %10.0f %10.1f %10.1f %10.1f %10.1f %8.1f  %s | %s%s%n",
            server, result.mode(), result.connections(), result.offeredRate() > 0 ? result.offeredRate() : "max",
            result.achievedRate(), result.percentileMicros(50), result.percentileMicros(99),
            result.percentileMicros(99.9), result.latency.getMaxValue() / 1000.0,
            result.sendLag.getValueAtPercentile(99) / 1000.0, result.codes(), result.loadAverage(),
            result.saturated() ? "  SATURATED" : "");
        rows.add(result.tsvRow(server, wireFormat));
        distributions.add(PercentileDistribution.read(result.writeHgrm(folder, server)));
        Files.write(folder.resolve("summary.tsv"), summary(), StandardCharsets.UTF_8);
    }

    /** Draws the plot of every run added. */
    Path finish(final String title) throws IOException {
        final Path plot = folder.resolve("latency.html");
        Files.writeString(plot, PercentilePlot.html(title, "microseconds", distributions), StandardCharsets.UTF_8);
        out.println("wrote " + folder.resolve("summary.tsv") + ", the .hgrm files and " + plot);
        return plot;
    }

    private List<String> summary() {
        final List<String> lines = new ArrayList<>();
        lines.add(LoadResult.TSV_HEADER);
        lines.addAll(rows);
        return lines;
    }
}
