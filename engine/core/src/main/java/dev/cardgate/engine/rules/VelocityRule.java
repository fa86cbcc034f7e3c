package dev.cardgate.engine.rules;

/**
 * A velocity limit per card: at most {@code maxCount} approvals (when not {@link #UNLIMITED}) and
 * at most {@code maxAmountMinor} approved (when not {@link #UNLIMITED}) within {@code windowMillis}.
 * A count objection answers {@code countResponseCode} (65), an amount one {@code amountResponseCode}
 * (61). Immutable.
 */
public record VelocityRule(int ruleId, String name, long windowMillis, long maxCount, long maxAmountMinor,
    int countResponseCode, int amountResponseCode, boolean dryRun, int line) {
    /** No limit on this measure. */
    public static final long UNLIMITED = -1;
}
