package dev.cardgate.engine.rules;

/**
 * A single-amount limit: for requests matching {@code conditions}, an amount above
 * {@code maxAmountMinor} is declined with {@code responseCode} (61 by default, or 13). Immutable.
 */
public record LimitRule(int ruleId, String name, long maxAmountMinor, int responseCode, boolean dryRun,
    RuleConditions conditions, int line) {
}
