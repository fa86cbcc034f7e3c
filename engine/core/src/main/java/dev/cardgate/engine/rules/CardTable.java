package dev.cardgate.engine.rules;

/**
 * Per-card risk state, keyed by card token: the velocity counters of every velocity rule (one
 * {@link VelocityLane} each), and the country and time of the card's last approval (impossible
 * travel). Bounded by {@code risk.max-tracked-cards}; a card idle longer than the longest window
 * is swept away, and at the bound the least recently used card near the new one's slot is
 * evicted. Memory: about 56 bytes per slot plus 20 per slot per velocity rule, two slots per card.
 *
 * <p>Decision thread only; allocates nothing after construction.
 */
final class CardTable extends OpenAddressingTable {
    private final long[] tokenHigh;
    private final long[] tokenLow;
    private final long[] lastUsed;
    private final int[] lastCountry;
    private final long[] lastApprovedAt;
    private VelocityLane[] lanes = new VelocityLane[0];

    CardTable(final int maxCards) {
        super(maxCards);
        tokenHigh = new long[slots];
        tokenLow = new long[slots];
        lastUsed = new long[slots];
        lastCountry = new int[slots];
        lastApprovedAt = new long[slots];
    }

    void lanes(final VelocityLane[] lanes) {
        this.lanes = lanes;
    }

    VelocityLane lane(final int index) {
        return lanes[index];
    }

    int laneCount() {
        return lanes.length;
    }

    /** The card's slot, or -1 when the card is not tracked. */
    int find(final long high, final long low) {
        int slot = mix(high ^ low) & mask;
        while (lastUsed[slot] != 0) {
            if (tokenHigh[slot] == high && tokenLow[slot] == low) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** The card's slot, tracking it (and evicting another if at the bound) when new. */
    int findOrAdd(final long high, final long low, final long now) {
        final int found = find(high, low);
        if (found >= 0) {
            lastUsed[found] = Math.max(lastUsed[found], now);
            return found;
        }
        final int home = mix(high ^ low) & mask;
        reserve(home);
        int slot = home;
        while (lastUsed[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        tokenHigh[slot] = high;
        tokenLow[slot] = low;
        lastUsed[slot] = Math.max(now, 1);
        added();
        return slot;
    }

    int lastCountry(final int slot) {
        return lastCountry[slot];
    }

    long lastApprovedAt(final int slot) {
        return lastApprovedAt[slot];
    }

    void approved(final int slot, final long now, final long amountMinor, final int country) {
        for (final VelocityLane lane : lanes) {
            lane.approve(slot, now, amountMinor);
        }
        lastCountry[slot] = country;
        lastApprovedAt[slot] = now;
    }

    void giveBack(final int slot, final long approvedAt, final long amountMinor) {
        for (final VelocityLane lane : lanes) {
            lane.giveBack(slot, approvedAt, amountMinor);
        }
    }

    @Override
    boolean isEmpty(final int slot) {
        return lastUsed[slot] == 0;
    }

    @Override
    int homeOf(final int slot) {
        return mix(tokenHigh[slot] ^ tokenLow[slot]) & mask;
    }

    @Override
    long lastUsedOf(final int slot) {
        return lastUsed[slot];
    }

    @Override
    void move(final int from, final int to) {
        tokenHigh[to] = tokenHigh[from];
        tokenLow[to] = tokenLow[from];
        lastUsed[to] = lastUsed[from];
        lastCountry[to] = lastCountry[from];
        lastApprovedAt[to] = lastApprovedAt[from];
        for (final VelocityLane lane : lanes) {
            lane.move(from, to);
        }
    }

    @Override
    void clear(final int slot) {
        tokenHigh[slot] = 0;
        tokenLow[slot] = 0;
        lastUsed[slot] = 0;
        lastCountry[slot] = 0;
        lastApprovedAt[slot] = 0;
        for (final VelocityLane lane : lanes) {
            lane.clear(slot);
        }
    }
}
