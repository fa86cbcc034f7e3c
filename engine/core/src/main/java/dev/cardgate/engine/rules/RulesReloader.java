package dev.cardgate.engine.rules;

import java.nio.file.Path;

/**
 * Reloads the rules file on the caller's thread: parses and validates it in full, prepares the
 * counters new velocity rules need, and offers the result to the decision thread; a file with any
 * problem is refused and the rules in force stay. Serialised: one reload at a time.
 */
public final class RulesReloader {
    private final Path file;
    private final ActiveRules rules;
    private final RiskState risk;

    /** @param file the rules file, or null when the engine runs on the built-in defaults */
    public RulesReloader(final Path file, final ActiveRules rules, final RiskState risk) {
        this.file = file;
        this.rules = rules;
        this.risk = risk;
    }

    public synchronized RulesReloadReport reload() {
        if (file == null) {
            return RulesReloadReport.refused(java.util.List.of(
                "no rules file is configured (rules.file = none): the built-in defaults cannot be reloaded"));
        }
        final RuleSet parsed;
        try {
            parsed = RulesParser.parse(file);
        }
        catch (final RulesFileException invalid) {
            return RulesReloadReport.refused(invalid.problems());
        }
        final long version = rules.offer(parsed, risk.prepareLanes(parsed));
        return RulesReloadReport.accepted(version, parsed.toString());
    }
}
