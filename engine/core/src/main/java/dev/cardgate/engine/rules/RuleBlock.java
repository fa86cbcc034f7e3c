package dev.cardgate.engine.rules;

import java.util.HashMap;
import java.util.Map;

/**
 * One {@code policy|limit|velocity|card-testing|impossible-travel ... end} block while it is read:
 * collects its attribute lines, checks each against what the block kind allows, and builds the
 * rule at {@code end}. Parser-internal.
 */
final class RuleBlock {
    private static final long MAX_WINDOW_MILLIS = 7L * 24 * 3600 * 1000;
    private static final long MAX_AMOUNT = 999_999_999_999L;
    static final int MAX_DISTINCT_CARDS = TerminalActivityTable.CARDS_PER_TERMINAL - 1;

    final String kind;
    final int line;
    int ruleId = -1;
    String name = "";
    private final Map<String, Integer> seen = new HashMap<>();
    private final ConditionsBuilder conditions = new ConditionsBuilder();
    private boolean allow;
    private int responseCode = -1;
    private boolean dryRun;
    private boolean suspendTerminal;
    private long windowMillis = -1;
    private long maxAmount = -1;
    private long maxCount = -1;
    private long maxDistinctCards = -1;
    private long maxDeclines = -1;

    RuleBlock(final String kind, final int line) {
        this.kind = kind;
        this.line = line;
    }

    /** "policy 401", or "the policy block" when its id could not be read. */
    String describe() {
        return ruleId >= 0 ? kind + " " + ruleId : "the " + kind + " block";
    }

    void attribute(final int number, final String[] words, final RulesParser parser) {
        final String key = words[0];
        if (!allowed(key)) {
            parser.problem(number, "'" + key + "' is not allowed in a " + kind + " rule; allowed: " + allowedList());
            return;
        }
        final Integer previous = seen.putIfAbsent(key, number);
        if (previous != null) {
            parser.problem(number, "'" + key + "' is given twice in this rule (first on line " + previous + ")");
            return;
        }
        switch (key) {
            case "allow" -> {
                parser.expectCount(number, words, 1, "allow takes no value");
                allow = true;
            }
            case "decline" -> {
                if (words.length != 2) {
                    parser.problem(number, "decline needs a response code of two digits: 'decline 57'");
                }
                else if (!words[1].matches("[0-9]{2}") || "00".equals(words[1])) {
                    parser.problem(number, "response code '" + words[1] + "' is not two digits from 01 to 99");
                }
                else {
                    responseCode = Integer.parseInt(words[1]);
                }
            }
            case "dry-run" -> {
                parser.expectCount(number, words, 1, "dry-run takes no value");
                dryRun = true;
            }
            case "suspend-terminal" -> {
                parser.expectCount(number, words, 1, "suspend-terminal takes no value");
                suspendTerminal = true;
            }
            case "window" -> windowMillis = words.length == 2 ? Durations.parseMillis(words[1], MAX_WINDOW_MILLIS,
                number, parser) : missingValue(number, key, "a duration such as 60s, 10m, 1h or 1d", parser);
            case "max-amount" -> maxAmount = single(number, words, "amount in minor units", 1, MAX_AMOUNT, parser);
            case "max-count" -> maxCount = single(number, words, "count", 1, 1_000_000, parser);
            case "max-distinct-cards" -> maxDistinctCards = single(number, words, "distinct cards", 1,
                MAX_DISTINCT_CARDS, parser);
            case "max-declines" -> maxDeclines = single(number, words, "declines", 1, 1_000_000, parser);
            default -> conditions.add(number, words, parser);
        }
    }

    void finish(final RulesParser parser) {
        if (ruleId < 0) {
            return;
        }
        switch (kind) {
            case "policy" -> finishPolicy(parser);
            case "limit" -> {
                require(maxAmount >= 0, "a limit rule needs 'max-amount N'", parser);
                if (maxAmount >= 0) {
                    parser.addLimit(new LimitRule(ruleId, name, maxAmount, code(61), dryRun, conditions.build(), line));
                }
            }
            case "velocity" -> finishVelocity(parser);
            case "card-testing" -> {
                require(windowMillis > 0, "a card-testing rule needs 'window D'", parser);
                require(maxDistinctCards > 0 || maxDeclines > 0,
                    "a card-testing rule needs 'max-distinct-cards N' or 'max-declines N' (or both)", parser);
                if (windowMillis > 0 && (maxDistinctCards > 0 || maxDeclines > 0)) {
                    parser.setCardTesting(new CardTestingRule(ruleId, name, windowMillis, (int)maxDistinctCards,
                        (int)maxDeclines, code(59), suspendTerminal, dryRun, line));
                }
            }
            case "impossible-travel" -> {
                require(windowMillis > 0, "an impossible-travel rule needs 'window D'", parser);
                if (windowMillis > 0) {
                    parser.setTravel(new TravelRule(ruleId, name, windowMillis, code(59), dryRun, line));
                }
            }
            default -> throw new IllegalStateException("unknown block kind " + kind);
        }
    }

    private void finishPolicy(final RulesParser parser) {
        if (allow == (responseCode >= 0)) {
            parser.problem(line, "policy " + ruleId + " needs exactly one of 'allow' or 'decline NN'");
            return;
        }
        parser.addPolicy(new PolicyRule(ruleId, name, allow, allow ? 0 : responseCode, dryRun, conditions.build(),
            line));
    }

    private void finishVelocity(final RulesParser parser) {
        require(windowMillis > 0, "a velocity rule needs 'window D'", parser);
        require(maxCount > 0 || maxAmount > 0, "a velocity rule needs 'max-count N' or 'max-amount N' (or both)",
            parser);
        if (windowMillis > 0 && (maxCount > 0 || maxAmount > 0)) {
            parser.addVelocity(new VelocityRule(ruleId, name, windowMillis,
                maxCount > 0 ? maxCount : VelocityRule.UNLIMITED, maxAmount > 0 ? maxAmount : VelocityRule.UNLIMITED,
                code(65), code(61), dryRun, line));
        }
    }

    private int code(final int usual) {
        return responseCode >= 0 ? responseCode : usual;
    }

    private void require(final boolean condition, final String message, final RulesParser parser) {
        if (!condition) {
            parser.problem(line, kind + " " + ruleId + ": " + message);
        }
    }

    private long single(final int number, final String[] words, final String what, final long min, final long max,
        final RulesParser parser) {
        if (words.length != 2) {
            return missingValue(number, words[0], "one " + what, parser);
        }
        return parser.number(number, words[1], what, min, max);
    }

    private static long missingValue(final int number, final String key, final String expected,
        final RulesParser parser) {
        parser.problem(number, key + " needs " + expected);
        return -1;
    }

    private boolean allowed(final String key) {
        return allowedList().contains(" " + key + ",") || allowedList().endsWith(" " + key);
    }

    private String allowedList() {
        final String conditionKeys = " cards, merchant-categories, countries, regions, terminal-groups, merchants,"
            + " entry-modes, hours";
        return switch (kind) {
            case "policy" -> " allow, decline, dry-run," + conditionKeys;
            case "limit" -> " max-amount, decline, dry-run," + conditionKeys;
            case "velocity" -> " window, max-count, max-amount, decline, dry-run";
            case "card-testing" -> " window, max-distinct-cards, max-declines, decline, suspend-terminal, dry-run";
            default -> " window, decline, dry-run";
        };
    }
}
