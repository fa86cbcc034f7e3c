package dev.cardgate.engine.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import dev.cardgate.engine.token.MaskedPan;
import dev.cardgate.engine.token.PanFormat;
import picocli.CommandLine.Option;

/**
 * {@code --file FILE|-}: the cards of a list, one PAN a line (blank lines and lines starting
 * with # skipped), from a file or standard input, for {@code block add} and {@code block remove}
 * in one call. Each card is checked (12 to 19 digits, Luhn) and handed to the command's action;
 * a bad line is reported as {@code FILE:LINE: reason}, never repeating it. Prints one line per
 * card (outcome, masked PAN, token) and a summary of the outcomes.
 */
final class CardListOption {
    @Option(names = "--file", paramLabel = "FILE|-",
        description = "a list of cards, one PAN a line (- for standard input), instead of one PAN")
    private String file;

    /** What the command did with one card: an outcome word for the summary, and the token. */
    record Done(String outcome, String token) {
    }

    @FunctionalInterface
    interface CardAction {
        Done apply(String pan) throws IOException;
    }

    boolean given() {
        return file != null;
    }

    /**
     * Applies {@code action} to each card of the list.
     *
     * @return 0 when every line was applied; 1 when one was refused (the blocklist full); else 2
     *     when a line was rejected
     */
    int forEachCard(final PrintStream out, final PrintStream err, final CardAction action) throws IOException {
        final String source = "-".equals(file) ? "standard input" : file;
        final Map<String, Integer> outcomes = new TreeMap<>();
        int cards = 0;
        int rejected = 0;
        int refused = 0;
        try (BufferedReader lines = open()) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                final String pan = line.strip();
                if (pan.isEmpty() || pan.startsWith("#")) {
                    continue;
                }
                cards++;
                final String problem = PanFormat.describeProblem(pan);
                if (problem != null) {
                    err.println(source + ":" + number + ": " + problem);
                    rejected++;
                    continue;
                }
                try {
                    final Done done = action.apply(pan);
                    outcomes.merge(done.outcome(), 1, Integer::sum);
                    out.println(done.outcome() + " " + MaskedPan.mask(pan) + " " + done.token());
                }
                catch (final OperatorFailure failure) {
                    err.println(source + ":" + number + ": " + failure.getMessage());
                    if (failure.exitStatus() == OperatorCommand.REFUSED) {
                        refused++;
                    }
                    else {
                        rejected++;
                    }
                }
            }
        }
        final StringBuilder summary = new StringBuilder(source).append(": ").append(cards).append(" cards");
        outcomes.forEach((outcome, count) -> summary.append(", ").append(count).append(' ').append(outcome));
        summary.append(", ").append(rejected).append(" rejected");
        if (refused > 0) {
            summary.append(", ").append(refused).append(" refused");
        }
        out.println(summary);
        return refused > 0 ? OperatorCommand.REFUSED : rejected > 0 ? OperatorCommand.BAD_INPUT : OperatorCommand.OK;
    }

    private BufferedReader open() throws IOException {
        if ("-".equals(file)) {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        }
        return Files.newBufferedReader(InputFiles.requireReadable(Path.of(file), "list of cards"),
            StandardCharsets.US_ASCII);
    }
}
