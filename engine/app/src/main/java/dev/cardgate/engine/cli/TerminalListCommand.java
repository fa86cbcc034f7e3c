package dev.cardgate.engine.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import dev.cardgate.engine.terminal.TerminalRecord;
import dev.cardgate.engine.terminal.TerminalRegistry;
import dev.cardgate.engine.terminal.TerminalStatus;
import dev.cardgate.engine.token.SafeEcho;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cardgate terminal list}: the registered terminals as an aligned table. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List registered terminals, sorted by id, as aligned columns; filter by status or region.",
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {"0:listed (possibly none)", "1:the registry cannot be used", "2:bad filter or configuration"})
final class TerminalListCommand extends OperatorCommand {
    private static final String[] HEADINGS = {"TERMINAL", "STATUS", "MERCHANT", "MCC", "COUNTRY", "REGION", "GROUP",
        "MODEL", "SOFTWARE", "SIGN-ON", "LAST-HEARD"};

    @Option(names = "--status", paramLabel = "STATUS", description = "only terminals with this status")
    private String status;

    @Option(names = "--region", paramLabel = "NAME", description = "only terminals of this region")
    private String region;

    @Override
    int execute(final PrintStream out, final PrintStream err) {
        final TerminalStatus wantedStatus = status == null ? null : TerminalIds.status(status);
        final List<TerminalRecord> all;
        try (TerminalRegistry registry = OperatorFiles.terminals(configuration(), false)) {
            all = registry.list();
        }
        final List<String[]> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (final TerminalRecord terminal : all) {
            if ((wantedStatus == null || terminal.status() == wantedStatus)
                && (region == null || terminal.region().equalsIgnoreCase(region))) {
                rows.add(row(terminal));
            }
        }
        printAligned(out, rows);
        out.println((rows.size() - 1) + " of " + all.size() + " terminals");
        return OK;
    }

    private static String[] row(final TerminalRecord terminal) {
        return new String[] {SafeEcho.visible(terminal.terminalId()), terminal.status().configName(),
            SafeEcho.visible(terminal.merchantId()),
            String.format("%04d", terminal.merchantCategoryCode()), String.format("%03d", terminal.countryCode()),
            SafeEcho.visible(terminal.region()), SafeEcho.visible(terminal.group()), SafeEcho.visible(terminal.model()),
            terminal.softwareVersion(),
            terminal.signOnRequired() ? (terminal.signedOn() ? "signed-on" : "required") : "-",
            TerminalShowCommand.lastHeard(terminal)};
    }

    private static void printAligned(final PrintStream out, final List<String[]> rows) {
        final int[] widths = new int[HEADINGS.length];
        for (final String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (final String[] row : rows) {
            final StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.println(line);
        }
    }
}
