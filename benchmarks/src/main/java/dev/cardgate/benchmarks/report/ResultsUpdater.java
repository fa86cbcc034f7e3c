package dev.cardgate.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites the generated sections of RESULTS.md, each between its two marker lines
 * {@code <!-- generated NAME begin -->} and {@code <!-- generated NAME end -->}, and leaves every
 * other line as it is. A section is filled from a file, rendered by kind:
 *
 * <ul>
 *   <li>{@code jmh}: JMH {@code -rf csv} results (files separated by commas), as {@link JmhTables};</li>
 *   <li>{@code load}: the load generator's {@code summary.tsv}, as {@link LoadTables};</li>
 *   <li>{@code text}: any text (a harness's printed table, the machine's description), fenced.</li>
 * </ul>
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.cardgate.benchmarks.report.ResultsUpdater \
 *     benchmarks/RESULTS.md NAME=KIND:FILE ...
 * </pre>
 */
public final class ResultsUpdater {
    private ResultsUpdater() {
    }

    public static void main(final String[] arguments) throws IOException {
        if (arguments.length < 2) {
            System.err.println("usage: ResultsUpdater RESULTS.md NAME=KIND:FILE ...   (KIND: jmh, load or text)");
            System.exit(2);
        }
        final Path results = Path.of(arguments[0]);
        String document = Files.readString(results, StandardCharsets.UTF_8);
        for (int i = 1; i < arguments.length; i++) {
            final String argument = arguments[i];
            final int equals = argument.indexOf('=');
            final int colon = argument.indexOf(':', equals + 1);
            if (equals < 1 || colon < 0) {
                throw new IllegalArgumentException("not NAME=KIND:FILE: " + argument);
            }
            document = replaceSection(document, argument.substring(0, equals),
                render(argument.substring(equals + 1, colon), argument.substring(colon + 1)));
        }
        Files.writeString(results, document, StandardCharsets.UTF_8);
    }

    /** @param source a file; for {@code jmh}, one or more separated by commas, rendered as one result */
    static String render(final String kind, final String source) throws IOException {
        switch (kind) {
            case "jmh":
                final List<JmhCsv.Row> rows = new ArrayList<>();
                for (final String file : source.split(",")) {
                    rows.addAll(JmhCsv.parse(Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)));
                }
                return JmhTables.markdown(rows);
            case "load":
                return LoadTables.markdown(Files.readAllLines(Path.of(source), StandardCharsets.UTF_8));
            case "text":
                return "```\n" + Files.readString(Path.of(source), StandardCharsets.UTF_8).stripTrailing() + "\n```\n";
            default:
                throw new IllegalArgumentException("unknown kind " + kind + "; known: jmh, load, text");
        }
    }

    /**
     * {@code document} with the lines between the section's markers replaced by {@code content}.
     *
     * @throws IllegalArgumentException naming the marker when either is missing or out of order
     */
    static String replaceSection(final String document, final String name, final String content) {
        final String begin = "<!-- generated " + name + " begin -->\n";
        final String end = "<!-- generated " + name + " end -->";
        final int from = document.indexOf(begin);
        final int to = document.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("RESULTS.md has no section '" + begin.trim() + "' ... '" + end + "'");
        }
        final String body = content.endsWith("\n") ? content : content + "\n";
        return document.substring(0, from + begin.length()) + body + document.substring(to);
    }
}
