package dev.cardgate.engine.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import dev.cardgate.engine.terminal.TerminalImportException;
import dev.cardgate.engine.terminal.TerminalImportReport;
import dev.cardgate.engine.terminal.TerminalRegistry;
import dev.cardgate.engine.token.SafeEcho;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cardgate terminal import}: bulk import with {@code TerminalRegistry.importFile}, showing progress. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Add or replace the terminals of a CSV file, one terminal a line: terminalId,merchantId,mcc,"
        + "country,region,group,status,model,softwareVersion,signOnRequired (docs/rules.md). The whole file is "
        + "checked first: with any bad line, every one is reported and nothing is imported."},
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {"0:imported", "1:the registry is full or cannot be used",
        "2:bad lines (nothing imported), the file is missing, or bad configuration"})
final class TerminalImportCommand extends OperatorCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "the terminals file (US-ASCII)")
    private Path file;

    @Override
    int execute(final PrintStream out, final PrintStream err) {
        InputFiles.requireReadable(file, "terminal import file");
        try (TerminalRegistry registry = OperatorFiles.terminals(configuration(), true)) {
            final TerminalImportReport report;
            try {
                report = ImportProgressPrinter.showWhile(progress -> registry.importFile(file, progress));
            }
            catch (final TerminalImportException badLines) {
                badLines.problems().forEach(problem -> err.println(SafeEcho.visible(problem)));
                out.println(file + ": 0 added, 0 updated, 0 unchanged, " + badLines.problems().size()
                    + " rejected: nothing imported (a file is checked whole first); mend the lines and import again");
                return BAD_INPUT;
            }
            out.println(file + ": " + report.added() + " added, " + report.replaced() + " updated, "
                + report.unchanged() + " unchanged, 0 rejected");
        }
        return OK;
    }
}
