package dev.cardgate.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JMH's {@code -rf csv} result file: one line per primary result and per secondary one
 * (a profiler's {@code :gc.alloc.rate.norm}, a sample-time percentile {@code :p0.50}), with
 * the benchmark's parameters in trailing {@code Param: name} columns.
 */
public final class JmhCsv {
    /**
     * One line of the file.
     *
     * @param benchmark class and method without the package, e.g. {@code CodecBenchmark.decodeRequest}
     * @param metric    empty for the primary result, else the secondary's name ({@code gc.alloc.rate.norm}, {@code p0.50})
     * @param params    the benchmark's parameters that are set on this line, in the file's column order
     */
    public record Row(String benchmark, String metric, String mode, double score, double error, String unit,
        Map<String, String> params) {
        /** The class's simple name. */
        public String className() {
            return benchmark.substring(0, benchmark.indexOf('.'));
        }

        /** The method's name. */
        public String method() {
            return benchmark.substring(benchmark.indexOf('.') + 1);
        }
    }

    private static final String PARAM_PREFIX = "Param: ";

    private JmhCsv() {
    }

    /** @param lines the file's lines, header first */
    public static List<Row> parse(final List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).startsWith("\"Benchmark\"")) {
            throw new IllegalArgumentException("not a JMH csv result: the first line is not its header");
        }
        final List<String> header = cells(lines.get(0));
        final List<Row> rows = new ArrayList<>();
        for (final String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            final List<String> cells = cells(line);
            final String fullName = cells.get(0);
            final int colon = fullName.indexOf(':');
            final String qualified = colon < 0 ? fullName : fullName.substring(0, colon);
            final String[] parts = qualified.split("\\.");
            final Map<String, String> params = new LinkedHashMap<>();
            for (int i = 7; i < header.size() && i < cells.size(); i++) {
                if (!cells.get(i).isEmpty()) {
                    params.put(header.get(i).replace(PARAM_PREFIX, ""), cells.get(i));
                }
            }
            rows.add(new Row(parts[parts.length - 2] + "." + parts[parts.length - 1],
                colon < 0 ? "" : fullName.substring(colon + 1), cells.get(1), number(cells.get(4)),
                number(cells.get(5)), cells.get(6), params));
        }
        return rows;
    }

    private static double number(final String cell) {
        return "NaN".equals(cell) || cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
    }

    /** Splits a CSV line on commas outside double quotes, and unquotes. */
    static List<String> cells(final String line) {
        final List<String> cells = new ArrayList<>();
        final StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            final char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            }
            else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
