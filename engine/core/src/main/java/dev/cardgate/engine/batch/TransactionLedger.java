package dev.cardgate.engine.batch;

/**
 * The transactions of open batches and the open holds, keyed as a terminal names a transaction
 * (terminal id, STAN, field 7 transmission date and time), so that a void, a completion, a
 * reversal or a repeated advice finds what it refers to: amount, currency, kind, state and the
 * batch it counted in.
 *
 * <p>Bounded: a new entry takes the first free or outlived slot within {@link #PROBES} of its
 * home, else evicts the oldest of them (counted by the caller). Entries are never removed, only
 * replaced, so a lookup stops at the first never-used slot. Decision thread only; nothing
 * allocates after construction.
 */
final class TransactionLedger {
    /** Slots a lookup or an insertion looks at from the home slot. */
    static final int PROBES = 32;
    static final byte UNUSED = 0;
    static final byte OPEN = 1;
    static final byte VOIDED = 2;
    static final byte REVERSED = 3;
    static final byte COMPLETED = 4;
    static final byte EXPIRED = 5;

    private final int mask;
    private final long[] terminalKey;
    private final int[] stan;
    private final long[] transmission;
    private final byte[] state;
    final long[] amountMinor;
    final int[] currency;
    final byte[] kind;
    final int[] batchNumber;
    final long[] decidedAt;
    private int sweepCursor;
    private boolean evicted;

    TransactionLedger(final int maxTransactions) {
        final int slots = Math.max(PROBES, Integer.highestOneBit(maxTransactions * 2 - 1) << 1);
        mask = slots - 1;
        terminalKey = new long[slots];
        stan = new int[slots];
        transmission = new long[slots];
        state = new byte[slots];
        amountMinor = new long[slots];
        currency = new int[slots];
        kind = new byte[slots];
        batchNumber = new int[slots];
        decidedAt = new long[slots];
    }

    private static int home(final long terminal, final int stanValue, final long transmissionValue) {
        long mixed = terminal ^ (stanValue * 0x100000001B3L) ^ (transmissionValue << 20);
        mixed *= 0x9E3779B97F4A7C15L;
        return (int)(mixed ^ (mixed >>> 32));
    }

    /** The transaction's slot, or -1. */
    int find(final long terminal, final int stanValue, final long transmissionValue) {
        int slot = home(terminal, stanValue, transmissionValue) & mask;
        for (int probe = 0; probe < PROBES && state[slot] != UNUSED; probe++) {
            if (terminalKey[slot] == terminal && stan[slot] == stanValue && transmission[slot] == transmissionValue) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /**
     * Adds a transaction not present (the caller checked with {@link #find}), in state OPEN,
     * taking a slot unused or decided before {@code outlivedBefore}, else the oldest near its
     * home; {@link #evictedLast()} tells which.
     */
    int add(final long terminal, final int stanValue, final long transmissionValue, final long now,
        final long outlivedBefore) {
        int slot = home(terminal, stanValue, transmissionValue) & mask;
        int oldest = slot;
        int chosen = -1;
        for (int probe = 0; probe < PROBES; probe++) {
            if (state[slot] == UNUSED || decidedAt[slot] < outlivedBefore) {
                chosen = slot;
                break;
            }
            if (decidedAt[slot] < decidedAt[oldest]) {
                oldest = slot;
            }
            slot = (slot + 1) & mask;
        }
        evicted = chosen < 0;
        if (chosen < 0) {
            chosen = oldest;
        }
        terminalKey[chosen] = terminal;
        stan[chosen] = stanValue;
        transmission[chosen] = transmissionValue;
        state[chosen] = OPEN;
        decidedAt[chosen] = now;
        return chosen;
    }

    /** True when the last {@link #add} replaced a live entry. */
    boolean evictedLast() {
        return evicted;
    }

    byte state(final int slot) {
        return state[slot];
    }

    void state(final int slot, final byte newState) {
        state[slot] = newState;
    }

    long terminalKey(final int slot) {
        return terminalKey[slot];
    }

    /** The next slot of the incremental sweep (the caller expires holds there). */
    int nextSweepSlot() {
        sweepCursor = (sweepCursor + 1) & mask;
        return sweepCursor;
    }

    /** Slots in all, for a whole sweep. */
    int slots() {
        return mask + 1;
    }
}
