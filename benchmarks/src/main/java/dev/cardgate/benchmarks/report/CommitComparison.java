package dev.cardgate.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table of {@code benchmarks/compare.sh}: the same JMH benchmarks run from two builds on the
 * same machine in one sitting, paired by benchmark and parameters, with the later build's score
 * as a ratio of the earlier one's and both builds' bytes allocated per operation.
 *
 * <p>Each build ran twice, interleaved (base, current, base, current), so that a drift of the
 * shared machine's speed during the sitting falls on both; the ratio is that of the two runs'
 * mean scores, and the spread column gives each build's two scores, so a reader sees how much
 * of a ratio is noise.
 *
 * <p>Usage: {@code CommitComparison BASE_LABEL CURRENT_LABEL base-1.csv,base-2.csv current-1.csv,current-2.csv}
 */
public final class CommitComparison {
    /** A benchmark with its parameters: what pairs a row of one build with the other's. */
    record Key(String benchmark, Map<String, String> params) {
    }

    /** The scores of one key in one build, one per run, and its allocation per operation. */
    static final class Scores {
        final List<Double> scores = new ArrayList<>();
        String unit = "";
        String mode = "";
        double bytesPerOperation = Double.NaN;

        double mean() {
            return scores.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }
    }

    private CommitComparison() {
    }

    public static void main(final String[] arguments) throws IOException {
        if (arguments.length != 4) {
            System.err.println("usage: CommitComparison BASE_LABEL CURRENT_LABEL BASE_CSVS CURRENT_CSVS (comma-separated)");
            System.exit(2);
        }
        System.out.print(markdown(arguments[0], arguments[1], read(arguments[2]), read(arguments[3])));
    }

    private static Map<Key, Scores> read(final String files) throws IOException {
        final List<List<String>> contents = new ArrayList<>();
        for (final String file : files.split(",")) {
            contents.add(Files.readAllLines(Path.of(file)));
        }
        return scores(contents);
    }

    /** The scores of one build: {@code runs} holds the lines of each run's csv file. */
    static Map<Key, Scores> scores(final List<List<String>> runs) {
        final Map<Key, Scores> byKey = new LinkedHashMap<>();
        for (final List<String> run : runs) {
            for (final JmhCsv.Row row : JmhCsv.parse(run)) {
                final Scores scores = byKey.computeIfAbsent(new Key(row.benchmark(), row.params()), key -> new Scores());
                if (row.metric().isEmpty()) {
                    scores.scores.add(row.score());
                    scores.unit = row.unit();
                    scores.mode = row.mode();
                }
                else if ("gc.alloc.rate.norm".equals(row.metric())) {
                    scores.bytesPerOperation = row.score();
                }
            }
        }
        return byKey;
    }

    /** The table: one row per key present in both builds, in the base build's order. */
    static String markdown(final String baseLabel, final String currentLabel, final Map<Key, Scores> base,
        final Map<Key, Scores> current) {
        final StringBuilder out = new StringBuilder();
        out.append("| benchmark | parameters | mode | unit | ").append(baseLabel).append(" | ").append(currentLabel)
            .append(" | ratio | faster is | ").append(baseLabel).append(" B/op | ").append(currentLabel)
            .append(" B/op | runs (").append(baseLabel).append(" / ").append(currentLabel).append(") |\n");
        out.append("|---|---|---|---|---:|---:|---:|---|---:|---:|---|\n");
        for (final Map.Entry<Key, Scores> entry : base.entrySet()) {
            final Scores after = current.get(entry.getKey());
            final Scores before = entry.getValue();
            if (after == null || before.scores.isEmpty() || after.scores.isEmpty()) {
                continue;
            }
            final boolean higherIsBetter = "thrpt".equals(before.mode);
            out.append("| ").append(entry.getKey().benchmark()).append(" | ").append(parameters(entry.getKey()))
                .append(" | ").append(before.mode).append(" | ").append(before.unit)
                .append(" | ").append(number(before.mean())).append(" | ").append(number(after.mean()))
                .append(" | ").append(String.format(Locale.ROOT, "%.2f", after.mean() / before.mean()))
                .append(" | ").append(higherIsBetter ? "higher" : "lower")
                .append(" | ").append(number(before.bytesPerOperation)).append(" | ").append(number(after.bytesPerOperation))
                .append(" | ").append(runs(before)).append(" / ").append(runs(after)).append(" |\n");
        }
        return out.toString();
    }

    private static String parameters(final Key key) {
        final StringBuilder text = new StringBuilder();
        key.params().forEach((name, value) -> text.append(text.length() == 0 ? "" : ", ").append(name).append('=').append(value));
        return text.toString();
    }

    private static String runs(final Scores scores) {
        final StringBuilder text = new StringBuilder();
        scores.scores.forEach(score -> text.append(text.length() == 0 ? "" : " ").append(number(score)));
        return text.toString();
    }

    private static String number(final double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
            : String.format(Locale.ROOT, "%.3f", value);
    }
}
