package dev.cardgate.engine.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.cardgate.engine.terminal.AsciiCodes;

/**
 * Reads a rules file (format in docs/rules.md) into a {@link RuleSet}. Every line is checked and
 * every problem reported at once as "file:line: reason"; a file with any problem yields no rules.
 * Runs on the caller's thread and allocates freely.
 */
public final class RulesParser {
    static final int MAX_VELOCITY_RULES = 8;

    /** Words that start a line outside a block only: met inside a block, the block was left open. */
    private static final java.util.Set<String> TOP_LEVEL = java.util.Set.of("accept-currencies", "required-fields",
        "minimum-software", "policy", "limit", "velocity", "card-testing", "impossible-travel");

    private final String source;
    private final List<String> problems = new ArrayList<>();
    private final Map<Integer, Integer> ruleIdLines = new HashMap<>();
    private final List<PolicyRule> policies = new ArrayList<>();
    private final List<LimitRule> limits = new ArrayList<>();
    private final List<VelocityRule> velocities = new ArrayList<>();
    private final List<Integer> requiredTypes = new ArrayList<>();
    private final List<Long> requiredMasks = new ArrayList<>();
    private final List<Long> softwareModels = new ArrayList<>();
    private final List<Long> softwareVersions = new ArrayList<>();
    private long[] acceptedCurrencies;
    private CardTestingRule cardTesting;
    private TravelRule travel;
    private boolean dryRunAll;
    private RuleBlock block;

    private RulesParser(final String source) {
        this.source = source;
    }

    /**
     * @throws RulesFileException listing every problem with file and line, or naming the file
     *                            when it cannot be read
     */
    public static RuleSet parse(final Path file) {
        final List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        catch (final IOException | RuntimeException failure) {
            throw new RulesFileException(List.of(file + ": cannot be read: " + failure));
        }
        return parse(file.toString(), lines);
    }

    /** Parses {@code lines} as the content of {@code source}. */
    public static RuleSet parse(final String source, final List<String> lines) {
        final RulesParser parser = new RulesParser(source);
        for (int index = 0; index < lines.size(); index++) {
            parser.line(index + 1, lines.get(index));
        }
        if (parser.block != null) {
            parser.problem(parser.block.line, parser.block.describe() + " is not closed: add a line 'end'");
        }
        if (!parser.problems.isEmpty()) {
            throw new RulesFileException(parser.problems);
        }
        return parser.build();
    }

    private RuleSet build() {
        final RuleSet defaults = RuleSet.defaults();
        final int[] types = new int[requiredTypes.size()];
        final long[] masks = new long[types.length];
        for (int i = 0; i < types.length; i++) {
            types[i] = requiredTypes.get(i);
            masks[i] = requiredMasks.get(i);
        }
        final int[] allTypes = types.length == 0 ? new int[] {100, 200} : types;
        final long[] allMasks = types.length == 0
            ? new long[] {defaults.requiredFields(100), defaults.requiredFields(200)} : masks;
        return new RuleSet(source, acceptedCurrencies, allTypes, allMasks, toArray(softwareModels),
            toArray(softwareVersions), policies, limits, velocities, cardTesting, travel, dryRunAll);
    }

    private void line(final int number, final String raw) {
        final int comment = raw.indexOf('#');
        final String text = (comment >= 0 ? raw.substring(0, comment) : raw).trim();
        if (text.isEmpty()) {
            return;
        }
        final String[] words = text.split("\\s+");
        if (block != null && TOP_LEVEL.contains(words[0])) {
            // a block left open: named once, and the lines after it read as what they are
            problem(block.line, block.describe() + " is not closed before line " + number + ": add a line 'end'");
            block = null;
        }
        if (block != null) {
            if ("end".equals(words[0]) && words.length == 1) {
                finishBlock();
            }
            else {
                block.attribute(number, words, this);
            }
            return;
        }
        switch (words[0]) {
            case "dry-run" -> {
                expectCount(number, words, 1, "dry-run takes no value");
                dryRunAll = true;
            }
            case "accept-currencies" -> acceptCurrencies(number, words);
            case "required-fields" -> requiredFields(number, words);
            case "minimum-software" -> minimumSoftware(number, words);
            case "policy", "limit", "velocity", "card-testing", "impossible-travel" -> startBlock(number, words);
            default -> problem(number, "unknown directive '" + words[0] + "'; expected dry-run, accept-currencies, "
                + "required-fields, minimum-software, policy, limit, velocity, card-testing or impossible-travel");
        }
    }

