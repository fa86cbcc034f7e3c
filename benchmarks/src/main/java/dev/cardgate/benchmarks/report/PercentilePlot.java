package dev.cardgate.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws latency against percentile, one line per run, as a self-contained HTML page with an
 * inline SVG (no script, nothing fetched), so runs can be looked at and compared side by side.
 * The percentile axis is logarithmic in 1/(1-p), as HdrHistogram's plots are: 90%, 99%, 99.9%
 * ... stand equally apart, so the tail is as visible as the median. The latency axis is
 * logarithmic too, in decades, so that runs ten times apart can both be read.
 *
 * <pre>
 *   java -cp benchmarks.jar dev.cardgate.benchmarks.report.PercentilePlot out.html "title" a.hgrm b.hgrm ...
 * </pre>
 */
public final class PercentilePlot {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 500;
    private static final int MARGIN_LEFT = 80;
    private static final int MARGIN_RIGHT = 220;
    private static final int MARGIN_TOP = 40;
    private static final int MARGIN_BOTTOM = 50;
    private static final int MAX_NINES = 6;
    private static final String[] COLOURS = {
        "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#17becf", "#bcbd22"
    };

    private PercentilePlot() {
    }

    public static void main(final String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: PercentilePlot OUTPUT.html TITLE FILE.hgrm [FILE.hgrm ...]");
            System.exit(2);
        }
        final List<PercentileDistribution> runs = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            runs.add(PercentileDistribution.read(Path.of(args[i])));
        }
        Files.writeString(Path.of(args[0]), html(args[1], "microseconds", runs), StandardCharsets.UTF_8);
    }

    /** The page: {@code unit} names what the .hgrm values are in. */
    public static String html(final String title, final String unit, final List<PercentileDistribution> runs) {
        final StringBuilder page = new StringBuilder(16_384);
        page.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(escape(title))
            .append("</title></head>\n<body style=\"font-family: sans-serif\">\n<h2>").append(escape(title)).append("</h2>\n");
        svg(page, unit, runs);
        page.append("\n</body></html>\n");
        return page.toString();
    }

    private static void svg(final StringBuilder out, final String unit, final List<PercentileDistribution> runs) {
        final double maxValue = Math.max(1, runs.stream()
            .flatMap(run -> run.points().stream()).mapToDouble(point -> point[0]).max().orElse(1));
        final double minValue = Math.max(1, runs.stream()
            .flatMap(run -> run.points().stream()).mapToDouble(point -> point[0]).min().orElse(1));
        final int lowDecade = (int)Math.floor(Math.log10(minValue));
        final int decades = Math.max(1, (int)Math.ceil(Math.log10(maxValue)) - lowDecade);
        final int plotWidth = WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
        final int plotHeight = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM;
        out.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\">%n",
            WIDTH, HEIGHT));
        for (int nines = 0; nines <= MAX_NINES; nines++) {
            final double x = MARGIN_LEFT + plotWidth * nines / (double)MAX_NINES;
            out.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">%s</text>%n",
                x, MARGIN_TOP, x, MARGIN_TOP + plotHeight, x, MARGIN_TOP + plotHeight + 18, percentileLabel(nines)));
        }
        for (int decade = 0; decade <= decades; decade++) {
            final double y = MARGIN_TOP + plotHeight - plotHeight * decade / (double)decades;
            out.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" font-size=\"12\" text-anchor=\"end\">%s</text>%n",
                MARGIN_LEFT, y, MARGIN_LEFT + plotWidth, y, MARGIN_LEFT - 6, y + 4,
                number(Math.pow(10, lowDecade + decade))));
        }
        out.append(String.format(Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" font-size=\"13\" text-anchor=\"middle\">percentile</text>%n"
                + "<text x=\"16\" y=\"%d\" font-size=\"13\" transform=\"rotate(-90 16 %d)\" text-anchor=\"middle\">latency (%s)</text>%n",
            MARGIN_LEFT + plotWidth / 2, HEIGHT - 8, MARGIN_TOP + plotHeight / 2, MARGIN_TOP + plotHeight / 2, escape(unit)));
        for (int r = 0; r < runs.size(); r++) {
            final String colour = COLOURS[r % COLOURS.length];
            out.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour).append("\" points=\"");
            for (final double[] point : runs.get(r).points()) {
                final double nines = Math.min(MAX_NINES, -Math.log10(1 - point[1]));
                out.append(String.format(Locale.ROOT, "%.1f,%.1f ",
                    MARGIN_LEFT + plotWidth * nines / MAX_NINES,
                    MARGIN_TOP + plotHeight
                        - plotHeight * (Math.log10(Math.max(point[0], 1)) - lowDecade) / decades));
            }
            out.append("\"/>\n");
            out.append(String.format(Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"4\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>%n",
                WIDTH - MARGIN_RIGHT + 16, MARGIN_TOP + 20 * r + 2, colour,
                WIDTH - MARGIN_RIGHT + 36, MARGIN_TOP + 20 * r + 8, escape(runs.get(r).name())));
        }
        out.append("</svg>");
    }

    /** 0%, 90%, 99%, 99.9%, ...: the percentile with {@code nines} nines. */
    private static String percentileLabel(final int nines) {
        if (nines < 2) {
            return nines == 0 ? "0%" : "90%";
        }
        return "99" + (nines > 2 ? "." + "9".repeat(nines - 2) : "") + "%";
    }

    private static String number(final double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(final String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
