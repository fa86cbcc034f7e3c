package dev.cardgate.engine.rules;

/** Durations in rules files: a whole number and a unit, s, m, h or d ("90s", "10m", "24h", "1d"). */
final class Durations {
    private Durations() {
    }

    /** Milliseconds of {@code text}, or -1 (and a problem) when it is not a duration from 1s to {@code maxMillis}. */
    static long parseMillis(final String text, final long maxMillis, final int line, final RulesParser parser) {
        if (!text.matches("[0-9]{1,9}[smhd]")) {
            parser.problem(line, "duration '" + text + "' is not a whole number followed by s, m, h or d (60s, 10m, 1h)");
            return -1;
        }
        final long amount = Long.parseLong(text.substring(0, text.length() - 1));
        final long unit = switch (text.charAt(text.length() - 1)) {
            case 's' -> 1000L;
            case 'm' -> 60_000L;
            case 'h' -> 3_600_000L;
            default -> 86_400_000L;
        };
        final long millis = amount * unit;
        if (millis < 1000 || millis > maxMillis) {
            parser.problem(line, "duration " + text + " is not from 1s to " + maxMillis / 86_400_000L + "d");
            return -1;
        }
        return millis;
    }
}
