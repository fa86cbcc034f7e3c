package dev.cardgate.engine.rules;

/**
 * The shared mechanics of the risk state's primitive hash tables: linear probing over arrays a
 * subclass owns, a bound on live entries with eviction of the least recently used entry near the
 * home slot when the bound is reached, deletion by backward shift (no tombstones, so lookups stay
 * short), and an incremental sweep that removes entries idle longer than a retention time, a few
 * slots per call.
 *
 * <p>The arrays have twice as many slots as the bound (rounded up to a power of two), so probe
 * sequences stay short and an empty slot always exists. Decision thread only; nothing allocates
 * after construction.
 */
abstract class OpenAddressingTable {
    private static final int EVICTION_NEIGHBOURHOOD = 16;

    final int slots;
    final int mask;
    final int maxEntries;
    private int size;
    private int sweepCursor;

    OpenAddressingTable(final int maxEntries) {
        if (maxEntries < 1 || maxEntries > (1 << 28)) {
            throw new IllegalArgumentException("a risk table holds 1 to " + (1 << 28) + " entries, not " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.slots = Integer.highestOneBit(maxEntries * 2 - 1) << 1;
        this.mask = slots - 1;
    }

    /** True when {@code slot} holds no entry. */
    abstract boolean isEmpty(int slot);

    /** The home slot of the entry in {@code slot}. */
    abstract int homeOf(int slot);

    /** When the entry in {@code slot} was last used, for eviction and the sweep. */
    abstract long lastUsedOf(int slot);

    /** Moves every array's value from {@code from} to {@code to}. */
    abstract void move(int from, int to);

    /** Marks {@code slot} empty (and zeroes its values). */
    abstract void clear(int slot);

    static int mix(final long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        h ^= h >>> 32;
        h *= 0xBF58476D1CE4E5B9L;
        return (int)(h ^ (h >>> 29));
    }

    /**
     * Makes room for one more entry whose home is {@code home}: when the table holds its bound,
     * removes the least recently used entry among the occupied slots near {@code home} (or, if
     * those are all empty, at the sweep cursor onwards).
     */
    void reserve(final int home) {
        if (size < maxEntries) {
            return;
        }
        int oldestSlot = -1;
        long oldest = Long.MAX_VALUE;
        for (int i = 0; i < EVICTION_NEIGHBOURHOOD; i++) {
            final int slot = (home + i) & mask;
            if (!isEmpty(slot) && lastUsedOf(slot) < oldest) {
                oldest = lastUsedOf(slot);
                oldestSlot = slot;
            }
        }
        int slot = sweepCursor;
        while (oldestSlot < 0) {
            if (!isEmpty(slot)) {
                oldestSlot = slot;
            }
            slot = (slot + 1) & mask;
        }
        delete(oldestSlot);
    }

    /** Records that an entry was placed in a slot that was empty. */
    void added() {
        size++;
    }

    /** Removes the entry in {@code slot}, shifting later entries of its probe run back. */
    void delete(final int slot) {
        int hole = slot;
        int i = slot;
        while (true) {
            i = (i + 1) & mask;
            if (isEmpty(i)) {
                break;
            }
            final int home = homeOf(i);
            if (((i - home) & mask) >= ((i - hole) & mask)) {
                move(i, hole);
                hole = i;
            }
        }
        clear(hole);
        size--;
    }

    /** Looks at {@code count} slots from the sweep cursor and removes entries unused since {@code idleBefore}. */
    void sweep(final long idleBefore, final int count) {
        for (int i = 0; i < count; i++) {
            final int slot = sweepCursor;
            if (!isEmpty(slot) && lastUsedOf(slot) < idleBefore) {
                delete(slot);
            }
            else {
                sweepCursor = (slot + 1) & mask;
            }
        }
    }
}
