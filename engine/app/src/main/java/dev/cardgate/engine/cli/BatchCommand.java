package dev.cardgate.engine.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code cardgate batch [FILE|-]}: runs operator commands, one a line, in this one JVM: the
 * JVM starts once, and the maps are opened (or the running engine connected to) once for the
 * whole batch ({@link OperatorSession}). Each line is what would follow {@code cardgate} on a
 * command line (words split at spaces; '...' or "..." keep spaces; # starts a comment line).
 * Each command prints what it prints alone.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
    description = {"Run operator commands, one a line (e.g. block check 4111111111111111), from a file or standard "
        + "input, in one JVM: the maps are opened once, or the running engine connected to once.",
        "A PAN in a batch file is as clear as on a command line: keep the file owner-only, or use block add|remove "
            + "--file for lists of cards."},
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {"0:every command exited 0", "1-3:the highest exit status of the commands (each failure is "
        + "named on standard error with its line)", "2:no such file, a line that cannot be split, or a batch within "
        + "a batch"})
final class BatchCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-", defaultValue = "-",
        description = "the commands (default: standard input)")
    private String file;

    @Override
    public Integer call() throws IOException {
        final PrintStream err = System.err;
        if (OperatorSession.inBatch()) {
            err.println("cardgate batch: a batch cannot run another batch");
            return OperatorCommand.BAD_INPUT;
        }
        final String source = "-".equals(file) ? "standard input" : file;
        int worst = OperatorCommand.OK;
        OperatorSession.beginBatch();
        try (BufferedReader lines = open()) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                final String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                final List<String> words = split(text);
                if (words == null) {
                    err.println(source + ":" + number + ": an opening quote is not closed");
                    worst = Math.max(worst, OperatorCommand.BAD_INPUT);
                    continue;
                }
                final int status = new CommandLine(new CardgateCommand()).execute(words.toArray(String[]::new));
                if (status != 0) {
                    err.println(source + ":" + number + ": " + words.get(0) + (words.size() > 1 ? " " + words.get(1)
                        : "") + " exited " + status);
                    worst = Math.max(worst, status);
                }
                System.out.flush();
            }
        }
        finally {
            OperatorSession.endBatch();
        }
        return worst;
    }

    private BufferedReader open() throws IOException {
        if ("-".equals(file)) {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        return Files.newBufferedReader(InputFiles.requireReadable(Path.of(file), "batch file"),
            StandardCharsets.UTF_8);
    }

    /** Words at spaces; '...' and "..." keep what they hold whole. Null when a quote is not closed. */
    static List<String> split(final String line) {
        final List<String> words = new ArrayList<>();
        final StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            final char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                else {
                    word.append(c);
                }
            }
            else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            }
            else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            }
            else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            return null;
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
