package dev.cardgate.engine.control;

import java.util.ArrayList;
import java.util.List;

import dev.cardgate.engine.rules.RulesReloadReport;

/**
 * A {@link RulesReloadReport} as the text of a result file, one {@code key=value} a line
 * ({@code accepted}, {@code version}, {@code summary}, then one {@code problem} line per problem);
 * the value runs to the end of the line, so it may hold '=' but no line break.
 */
final class ReloadResultFormat {
    private ReloadResultFormat() {
    }

    static String encode(final RulesReloadReport report) {
        final StringBuilder text = new StringBuilder()
            .append("accepted=").append(report.accepted()).append('\n')
            .append("version=").append(report.version()).append('\n')
            .append("summary=").append(oneLine(report.summary())).append('\n');
        for (final String problem : report.problems()) {
            text.append("problem=").append(oneLine(problem)).append('\n');
        }
        return text.toString();
    }

    /** @throws IllegalArgumentException when {@code text} is not a result this class wrote */
    static RulesReloadReport decode(final String text) {
        boolean accepted = false;
        long version = -1;
        String summary = null;
        final List<String> problems = new ArrayList<>();
        for (final String line : text.split("\n")) {
            final int equals = line.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("not a rules reload result: a line has no '='");
            }
            final String value = line.substring(equals + 1);
            switch (line.substring(0, equals)) {
                case "accepted" -> accepted = Boolean.parseBoolean(value);
                case "version" -> version = Long.parseLong(value);
                case "summary" -> summary = value;
                case "problem" -> problems.add(value);
                default -> throw new IllegalArgumentException("not a rules reload result: unknown key in '"
                    + line.substring(0, equals) + "'");
            }
        }
        if (summary == null) {
            throw new IllegalArgumentException("not a rules reload result: no summary");
        }
        return new RulesReloadReport(accepted, version, summary, problems);
    }

    private static String oneLine(final String text) {
        return text.replace('\n', ' ').replace('\r', ' ');
    }
}
