package dev.cardgate.engine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.cardgate.engine.batch.OpenBatch;
import dev.cardgate.engine.batch.TerminalBatchReport;
import dev.cardgate.engine.event.TerminalTotals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cardgate terminal batch}: a terminal's open batch (its number, settlement state, holds
 * and totals per currency), rebuilt from the journal as the engine rebuilds it at start; safe
 * while the engine runs.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
    description = "Show a terminal's open batch: number, settlement state, open holds and the totals per currency "
        + "a settlement (0500) is compared with, from the journal.",
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {"0:shown", "1:the journal has nothing of the terminal in terminal-day.replay-window.ms, or cannot "
        + "be read", "2:bad terminal id or configuration"})
final class TerminalBatchCommand extends OperatorCommand {
    private static final String[] TOTAL_NAMES = {"credits (74)", "credit reversals (75)", "debits (76)",
        "debit reversals (77)"};

    @Mixin
    private TerminalIdParameter terminalIdParameter;

    @Option(names = "--dir", paramLabel = "FOLDER", description = "the journal folder (default: data.dir/journal.dir)")
    private Path directory;

    @Override
    int execute(final PrintStream out, final PrintStream err) throws IOException {
        final String terminalId = terminalIdParameter.checked();
        final Path journal = directory != null ? directory : configuration().journal().directory();
        if (!Files.isDirectory(journal)) {
            throw new OperatorFailure(REFUSED, "there is no journal at " + journal.toAbsolutePath().normalize()
                + ": check --dir or data.dir and journal.dir");
        }
        final OpenBatch batch = TerminalBatchReport.read(journal, terminalId, configuration().terminalDay(),
            configuration().clock().time(), err::println);
        if (batch == null) {
            throw new OperatorFailure(REFUSED, "the journal has nothing of terminal " + terminalId
                + " in the last " + configuration().terminalDay().replayWindowMillis() / 60_000 + " minutes");
        }
        print(out, terminalId, batch);
        return OK;
    }

    static void print(final PrintStream out, final String terminalId, final OpenBatch batch) {
        out.println("terminal         " + terminalId);
        out.println("batch            " + batch.batchNumber());
        out.println("state            " + batch.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        out.println("holds            " + batch.holdCount() + ", " + batch.holdAmount() + " minor units");
        for (final OpenBatch.CurrencyTotals totals : batch.currencies()) {
            out.println("currency " + String.format("%03d", totals.currency()));
            for (int index = 0; index < TOTAL_NAMES.length; index++) {
                out.printf("  %-22s %10d  amount %16d%n", TOTAL_NAMES[index], totals.total(index),
                    totals.total(index + TerminalTotals.CREDITS_AMOUNT));
            }
            out.printf("  %-22s %s%016d%n", "net (97)", totals.net() >= 0 ? "D" : "C", Math.abs(totals.net()));
            if (totals.uploaded() != null) {
                final long[] uploaded = totals.uploaded();
                out.printf("  %-22s debits %d/%d, credits %d/%d, debit reversals %d/%d%n", "uploaded since 95",
                    uploaded[TerminalTotals.DEBITS_COUNT], uploaded[TerminalTotals.DEBITS_AMOUNT],
                    uploaded[TerminalTotals.CREDITS_COUNT], uploaded[TerminalTotals.CREDITS_AMOUNT],
                    uploaded[TerminalTotals.DEBIT_REVERSALS_COUNT], uploaded[TerminalTotals.DEBIT_REVERSALS_AMOUNT]);
            }
        }
    }
}