    private void startBlock(final int number, final String[] words) {
        final boolean policy = "policy".equals(words[0]);
        block = new RuleBlock(words[0], number);
        if (words.length != 3) {
            problem(number, words[0] + " needs a rule id and a name: '" + words[0] + " "
                + (policy ? "401" : "501") + " some-name'");
            return;
        }
        final int low = policy ? EngineRules.POLICY_BASE : EngineRules.RISK_BASE;
        final long id = number(number, words[1], "rule id", low, low + 99);
        if (id >= 0) {
            block.ruleId = (int)id;
            final Integer previous = ruleIdLines.putIfAbsent((int)id, number);
            if (previous != null) {
                problem(number, "rule id " + id + " is used already on line " + previous);
            }
        }
        if (!words[2].matches("[a-z0-9][a-z0-9-]{0,39}")) {
            problem(number, "rule name '" + words[2] + "' must be 1 to 40 lower-case letters, digits or '-'");
        }
        block.name = words[2];
    }

    private void finishBlock() {
        final RuleBlock finished = block;
        block = null;
        finished.finish(this);
    }

    void addPolicy(final PolicyRule rule) {
        policies.add(rule);
    }

    void addLimit(final LimitRule rule) {
        limits.add(rule);
    }

    void addVelocity(final VelocityRule rule) {
        if (velocities.size() == MAX_VELOCITY_RULES) {
            problem(rule.line(), "at most " + MAX_VELOCITY_RULES + " velocity rules are allowed");
            return;
        }
        velocities.add(rule);
    }

    void setCardTesting(final CardTestingRule rule) {
        if (cardTesting != null) {
            problem(rule.line(), "only one card-testing rule is allowed; the first is on line " + cardTesting.line());
            return;
        }
        cardTesting = rule;
    }

    void setTravel(final TravelRule rule) {
        if (travel != null) {
            problem(rule.line(), "only one impossible-travel rule is allowed; the first is on line " + travel.line());
            return;
        }
        travel = rule;
    }

    private void acceptCurrencies(final int number, final String[] words) {
        if (acceptedCurrencies != null) {
            problem(number, "accept-currencies is given twice");
            return;
        }
        if (words.length < 2) {
            problem(number, "accept-currencies needs one or more ISO 4217 numeric codes (978 840)");
            return;
        }
        acceptedCurrencies = RuleConditions.newBitset(1000);
        for (int i = 1; i < words.length; i++) {
            final long code = number(number, words[i], "currency code", 1, 999);
            if (code > 0) {
                RuleConditions.set(acceptedCurrencies, (int)code, (int)code);
            }
        }
    }

    private void requiredFields(final int number, final String[] words) {
        if (words.length < 3 || !words[1].matches("0[12][0-9]0")) {
            problem(number, "required-fields needs a request message type (0100, 0200, ...) and field numbers: "
                + "'required-fields 0100 2 3 4 11 14 22 41 42 49'");
            return;
        }
        final int type = Integer.parseInt(words[1]);
        if (requiredTypes.contains(type)) {
            problem(number, "required-fields " + words[1] + " is given twice");
            return;
        }
        long mask = 0;
        for (int i = 2; i < words.length; i++) {
            final long field = number(number, words[i], "field number", 2, 64);
            if (field > 0) {
                mask |= dev.cardgate.engine.event.AuthorizationEvent.fieldBit((int)field);
            }
        }
        requiredTypes.add(type);
        requiredMasks.add(mask);
    }

    private void minimumSoftware(final int number, final String[] words) {
        if (words.length != 3) {
            problem(number, "minimum-software needs a terminal model and a version: 'minimum-software A920 2.4.0'");
            return;
        }
        final String modelProblem = AsciiCodes.describeProblem("model", words[1], AsciiCodes.MAX_LENGTH);
        final long version = AsciiCodes.packVersion(words[2]);
        if (modelProblem != null) {
            problem(number, modelProblem);
        }
        if (version < 0) {
            problem(number, "version '" + words[2] + "' is not one to four dot-separated numbers of 0 to 65535");
        }
        final long model = AsciiCodes.pack(words[1]);
        if (softwareModels.contains(model)) {
            problem(number, "minimum-software for model " + words[1] + " is given twice");
        }
        softwareModels.add(model);
        softwareVersions.add(version);
    }

    /** Parses a whole number in [min, max]; -1 (and a problem) when it is not one. */
    long number(final int line, final String text, final String what, final long min, final long max) {
        final String digits = text.replace("_", "");
        if (!digits.matches("[0-9]{1,18}")) {
            problem(line, what + " '" + text + "' is not a whole number");
            return -1;
        }
        final long value = Long.parseLong(digits);
        if (value < min || value > max) {
            problem(line, what + " " + text + " is not from " + min + " to " + max);
            return -1;
        }
        return value;
    }

    void expectCount(final int line, final String[] words, final int count, final String message) {
        if (words.length != count) {
            problem(line, message);
        }
    }

    void problem(final int line, final String reason) {
        problems.add(source + ":" + line + ": " + reason);
    }

    private static long[] toArray(final List<Long> values) {
        final long[] array = new long[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }
}
