package dev.cardgate.engine.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One run of the {@code cardgate} command in this JVM, as an operator would type it, with what
 * it printed on standard output and error and its exit status. Standard input is {@code stdin}.
 */
record OperatorRun(int status, String out, String err) {
    static synchronized OperatorRun withInput(final String stdin, final String... arguments) {
        final InputStream originalIn = System.in;
        final PrintStream originalOut = System.out;
        final PrintStream originalErr = System.err;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.US_ASCII)));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            final int status = CardgateCommand.execute(arguments);
            return new OperatorRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
        finally {
            System.setIn(originalIn);
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    static OperatorRun run(final String... arguments) {
        return withInput("", arguments);
    }

    /** For assertion messages. */
    String printed() {
        return "exit " + status + "\n--- out\n" + out + "--- err\n" + err;
    }
}
