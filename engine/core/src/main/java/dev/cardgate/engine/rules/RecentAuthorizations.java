package dev.cardgate.engine.rules;

/**
 * Every request decided recently, keyed as a terminal identifies it (terminal id, STAN, field 7
 * transmission date and time): its card, amount and decision, so that a duplicate is answered as
 * the first was and not counted again, and a reversal finds what its original consumed. Bounded
 * by {@code risk.max-tracked-authorizations}; entries older than the retention are swept, the
 * oldest near a new one's slot evicted at the bound. Memory: about 80 bytes per slot, two slots
 * per authorization.
 *
 * <p>Decision thread only; allocates nothing after construction.
 */
final class RecentAuthorizations extends OpenAddressingTable {
    static final byte EMPTY = 0;
    static final byte DECLINED = 1;
    static final byte APPROVED = 2;
    static final byte REVERSED = 3;

    private final long[] terminalKey;
    private final int[] stan;
    private final long[] transmission;
    private final byte[] state;
    private final long[] decidedAt;
    final long[] tokenHigh;
    final long[] tokenLow;
    final long[] amountMinor;
    final int[] reasonOrdinal;
    final int[] ruleId;
    final int[] responseCode;
    final long[] authorizationId;
    // how the answer came about (an upstream OutcomeKind ordinal): a reversal of the network's approval goes upstream too
    final byte[] outcomeKind;

    RecentAuthorizations(final int maxAuthorizations) {
        super(maxAuthorizations);
        terminalKey = new long[slots];
        stan = new int[slots];
        transmission = new long[slots];
        state = new byte[slots];
        decidedAt = new long[slots];
        tokenHigh = new long[slots];
        tokenLow = new long[slots];
        amountMinor = new long[slots];
        reasonOrdinal = new int[slots];
        ruleId = new int[slots];
        responseCode = new int[slots];
        authorizationId = new long[slots];
        outcomeKind = new byte[slots];
    }

    private static int hash(final long terminal, final int stanValue, final long transmissionValue) {
        return mix(terminal ^ (stanValue * 0x100000001B3L) ^ (transmissionValue << 20));
    }

    /** The slot of the request so identified (the first, if several cards share the key), or -1. */
    int find(final long terminal, final int stanValue, final long transmissionValue) {
        int slot = hash(terminal, stanValue, transmissionValue) & mask;
        while (state[slot] != EMPTY) {
            if (terminalKey[slot] == terminal && stan[slot] == stanValue && transmission[slot] == transmissionValue) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /**
     * The slot of the request so identified for this card, or -1: a request that repeats the key
     * with another card is not a duplicate (answering it with the first card's approval would be
     * wrong), so duplicates are matched on the card too.
     */
    int findForCard(final long terminal, final int stanValue, final long transmissionValue, final long high,
        final long low) {
        int slot = hash(terminal, stanValue, transmissionValue) & mask;
        while (state[slot] != EMPTY) {
            if (terminalKey[slot] == terminal && stan[slot] == stanValue && transmission[slot] == transmissionValue
                && tokenHigh[slot] == high && tokenLow[slot] == low) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** Adds a request not yet present (the caller checked with {@link #find}); returns its slot. */
    int add(final long terminal, final int stanValue, final long transmissionValue, final long now) {
        final int home = hash(terminal, stanValue, transmissionValue) & mask;
        reserve(home);
        int slot = home;
        while (state[slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        terminalKey[slot] = terminal;
        stan[slot] = stanValue;
        transmission[slot] = transmissionValue;
        decidedAt[slot] = Math.max(now, 1);
        state[slot] = DECLINED;
        added();
        return slot;
    }

    byte state(final int slot) {
        return state[slot];
    }

    void state(final int slot, final byte newState) {
        state[slot] = newState;
    }

    long decidedAt(final int slot) {
        return decidedAt[slot];
    }

    @Override
    boolean isEmpty(final int slot) {
        return state[slot] == EMPTY;
    }

    @Override
    int homeOf(final int slot) {
        return hash(terminalKey[slot], stan[slot], transmission[slot]) & mask;
    }

    @Override
    long lastUsedOf(final int slot) {
        return decidedAt[slot];
    }

    @Override
    void move(final int from, final int to) {
        terminalKey[to] = terminalKey[from];
        stan[to] = stan[from];
        transmission[to] = transmission[from];
        state[to] = state[from];
        decidedAt[to] = decidedAt[from];
        tokenHigh[to] = tokenHigh[from];
        tokenLow[to] = tokenLow[from];
        amountMinor[to] = amountMinor[from];
        reasonOrdinal[to] = reasonOrdinal[from];
        ruleId[to] = ruleId[from];
        responseCode[to] = responseCode[from];
        authorizationId[to] = authorizationId[from];
        outcomeKind[to] = outcomeKind[from];
    }

    @Override
    void clear(final int slot) {
        state[slot] = EMPTY;
        terminalKey[slot] = 0;
        stan[slot] = 0;
        transmission[slot] = 0;
        decidedAt[slot] = 0;
    }
}
