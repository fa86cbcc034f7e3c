package dev.cardgate.benchmarks.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The JMH tables of RESULTS.md from a {@code -rf csv} result: one table per benchmark class, a
 * row per method and parameters, with the score and its error, the percentiles of sample-time
 * benchmarks, {@code gc.alloc.rate.norm}, and the ratio to the row's baseline in the same run
 * ({@link JmhBaselines}): medians for sample-time benchmarks, scores otherwise.
 */
public final class JmhTables {
    /** A benchmark (class.method) with its parameters. */
    record Key(String benchmark, Map<String, String> params) {
    }

    /** The order of the list: codec, token, blocklist, check chain, journal, engine; any other after. */
    private static final List<String> CLASS_ORDER = List.of("CodecBenchmark", "PanTokenizerBenchmark",
        "BlocklistLookupBenchmark", "CheckChainBenchmark", "JournalAppendBenchmark", "JournalRoundTripBenchmark",
        "EngineRoundTripBenchmark");

    private JmhTables() {
    }

    public static String markdown(final List<JmhCsv.Row> rows) {
        final Map<Key, Map<String, JmhCsv.Row>> results = new LinkedHashMap<>();
        for (final JmhCsv.Row row : rows) {
            results.computeIfAbsent(new Key(row.benchmark(), row.params()), key -> new LinkedHashMap<>())
                .put(row.metric(), row);
        }
        final Map<String, List<Key>> byClass = new LinkedHashMap<>();
        results.keySet().forEach(key -> byClass.computeIfAbsent(className(key), name -> new ArrayList<>()).add(key));
        final List<Map.Entry<String, List<Key>>> classes = new ArrayList<>(byClass.entrySet());
        classes.sort(Comparator.comparingInt(entry -> rank(entry.getKey())));
        final StringBuilder out = new StringBuilder();
        for (final Map.Entry<String, List<Key>> entry : classes) {
            out.append("#### ").append(entry.getKey()).append("\n\n");
            table(out, entry.getValue(), results);
            out.append('\n');
        }
        return out.toString();
    }

    private static void table(final StringBuilder out, final List<Key> keys, final Map<Key, Map<String, JmhCsv.Row>> results) {
        out.append("| benchmark | parameters | mode | score | ± 99.9% | p50 | p99 | p99.9 | unit "
            + "| gc.alloc.rate.norm B/op | compared with | ratio |\n");
        out.append("|---|---|---|---:|---:|---:|---:|---:|---|---:|---|---:|\n");
        for (final Key key : keys) {
            final Map<String, JmhCsv.Row> metrics = results.get(key);
            final JmhCsv.Row primary = metrics.get("");
            if (primary == null) {
                continue;
            }
            final Key baselineKey = JmhBaselines.baselineOf(key.benchmark(), key.params());
            final Map<String, JmhCsv.Row> baseline = baselineKey == null ? null : results.get(baselineKey);
            out.append("| ").append(key.benchmark().substring(key.benchmark().indexOf('.') + 1))
                .append(" | ").append(parameters(key.params()))
                .append(" | ").append(primary.mode())
                .append(" | ").append(number(primary.score()))
                .append(" | ").append(number(primary.error()))
                .append(" | ").append(metric(metrics, "p0.50"))
                .append(" | ").append(metric(metrics, "p0.99"))
                .append(" | ").append(metric(metrics, "p0.999"))
                .append(" | ").append(primary.unit())
                .append(" | ").append(metric(metrics, "gc.alloc.rate.norm"))
                .append(" | ").append(baseline == null ? "" : describe(key, baselineKey))
                .append(" | ").append(baseline == null ? "" : ratio(metrics, baseline))
                .append(" |\n");
        }
    }

    private static int rank(final String className) {
        final int index = CLASS_ORDER.indexOf(className);
        return index < 0 ? CLASS_ORDER.size() : index;
    }

    private static String className(final Key key) {
        return key.benchmark().substring(0, key.benchmark().indexOf('.'));
    }

    /** The baseline by what differs from the row: its method, or its parameters. */
    private static String describe(final Key row, final Key baseline) {
        if (!row.benchmark().equals(baseline.benchmark())) {
            return baseline.benchmark().substring(baseline.benchmark().indexOf('.') + 1);
        }
        return baseline.params().entrySet().stream()
            .filter(entry -> !entry.getValue().equals(row.params().get(entry.getKey())))
            .map(entry -> entry.getKey() + "=" + entry.getValue())
            .collect(Collectors.joining(" "));
    }

    /** Median over median for sample-time results, score over score otherwise. */
    private static String ratio(final Map<String, JmhCsv.Row> row, final Map<String, JmhCsv.Row> baseline) {
        final String metric = row.containsKey("p0.50") && baseline.containsKey("p0.50") ? "p0.50" : "";
        if (!baseline.containsKey(metric)) {
            return "";
        }
        final double base = baseline.get(metric).score();
        return base > 0 ? String.format(Locale.ROOT, "%.2f", row.get(metric).score() / base) : "";
    }

    private static String metric(final Map<String, JmhCsv.Row> metrics, final String name) {
        final JmhCsv.Row row = metrics.get(name);
        return row == null ? "" : number(row.score());
    }

    private static String parameters(final Map<String, String> params) {
        return params.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
            .collect(Collectors.joining(" "));
    }

    /** Whole numbers from 100 up (thousands grouped), three or four significant figures below; blank for NaN. */
    static String number(final double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        final double magnitude = Math.abs(value);
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f", value);
    }
}
