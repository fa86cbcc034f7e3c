package dev.cardgate.engine.cli;

import java.io.IOException;
import java.io.PrintStream;

import picocli.CommandLine.Parameters;

/** The PAN parameter of the block commands: the card number, or {@code -} or nothing for standard input. */
final class PanParameter {
    @Parameters(index = "0", arity = "0..1", paramLabel = "PAN",
        description = "the card number; - or nothing: read it from standard input (keeps it out of the shell history)")
    private String argument;

    /** True when a PAN (or -) was given as the argument. */
    boolean given() {
        return argument != null;
    }

    /** The PAN, checked ({@link PanInput#read}). */
    String read(final PrintStream err) throws IOException {
        return PanInput.read(argument, err);
    }
}
