package dev.cardgate.engine.rules;

/**
 * The counters of one velocity rule for every card slot of {@link CardTable}: when the card's
 * current window started, and how many approvals and how much amount it holds. A window starts
 * at the first approval after the previous one ended (a fixed window per card, not a sliding one:
 * a burst that straddles two windows may reach up to twice the limit, see docs/rules.md).
 * Decision thread only.
 */
final class VelocityLane {
    final int ruleId;
    final long windowMillis;
    final long[] windowStart;
    final int[] count;
    final long[] amount;

    VelocityLane(final int ruleId, final long windowMillis, final int slots) {
        this.ruleId = ruleId;
        this.windowMillis = windowMillis;
        this.windowStart = new long[slots];
        this.count = new int[slots];
        this.amount = new long[slots];
    }

    boolean sameRule(final VelocityRule rule) {
        return ruleId == rule.ruleId() && windowMillis == rule.windowMillis();
    }

    /** Approvals of the card in {@code slot} in its window as of {@code now}. */
    int countAt(final int slot, final long now) {
        return live(slot, now) ? count[slot] : 0;
    }

    /** Amount approved for the card in {@code slot} in its window as of {@code now}. */
    long amountAt(final int slot, final long now) {
        return live(slot, now) ? amount[slot] : 0;
    }

    void approve(final int slot, final long now, final long amountMinor) {
        if (!live(slot, now)) {
            windowStart[slot] = now;
            count[slot] = 0;
            amount[slot] = 0;
        }
        count[slot]++;
        amount[slot] += amountMinor;
    }

    /** Gives back an approval made at {@code approvedAt} if it counts in the card's current window. */
    void giveBack(final int slot, final long approvedAt, final long amountMinor) {
        if (windowStart[slot] != 0 && windowStart[slot] <= approvedAt && approvedAt < windowStart[slot] + windowMillis) {
            count[slot] = Math.max(0, count[slot] - 1);
            amount[slot] = Math.max(0, amount[slot] - amountMinor);
        }
    }

    void move(final int from, final int to) {
        windowStart[to] = windowStart[from];
        count[to] = count[from];
        amount[to] = amount[from];
    }

    void clear(final int slot) {
        windowStart[slot] = 0;
        count[slot] = 0;
        amount[slot] = 0;
    }

    private boolean live(final int slot, final long now) {
        return windowStart[slot] != 0 && now < windowStart[slot] + windowMillis;
    }
}
