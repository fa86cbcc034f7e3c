package dev.cardgate.engine.rules;

/**
 * A policy rule: for requests matching {@code conditions}, decline with {@code responseCode} or,
 * for an allow rule, stop looking at later policy rules. Immutable.
 *
 * @param line the line of the rules file that starts it, for messages
 */
public record PolicyRule(int ruleId, String name, boolean allow, int responseCode, boolean dryRun,
    RuleConditions conditions, int line) {
}
