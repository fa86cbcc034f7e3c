package dev.cardgate.engine.terminal;

import java.nio.file.Path;

/** What an import did: terminals added and terminals whose registration it replaced. */
public record TerminalImportReport(Path file, int added, int replaced) {
    @Override
    public String toString() {
        return file + ": " + added + " terminals added, " + replaced + " replaced";
    }
}
