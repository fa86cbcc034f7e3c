package dev.cardgate.engine.rules;

/**
 * Impossible travel: a card approved in one country is declined with {@code responseCode} (59) in
 * another country within {@code windowMillis}. Immutable.
 */
public record TravelRule(int ruleId, String name, long windowMillis, int responseCode, boolean dryRun, int line) {
}
