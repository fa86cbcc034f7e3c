package dev.cardgate.benchmarks.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.HdrHistogram.Histogram;

/**
 * The outcome of one load run: the latency distribution (from the intended send time in the
 * open loop, from the actual send in the closed loop), the generator's own send lag, the
 * answers by response code (field 39), and the rate achieved over the measured period.
 */
public final class LoadResult {
    /** Column names of {@link #tsvRow}, the form the results tables are rendered from. */
    public static final String TSV_HEADER = "server\twire\tmode\tconnections\toffered_per_s\tachieved_per_s"
        + "\tp50_us\tp90_us\tp99_us\tp99_9_us\tmax_us\tsend_lag_p99_us\tanswers\tcodes\tload_average";
    private static final double SATURATED_SHARE = 0.95;

    final Histogram latency;
    final Histogram sendLag;
    final long[] answersByCode = new long[100];
    private final String mode;
    private final int connections;
    private final int offeredRate;
    private final String loadAverage;
    long measuredAnswers;
    double measuredSeconds;

    LoadResult(final String mode, final int connections, final int offeredRate, final long highestTrackableNanos) {
        this.mode = mode;
        this.connections = connections;
        this.offeredRate = offeredRate;
        this.latency = new Histogram(highestTrackableNanos, 3);
        this.sendLag = new Histogram(highestTrackableNanos, 3);
        this.loadAverage = readLoadAverage();
    }

    public String mode() {
        return mode;
    }

    public int connections() {
        return connections;
    }

    /** Requests offered per second in the open loop; 0 in the closed loop. */
    public int offeredRate() {
        return offeredRate;
    }

    /** The 1, 5 and 15 minute load averages when the run started. */
    public String loadAverage() {
        return loadAverage;
    }

    public double achievedRate() {
        return measuredSeconds > 0 ? measuredAnswers / measuredSeconds : 0;
    }

    /** True when an open-loop run did not keep up with its offered rate: its latency grows with the run's length. */
    public boolean saturated() {
        return offeredRate > 0 && achievedRate() < SATURATED_SHARE * offeredRate;
    }

    public double percentileMicros(final double percentile) {
        return latency.getValueAtPercentile(percentile) / 1000.0;
    }

    /** "00=9500 14=200 43=300": every response code answered, in code order. */
    public String codes() {
        final StringBuilder text = new StringBuilder();
        for (int code = 0; code < answersByCode.length; code++) {
            if (answersByCode[code] > 0) {
                text.append(text.length() > 0 ? " " : "").append(String.format(Locale.ROOT, "%02d=%d", code,
                    answersByCode[code]));
            }
        }
        return text.toString();
    }

    /** One tab-separated line in the columns of {@link #TSV_HEADER}; times in microseconds. */
    public String tsvRow(final String server, final WireFormat wire) {
        return String.format(Locale.ROOT, "%s\t%s\t%s\t%d\t%d\t%.0f\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%d\t%s\t%s",
            server, wire.label(), mode, connections, offeredRate, achievedRate(), percentileMicros(50),
            percentileMicros(90), percentileMicros(99), percentileMicros(99.9), latency.getMaxValue() / 1000.0,
            sendLag.getValueAtPercentile(99) / 1000.0, latency.getTotalCount(), codes(), loadAverage);
    }

    /** The run's name in file names and plot legends: server, mode, connections, rate. */
    public String name(final String server) {
        return server + "-" + mode + "-" + connections + "c" + (offeredRate > 0 ? "-" + offeredRate : "");
    }

    /** Writes the latency distribution in microseconds, as HdrHistogram's percentile output. */
    public Path writeHgrm(final Path folder, final String server) throws IOException {
        final Path file = folder.resolve(name(server) + ".hgrm");
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.US_ASCII)) {
            latency.outputPercentileDistribution(out, 1000.0);
        }
        return file;
    }

    private static String readLoadAverage() {
        try {
            final String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        }
        catch (final IOException | RuntimeException unavailable) {
            return "n/a";
        }
    }
}
