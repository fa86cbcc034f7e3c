package dev.cardgate.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One run's latency distribution, as HdrHistogram's {@code outputPercentileDistribution} writes
 * it to a {@code .hgrm} file: rows of value, percentile, total count and 1/(1-percentile).
 */
public final class PercentileDistribution {
    private final String name;
    private final List<double[]> points;

    public PercentileDistribution(final String name, final List<double[]> points) {
        this.name = name;
        this.points = List.copyOf(points);
    }

    public String name() {
        return name;
    }

    /** Each point is {value, percentile (0..1)}, in the file's order. */
    public List<double[]> points() {
        return points;
    }

    /**
     * Reads a .hgrm file; lines that are not four numbers (headers, the summary) are passed over.
     *
     * @throws IllegalArgumentException naming the file when it holds no percentile row at all
     */
    public static PercentileDistribution read(final Path file) throws IOException {
        final List<double[]> points = new ArrayList<>();
        for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            final String[] columns = line.trim().split("\\s+");
            if (columns.length != 4 || line.startsWith("#")) {
                continue;
            }
            try {
                final double percentile = Double.parseDouble(columns[1]);
                if (percentile < 1.0) {
                    points.add(new double[] {Double.parseDouble(columns[0]), percentile});
                }
            } catch (final NumberFormatException header) {
                // the column title line
            }
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no percentile distribution (is it a .hgrm file?)");
        }
        final String fileName = file.getFileName().toString();
        return new PercentileDistribution(fileName.replaceFirst("\\.hgrm$", ""), points);
    }
}
