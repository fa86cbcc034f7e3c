package dev.cardgate.benchmarks.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The front-end table of RESULTS.md from the load generator's {@code summary.tsv}: one row per
 * server and run, and on each cardgate row its ratios to the jPOS row of the same run (same wire
 * format, mode, connections and offered rate). An open-loop run that did not reach 95% of its
 * offered rate is marked saturated: its percentiles grow with the run's length and mean nothing.
 */
public final class LoadTables {
    static final String BASELINE_SERVER = "jpos";
    private static final double SATURATED_SHARE = 0.95;

    private LoadTables() {
    }

    /** @param tsv the lines of summary.tsv, header first */
    public static String markdown(final List<String> tsv) {
        final List<Map<String, String>> rows = rows(tsv);
        final Map<String, Map<String, String>> baselines = new HashMap<>();
        for (final Map<String, String> row : rows) {
            if (BASELINE_SERVER.equals(row.get("server"))) {
                baselines.put(runKey(row), row);
            }
        }
        final StringBuilder table = new StringBuilder();
        table.append("| server | wire | mode | connections | offered/s | achieved/s | p50 µs | p99 µs | p99.9 µs "
            + "| max µs | send lag p99 µs | answers by field 39 | load average | achieved ÷ jPOS | p50 ÷ jPOS "
            + "| p99 ÷ jPOS |\n");
        table.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|---:|---:|\n");
        for (final Map<String, String> row : rows) {
            final boolean saturated = saturated(row);
            final Map<String, String> baseline = BASELINE_SERVER.equals(row.get("server")) ? null
                : baselines.get(runKey(row));
            table.append("| ").append(row.get("server"))
                .append(" | ").append(row.get("wire"))
                .append(" | ").append(row.get("mode"))
                .append(" | ").append(row.get("connections"))
                .append(" | ").append("0".equals(row.get("offered_per_s")) ? "max" : grouped(row.get("offered_per_s")))
                .append(" | ").append(grouped(row.get("achieved_per_s")))
                .append(" | ").append(saturated ? "saturated" : row.get("p50_us"))
                .append(" | ").append(saturated ? "" : row.get("p99_us"))
                .append(" | ").append(saturated ? "" : row.get("p99_9_us"))
                .append(" | ").append(saturated ? "" : row.get("max_us"))
                .append(" | ").append(row.get("send_lag_p99_us"))
                .append(" | ").append(row.get("codes"))
                .append(" | ").append(row.get("load_average"))
                .append(" | ").append(ratio(row, baseline, "achieved_per_s", false))
                .append(" | ").append(ratio(row, baseline, "p50_us", true))
                .append(" | ").append(ratio(row, baseline, "p99_us", true))
                .append(" |\n");
        }
        return table.toString();
    }

    private static List<Map<String, String>> rows(final List<String> tsv) {
        if (tsv.isEmpty()) {
            throw new IllegalArgumentException("the load summary is empty: no header, no run");
        }
        final String[] header = tsv.get(0).split("\t");
        final List<Map<String, String>> rows = new ArrayList<>();
        for (final String line : tsv.subList(1, tsv.size())) {
            if (line.isBlank()) {
                continue;
            }
            final String[] cells = line.split("\t", -1);
            if (cells.length != header.length) {
                throw new IllegalArgumentException("load summary row has " + cells.length + " cells, the header "
                    + header.length + ": " + line);
            }
            final Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    private static String runKey(final Map<String, String> row) {
        return row.get("wire") + "/" + row.get("mode") + "/" + row.get("connections") + "/" + row.get("offered_per_s");
    }

    private static boolean saturated(final Map<String, String> row) {
        final double offered = Double.parseDouble(row.get("offered_per_s"));
        return offered > 0 && Double.parseDouble(row.get("achieved_per_s")) < SATURATED_SHARE * offered;
    }

    /** This row's value over the baseline's, or blank without a baseline or when either percentile means nothing. */
    private static String ratio(final Map<String, String> row, final Map<String, String> baseline, final String column,
        final boolean percentile) {
        if (baseline == null || percentile && (saturated(row) || saturated(baseline))) {
            return "";
        }
        final double base = Double.parseDouble(baseline.get(column));
        return base > 0 ? String.format(Locale.ROOT, "%.2f", Double.parseDouble(row.get(column)) / base) : "";
    }

    private static String grouped(final String number) {
        return String.format(Locale.ROOT, "%,d", Math.round(Double.parseDouble(number)));
    }
}
