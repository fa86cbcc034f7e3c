package dev.cardgate.engine.upstream;

import java.util.Arrays;

/**
 * Minor units approved in stand-in per key (a card token, a terminal, a merchant) in the current
 * window: open addressing with linear probing over preallocated primitive arrays, at most
 * {@code maxKeys} keys. Nothing is removed one by one: the whole table is emptied when the window
 * ends ({@link #clear}), so a full table refuses new keys until then.
 *
 * <p>Decision thread only (or the starting thread during replay); allocates nothing after
 * construction.
 */
final class ExposureTable {
    /** {@link #slotFor}: the key is new and the table holds {@code maxKeys} keys already. */
    static final int FULL = -1;

    private final long[] keyHigh;
    private final long[] keyLow;
    private final long[] sumMinor;
    private final boolean[] used;
    private final int mask;
    private final int maxKeys;
    private int count;

    ExposureTable(final int maxKeys) {
        final int slots = Integer.highestOneBit(Math.max(2, maxKeys) * 2 - 1) << 1;
        keyHigh = new long[slots];
        keyLow = new long[slots];
        sumMinor = new long[slots];
        used = new boolean[slots];
        mask = slots - 1;
        this.maxKeys = maxKeys;
    }

    /** The key's slot, taking a free one for a new key; {@link #FULL} when there is none. */
    int slotFor(final long high, final long low) {
        int slot = mix(high * 31 + low) & mask;
        while (used[slot]) {
            if (keyHigh[slot] == high && keyLow[slot] == low) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        if (count == maxKeys) {
            return FULL;
        }
        used[slot] = true;
        keyHigh[slot] = high;
        keyLow[slot] = low;
        sumMinor[slot] = 0;
        count++;
        return slot;
    }

    long sum(final int slot) {
        return sumMinor[slot];
    }

    void add(final int slot, final long amountMinor) {
        sumMinor[slot] += amountMinor;
    }

    /** Keys held. */
    int size() {
        return count;
    }

    /** Empties the table: the window ended. Once per window, not per request. */
    void clear() {
        Arrays.fill(used, false);
        count = 0;
    }

    private static int mix(final long key) {
        final long mixed = key * 0x9E3779B97F4A7C15L;
        return (int)(mixed ^ (mixed >>> 32));
    }
}
