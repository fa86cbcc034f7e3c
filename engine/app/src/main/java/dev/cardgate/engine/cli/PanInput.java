package dev.cardgate.engine.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

import dev.cardgate.engine.token.PanFormat;

/**
 * Where an operator command gets a PAN: the argument, or, for {@code -} or no argument,
 * standard input (typed without echo on a terminal), so that it stays out of the shell's
 * history. The PAN is checked at once (12 to 19 digits, Luhn) and never repeated: messages show
 * it masked at most.
 */
final class PanInput {
    /** Longer than any PAN with spaces around it: a longer line is not a PAN. */
    private static final int MAX_LINE = 64;

    private PanInput() {
    }

    /**
     * A PAN that may be listed: 12 to 19 digits with a valid Luhn check digit.
     *
     * @throws OperatorFailure (bad input) when no PAN is given or it is not a valid PAN
     */
    static String read(final String argument, final PrintStream err) throws IOException {
        final String pan = readText(argument, err);
        final String problem = PanFormat.describeProblem(pan);
        if (problem != null) {
            throw new OperatorFailure(OperatorCommand.BAD_INPUT, problem
                + ": give the card number, 12 to 19 digits with its check digit, without spaces");
        }
        return pan;
    }

    /**
     * A PAN to search for: 12 to 19 digits, the check digit not checked (a mistyped card number
     * is journaled too, and an operator may look for it).
     *
     * @throws OperatorFailure (bad input) when no PAN is given or it is not 12 to 19 digits
     */
    static String readDigits(final String argument, final PrintStream err) throws IOException {
        final String pan = readText(argument, err);
        if (!PanFormat.isWellFormed(pan)) {
            throw new OperatorFailure(OperatorCommand.BAD_INPUT, "the PAN given is not " + PanFormat.MIN_LENGTH
                + " to " + PanFormat.MAX_LENGTH + " digits: give the card number without spaces");
        }
        return pan;
    }

    private static String readText(final String argument, final PrintStream err) throws IOException {
        final String pan;
        if (argument != null && !"-".equals(argument)) {
            if (!OperatorSession.inBatch()) {
                printHistoryNote(err);
            }
            pan = argument.strip();
        }
        else {
            pan = fromStandardInput();
        }
        return pan;
    }

    private static void printHistoryNote(final PrintStream err) {
        err.println("note: a PAN on the command line stays in the shell's history; give - (or nothing) to read it "
            + "from standard input");
    }

    private static String fromStandardInput() throws IOException {
        final Console console = System.console();
        if (console != null) {
            final char[] typed = console.readPassword("PAN (not shown): ");
            return typed == null ? "" : new String(typed).strip();
        }
        final InputStream in = System.in;
        final StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (line.length() == MAX_LINE) {
                throw new OperatorFailure(OperatorCommand.BAD_INPUT, "the first line of standard input is longer than "
                    + MAX_LINE + " characters: it is not a PAN; give one PAN on one line");
            }
            line.append((char)c);
        }
        if (line.length() == 0 && c < 0) {
            throw new OperatorFailure(OperatorCommand.BAD_INPUT, "no PAN given: write it on standard input "
                + "(e.g. from a file: < pan.txt), or give it as the argument");
        }
        return line.toString().strip();
    }
}
