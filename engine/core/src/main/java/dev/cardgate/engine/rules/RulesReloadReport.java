package dev.cardgate.engine.rules;

import java.util.List;

/**
 * What a reload of the rules file did: accepted (the decision thread installs the rules before
 * its next event; {@code version} is what {@code rulesVersion()} reports once it has), or refused
 * with every problem as "file:line: reason", the old rules staying in force.
 */
public record RulesReloadReport(boolean accepted, long version, String summary, List<String> problems) {
    static RulesReloadReport accepted(final long version, final String summary) {
        return new RulesReloadReport(true, version, summary, List.of());
    }

    static RulesReloadReport refused(final List<String> problems) {
        return new RulesReloadReport(false, -1, "refused: the previous rules stay in force", List.copyOf(problems));
    }
}
