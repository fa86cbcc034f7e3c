package dev.cardgate.engine.terminal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a terminal import file: one terminal per line,
 * {@code terminalId,merchantId,mcc,country,region,group,status,model,softwareVersion,signOnRequired},
 * {@code #} comment lines and blank lines ignored. All lines are checked; every problem is
 * reported with file, line and reason.
 */
final class TerminalCsv {
    static final int COLUMNS = 10;

    private TerminalCsv() {
    }

    static List<TerminalRecord> parse(final Path file) {
        final List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        }
        catch (final IOException | RuntimeException failure) {
            throw new TerminalImportException(List.of(file + ": cannot be read: " + failure));
        }
        final List<TerminalRecord> terminals = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        final Map<String, Integer> firstLine = new HashMap<>();
        for (int index = 0; index < lines.size(); index++) {
            final String line = lines.get(index).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            final String where = file + ":" + (index + 1) + ": ";
            final String[] columns = line.split(",", -1);
            if (columns.length != COLUMNS) {
                problems.add(where + "has " + columns.length + " columns, expected " + COLUMNS + " (terminalId,"
                    + "merchantId,mcc,country,region,group,status,model,softwareVersion,signOnRequired)");
                continue;
            }
            for (int i = 0; i < columns.length; i++) {
                columns[i] = columns[i].trim();
            }
            final List<String> lineProblems = new ArrayList<>();
            final int mcc = number(columns[2], "merchant category code", lineProblems);
            final int country = number(columns[3], "country code", lineProblems);
            final TerminalStatus status = TerminalStatus.fromConfigName(columns[6]);
            if (status == null) {
                lineProblems.add("status '" + columns[6] + "' is not active, disabled, faulty or suspended");
            }
            final Boolean signOnRequired = yesNo(columns[9], lineProblems);
            lineProblems.addAll(TerminalRecord.problems(columns[0], columns[1], Math.max(mcc, 0),
                Math.max(country, 1), columns[4], columns[5], status == null ? TerminalStatus.ACTIVE : status,
                columns[7], columns[8]));
            final Integer previous = firstLine.putIfAbsent(columns[0], index + 1);
            if (previous != null) {
                lineProblems.add("terminal " + columns[0] + " is listed already on line " + previous);
            }
            if (!lineProblems.isEmpty()) {
                problems.add(where + String.join("; ", lineProblems));
                continue;
            }
            terminals.add(new TerminalRecord(columns[0], columns[1], mcc, country, columns[4], columns[5], status,
                columns[7], columns[8], signOnRequired, false, 0));
        }
        if (!problems.isEmpty()) {
            throw new TerminalImportException(problems);
        }
        return terminals;
    }

    private static int number(final String text, final String what, final List<String> problems) {
        if (!text.matches("[0-9]{1,4}")) {
            problems.add(what + " '" + text + "' is not a number of 1 to 4 digits");
            return -1;
        }
        return Integer.parseInt(text);
    }

    private static Boolean yesNo(final String text, final List<String> problems) {
        if ("yes".equalsIgnoreCase(text)) {
            return Boolean.TRUE;
        }
        if ("no".equalsIgnoreCase(text)) {
            return Boolean.FALSE;
        }
        problems.add("signOnRequired '" + text + "' is not yes or no");
        return Boolean.FALSE;
    }
}
