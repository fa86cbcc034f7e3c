package dev.cardgate.benchmarks.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of {@code /metrics} in the Prometheus text format, read into samples: each sample's
 * name with its labels ({@code cardgate_requests_total}, {@code
 * cardgate_latency_seconds_bucket{stage="round-trip",le="0.001"}}) and its value. Only what
 * {@link MetricsTimeline} plots is asked of it.
 */
public final class MetricsScrape {
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final long atMillis;
    private final Map<String, Double> plain = new LinkedHashMap<>();
    private final Map<String, Map<String, Map<String, String>>> labelled = new LinkedHashMap<>();
    private final Map<String, Double> labelledValues = new LinkedHashMap<>();

    private MetricsScrape(final long atMillis) {
        this.atMillis = atMillis;
    }

    /** Reads the text exposition; comment lines are skipped. */
    public static MetricsScrape parse(final String exposition, final long atMillis) {
        final MetricsScrape scrape = new MetricsScrape(atMillis);
        for (final String line : exposition.split("\n")) {
            final Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.matches()) {
                continue;
            }
            final double value = Double.parseDouble(sample.group(4).replace("Inf", "Infinity"));
            if (sample.group(3) == null || sample.group(3).isEmpty()) {
                scrape.plain.put(sample.group(1), value);
                continue;
            }
            final Map<String, String> labels = new LinkedHashMap<>();
            final Matcher label = LABEL.matcher(sample.group(3));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
            final String key = sample.group(1) + labels;
            scrape.labelled.computeIfAbsent(sample.group(1), name -> new LinkedHashMap<>()).put(key, labels);
            scrape.labelledValues.put(key, value);
        }
        return scrape;
    }

    public long atMillis() {
        return atMillis;
    }

    /** The value of an unlabelled sample, or of the sum over every label set of a labelled one; 0 when absent. */
    public double value(final String name) {
        final Double value = plain.get(name);
        return value != null ? value : sum(name, Map.of());
    }

    /** The sum of the samples of {@code name} whose labels include {@code matching}. */
    public double sum(final String name, final Map<String, String> matching) {
        double sum = 0;
        for (final Map.Entry<String, Map<String, String>> sample : labelled.getOrDefault(name, Map.of()).entrySet()) {
            if (sample.getValue().entrySet().containsAll(matching.entrySet())) {
                sum += labelledValues.get(sample.getKey());
            }
        }
        return sum;
    }

    /** A histogram's cumulative bucket counts by upper bound (+Inf as infinity) for the labels given. */
    public TreeMap<Double, Double> buckets(final String histogram, final Map<String, String> matching) {
        final TreeMap<Double, Double> buckets = new TreeMap<>();
        for (final Map.Entry<String, Map<String, String>> sample
            : labelled.getOrDefault(histogram + "_bucket", Map.of()).entrySet()) {
            if (sample.getValue().entrySet().containsAll(matching.entrySet())) {
                final double bound = Double.parseDouble(sample.getValue().get("le").replace("Inf", "Infinity"));
                buckets.merge(bound, labelledValues.get(sample.getKey()), Double::sum);
            }
        }
        return buckets;
    }

    /**
     * The quantile of the values counted between two scrapes of cumulative buckets, interpolated
     * linearly within its bucket as Prometheus's {@code histogram_quantile} does; NaN when nothing
     * was counted.
     */
    public static double quantile(final double quantile, final TreeMap<Double, Double> before,
        final TreeMap<Double, Double> after) {
        final TreeMap<Double, Double> delta = new TreeMap<>();
        after.forEach((bound, count) -> delta.put(bound, count - before.getOrDefault(bound, 0.0)));
        if (delta.isEmpty() || delta.lastEntry().getValue() <= 0) {
            return Double.NaN;
        }
        final double rank = quantile * delta.lastEntry().getValue();
        double lowerBound = 0;
        double lowerCount = 0;
        for (final Map.Entry<Double, Double> bucket : delta.entrySet()) {
            if (bucket.getValue() >= rank) {
                if (bucket.getKey().isInfinite()) {
                    return lowerBound;
                }
                final double inBucket = bucket.getValue() - lowerCount;
                return lowerBound + (bucket.getKey() - lowerBound) * (inBucket == 0 ? 1 : (rank - lowerCount) / inBucket);
            }
            lowerBound = bucket.getKey();
            lowerCount = bucket.getValue();
        }
        return lowerBound;
    }
}
