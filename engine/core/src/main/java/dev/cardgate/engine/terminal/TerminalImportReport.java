package dev.cardgate.engine.terminal;

import java.nio.file.Path;

/**
 * What an import did: terminals added, terminals whose registration it replaced, and terminals
 * registered already with the same settings (left as they were).
 */
public record TerminalImportReport(Path file, int added, int replaced, int unchanged) {
    @Override
    public String toString() {
        return file + ": " + added + " terminals added, " + replaced + " replaced, " + unchanged + " unchanged";
    }
}
