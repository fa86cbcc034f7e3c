package dev.cardgate.engine.rules;

/**
 * Card testing at one terminal: more than {@code maxDistinctCards} different cards, or more than
 * {@code maxDeclines} declines, within {@code windowMillis} (either limit {@link #UNLIMITED}).
 * Declined with {@code responseCode} (59); with {@code suspendTerminal} the terminal is also
 * suspended in the registry. Immutable.
 */
public record CardTestingRule(int ruleId, String name, long windowMillis, int maxDistinctCards, int maxDeclines,
    int responseCode, boolean suspendTerminal, boolean dryRun, int line) {
    /** No limit on this measure. */
    public static final int UNLIMITED = -1;
}
