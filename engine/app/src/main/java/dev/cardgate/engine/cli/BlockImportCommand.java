package dev.cardgate.engine.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import dev.cardgate.engine.blocklist.BlocklistStore;
import dev.cardgate.engine.blocklist.ImportReport;
import dev.cardgate.engine.blocklist.RejectedLine;
import dev.cardgate.engine.token.SafeEcho;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cardgate block import}: bulk import with {@code BlocklistStore.importFile}, showing progress. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Add or update the cards of a file, one PAN,REASON[,EXPIRES][,REFERENCE] a line "
        + "(docs/blocklist.md). Every bad line is reported with its number and why; the good lines are applied. "
        + "Importing the same file again changes nothing."},
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {"0:every line applied", "1:the blocklist is full (lines were not applied for want of room), or "
        + "cannot be used", "2:some lines were rejected (the others are applied), the file is missing, or bad "
        + "configuration"})
final class BlockImportCommand extends OperatorCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "the import file (US-ASCII)")
    private Path file;

    @Override
    int execute(final PrintStream out, final PrintStream err) {
        InputFiles.requireReadable(file, "blocklist import file");
        final ImportReport report;
        final boolean full;
        try (BlocklistStore store = OperatorFiles.blocklist(configuration(),
            OperatorFiles.tokenKey(configuration(), true), true)) {
            report = ImportProgressPrinter.showWhile(progress -> store.importFile(file, progress));
            full = store.count() >= store.capacity();
        }
        for (final RejectedLine rejected : report.rejectedLines()) {
            err.println(file + ":" + rejected.lineNumber() + ": " + SafeEcho.visible(rejected.reason()));
        }
        out.println(report.summary());
        if (report.rejected() > 0 && full) {
            err.println(name() + ": the blocklist is full (" + report.rejected() + " lines not applied): raise "
                + "blocklist.capacity, or remove entries (block export, block remove)");
            // full is the refusal the operator must act on first, as for block add: 1, not 2
            return REFUSED;
        }
        return report.rejected() == 0 ? OK : BAD_INPUT;
    }
}
