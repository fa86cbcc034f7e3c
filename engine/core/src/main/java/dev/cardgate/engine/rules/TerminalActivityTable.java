package dev.cardgate.engine.rules;

/**
 * Per-terminal card-testing state, keyed by the packed terminal id: the last
 * {@value #CARDS_PER_TERMINAL} distinct cards seen (a short hash of the token and when, in
 * seconds), and the declines in the current fixed window. Bounded by
 * {@code risk.max-tracked-terminals}; idle terminals are swept, the least recently used evicted
 * at the bound. Memory: about 150 bytes per slot, two slots per terminal.
 *
 * <p>Decision thread only; allocates nothing after construction.
 */
final class TerminalActivityTable extends OpenAddressingTable {
    /** Distinct cards remembered per terminal; a rule's max-distinct-cards must be below it. */
    static final int CARDS_PER_TERMINAL = 16;
    /** 2020-01-01T00:00:00Z: where {@link #seconds} counts from. */
    private static final long SECONDS_FROM_EPOCH_MILLIS = 1_577_836_800_000L;

    private final long[] terminalKey;
    private final long[] lastUsed;
    private final int[] cardHashes;
    private final int[] cardSeconds;
    private final long[] declineWindowStart;
    private final int[] declineCount;

    TerminalActivityTable(final int maxTerminals) {
        super(maxTerminals);
        terminalKey = new long[slots];
        lastUsed = new long[slots];
        cardHashes = new int[slots * CARDS_PER_TERMINAL];
        cardSeconds = new int[slots * CARDS_PER_TERMINAL];
        declineWindowStart = new long[slots];
        declineCount = new int[slots];
    }

    static int cardHash(final long tokenHigh, final long tokenLow) {
        final int hash = mix(tokenHigh ^ (tokenLow * 31));
        return hash == 0 ? 1 : hash;
    }

    /**
     * Seconds since 2020-01-01 UTC, to fit an int until 2088 (epoch seconds overflow one in
     * 2038) and stay above the 0 of an empty slot.
     */
    static int seconds(final long epochMillis) {
        return (int)((epochMillis - SECONDS_FROM_EPOCH_MILLIS) / 1000);
    }

    int find(final long key) {
        int slot = mix(key) & mask;
        while (lastUsed[slot] != 0) {
            if (terminalKey[slot] == key) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    int findOrAdd(final long key, final long now) {
        final int found = find(key);
        if (found >= 0) {
            lastUsed[found] = Math.max(lastUsed[found], now);
            return found;
        }
        final int home = mix(key) & mask;
        reserve(home);
        int slot = home;
        while (lastUsed[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        terminalKey[slot] = key;
        lastUsed[slot] = Math.max(now, 1);
        added();
        return slot;
    }

    /**
     * Distinct cards seen at the terminal since {@code sinceSecond}, counting {@code cardHash} as
     * one more if it is not among them.
     */
    int distinctCardsWith(final int slot, final int cardHash, final int sinceSecond) {
        final int base = slot * CARDS_PER_TERMINAL;
        int distinct = 0;
        boolean present = false;
        for (int i = base; i < base + CARDS_PER_TERMINAL; i++) {
            if (cardHashes[i] != 0 && cardSeconds[i] >= sinceSecond) {
                distinct++;
                present |= cardHashes[i] == cardHash;
            }
        }
        return present ? distinct : distinct + 1;
    }

    /** Remembers the card as seen now, replacing its older sighting or the oldest card. */
    void seeCard(final int slot, final int cardHash, final int second) {
        final int base = slot * CARDS_PER_TERMINAL;
        int target = -1;
        int oldest = base;
        for (int i = base; i < base + CARDS_PER_TERMINAL; i++) {
            if (cardHashes[i] == cardHash) {
                target = i;
                break;
            }
            if (cardSeconds[i] < cardSeconds[oldest]) {
                oldest = i;
            }
        }
        if (target < 0) {
            target = oldest;
            cardSeconds[target] = second;
        }
        cardHashes[target] = cardHash;
        cardSeconds[target] = Math.max(cardSeconds[target], second);
    }

    int declinesAt(final int slot, final long now, final long windowMillis) {
        return declineWindowStart[slot] != 0 && now < declineWindowStart[slot] + windowMillis ? declineCount[slot] : 0;
    }

    void declined(final int slot, final long now, final long windowMillis) {
        if (declineWindowStart[slot] == 0 || now >= declineWindowStart[slot] + windowMillis) {
            declineWindowStart[slot] = now;
            declineCount[slot] = 0;
        }
        declineCount[slot]++;
    }

    @Override
    boolean isEmpty(final int slot) {
        return lastUsed[slot] == 0;
    }

    @Override
    int homeOf(final int slot) {
        return mix(terminalKey[slot]) & mask;
    }

    @Override
    long lastUsedOf(final int slot) {
        return lastUsed[slot];
    }

    @Override
    void move(final int from, final int to) {
        terminalKey[to] = terminalKey[from];
        lastUsed[to] = lastUsed[from];
        System.arraycopy(cardHashes, from * CARDS_PER_TERMINAL, cardHashes, to * CARDS_PER_TERMINAL,
            CARDS_PER_TERMINAL);
        System.arraycopy(cardSeconds, from * CARDS_PER_TERMINAL, cardSeconds, to * CARDS_PER_TERMINAL,
            CARDS_PER_TERMINAL);
        declineWindowStart[to] = declineWindowStart[from];
        declineCount[to] = declineCount[from];
    }

    @Override
    void clear(final int slot) {
        terminalKey[slot] = 0;
        lastUsed[slot] = 0;
        java.util.Arrays.fill(cardHashes, slot * CARDS_PER_TERMINAL, (slot + 1) * CARDS_PER_TERMINAL, 0);
        java.util.Arrays.fill(cardSeconds, slot * CARDS_PER_TERMINAL, (slot + 1) * CARDS_PER_TERMINAL, 0);
        declineWindowStart[slot] = 0;
        declineCount[slot] = 0;
    }
}
