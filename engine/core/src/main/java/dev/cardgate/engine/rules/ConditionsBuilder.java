package dev.cardgate.engine.rules;

import java.util.ArrayList;
import java.util.List;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.terminal.AsciiCodes;

/** Collects the condition lines of one rule and compiles them into {@link RuleConditions}. Parser-internal. */
final class ConditionsBuilder {
    private final List<Integer> binLows = new ArrayList<>();
    private final List<Integer> binHighs = new ArrayList<>();
    private boolean allCards;
    private long[] merchantCategories;
    private long[] countries;
    private long[] entryModes;
    private List<Long> regions;
    private List<Long> groups;
    private List<Long> merchantHighs;
    private List<Long> merchantLows;
    private List<Integer> minuteFrom;
    private List<Integer> minuteTo;

    void add(final int line, final String[] words, final RulesParser parser) {
        if (words.length < 2) {
            parser.problem(line, words[0] + " needs one or more values");
            return;
        }
        switch (words[0]) {
            case "cards" -> cards(line, words, parser);
            case "merchant-categories" -> merchantCategories = numberSet(line, words, 4, 9999, parser);
            case "countries" -> countries = numberSet(line, words, 3, 999, parser);
            case "entry-modes" -> entryModes = numberSet(line, words, 2, 99, parser);
            case "regions" -> regions = names(line, words, "region", parser);
            case "terminal-groups" -> groups = names(line, words, "terminal group", parser);
            case "merchants" -> merchants(line, words, parser);
            case "hours" -> hours(line, words, parser);
            default -> throw new IllegalStateException("not a condition: " + words[0]);
        }
    }

    RuleConditions build() {
        int[] lows = null;
        int[] highs = null;
        if (!allCards && !binLows.isEmpty()) {
            final int[][] merged = RuleConditions.mergeRanges(binLows.stream().mapToInt(Integer::intValue).toArray(),
                binHighs.stream().mapToInt(Integer::intValue).toArray());
            lows = merged[0];
            highs = merged[1];
        }
        return new RuleConditions(lows, highs, merchantCategories, countries, longs(regions), longs(groups),
            longs(merchantHighs), longs(merchantLows), entryModes, ints(minuteFrom), ints(minuteTo));
    }

    private void cards(final int line, final String[] words, final RulesParser parser) {
        for (int i = 1; i < words.length; i++) {
            final String word = words[i];
            if ("all".equals(word)) {
                allCards = true;
                continue;
            }
            final int dash = word.indexOf('-');
            final String low = dash < 0 ? word : word.substring(0, dash);
            final String high = dash < 0 ? word : word.substring(dash + 1);
            if (!low.matches("[0-9]{1,6}") || !high.matches("[0-9]{1,6}")) {
                parser.problem(line, "card prefix '" + word + "' is not 1 to 6 digits, a range of them (510000-559999)"
                    + " or all");
                continue;
            }
            final int lowBin = Integer.parseInt(padRight(low, '0'));
            final int highBin = Integer.parseInt(padRight(high, '9'));
            if (lowBin > highBin) {
                parser.problem(line, "card range '" + word + "' ends before it starts");
                continue;
            }
            binLows.add(lowBin);
            binHighs.add(highBin);
        }
    }

    private static String padRight(final String digits, final char pad) {
        return digits + String.valueOf(pad).repeat(6 - digits.length());
    }

    private static long[] numberSet(final int line, final String[] words, final int digits, final int max,
        final RulesParser parser) {
        final long[] bits = RuleConditions.newBitset(max + 1);
        for (int i = 1; i < words.length; i++) {
            final String word = words[i];
            final int dash = word.indexOf('-');
            final String from = dash < 0 ? word : word.substring(0, dash);
            final String to = dash < 0 ? word : word.substring(dash + 1);
            final String pattern = "[0-9]{1," + digits + "}";
            if (!from.matches(pattern) || !to.matches(pattern) || Integer.parseInt(from) > Integer.parseInt(to)) {
                parser.problem(line, words[0] + " value '" + word + "' is not a number of up to " + digits
                    + " digits or an ascending range of them (5411 or 7800-7802)");
                continue;
            }
            RuleConditions.set(bits, Integer.parseInt(from), Integer.parseInt(to));
        }
        return bits;
    }

    private static List<Long> names(final int line, final String[] words, final String what,
        final RulesParser parser) {
        final List<Long> packed = new ArrayList<>();
        for (int i = 1; i < words.length; i++) {
            final String problem = AsciiCodes.describeProblem(what, words[i], AsciiCodes.MAX_LENGTH);
            if (problem != null) {
                parser.problem(line, problem);
                continue;
            }
            packed.add(AsciiCodes.pack(words[i]));
        }
        return packed;
    }

    private void merchants(final int line, final String[] words, final RulesParser parser) {
        merchantHighs = new ArrayList<>();
        merchantLows = new ArrayList<>();
        for (int i = 1; i < words.length; i++) {
            final String problem = AsciiCodes.describeProblem("merchant id", words[i],
                AuthorizationEvent.MERCHANT_ID_LENGTH);
            if (problem != null) {
                parser.problem(line, problem);
                continue;
            }
            merchantHighs.add(AsciiCodes.merchantHigh(words[i]));
            merchantLows.add(AsciiCodes.merchantLow(words[i]));
        }
    }

    private void hours(final int line, final String[] words, final RulesParser parser) {
        minuteFrom = new ArrayList<>();
        minuteTo = new ArrayList<>();
        for (int i = 1; i < words.length; i++) {
            final String word = words[i];
            if (!word.matches("([01][0-9]|2[0-4]):[0-5][0-9]-([01][0-9]|2[0-4]):[0-5][0-9]")) {
                parser.problem(line, "hours '" + word + "' is not HH:MM-HH:MM (22:00-06:00 wraps past midnight)");
                continue;
            }
            final int from = minutes(word.substring(0, 5));
            final int to = minutes(word.substring(6));
            if (from > 1440 || to > 1440 || from == to) {
                parser.problem(line, "hours '" + word + "' is empty or past 24:00");
                continue;
            }
            minuteFrom.add(from);
            minuteTo.add(to);
        }
    }

    private static int minutes(final String hhmm) {
        return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3));
    }

    private static long[] longs(final List<Long> values) {
        return values == null ? null : values.stream().mapToLong(Long::longValue).toArray();
    }

    private static int[] ints(final List<Integer> values) {
        return values == null ? null : values.stream().mapToInt(Integer::intValue).toArray();
    }
}
