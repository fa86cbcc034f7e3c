package dev.cardgate.engine.cli;

import picocli.CommandLine.Parameters;

/** The terminal id parameter of the terminal commands. */
final class TerminalIdParameter {
    @Parameters(index = "0", paramLabel = "TERMINAL-ID", description = "field 41, 1 to 8 characters")
    private String terminalId;

    /** The id, checked ({@link TerminalIds#check}). */
    String checked() {
        return TerminalIds.check(terminalId);
    }
}
