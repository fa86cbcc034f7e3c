package dev.cardgate.engine.batch;

import dev.cardgate.engine.event.TerminalTotals;

/**
 * Each terminal's open batch: its number, whether a settlement was answered 95 and an upload is
 * expected, its open holds, and up to {@link #LANES} currencies of totals, each the eight totals
 * of {@link TerminalTotals} (indices 0 to 7) as the host counted them from the journal and as the
 * terminal uploaded them after a 95. Rows are never removed (a terminal keeps its batch number);
 * at the bound a new terminal is not tracked.
 *
 * <p>Decision thread only; linear probing over arrays allocated at construction, nothing after.
 */
final class BatchTable {
    /** Currencies one batch holds. */
    static final int LANES = 4;
    /** Totals per lane: indices 0 to 7 of {@link TerminalTotals}. */
    static final int TOTALS = 8;
    static final byte OPEN = 1;
    static final byte AWAITING_UPLOAD = 2;
    static final byte UPLOADED = 3;
    /** Lane currency marker: a used lane holds {@code currency | USED}, so currency 0 is a lane too. */
    private static final int USED = 0x10000;

    private final int mask;
    private final int maxTerminals;
    private final long[] terminalKey;
    private final byte[] state;
    private final int[] batchNumber;
    private final int[] holdCount;
    private final long[] holdAmount;
    private final int[] laneCurrency;
    private final long[] totals;
    private final long[] uploaded;
    private int size;

    BatchTable(final int maxTerminals) {
        this.maxTerminals = maxTerminals;
        final int slots = Integer.highestOneBit(maxTerminals * 2 - 1) << 1;
        mask = slots - 1;
        terminalKey = new long[slots];
        state = new byte[slots];
        batchNumber = new int[slots];
        holdCount = new int[slots];
        holdAmount = new long[slots];
        laneCurrency = new int[slots * LANES];
        totals = new long[slots * LANES * TOTALS];
        uploaded = new long[slots * LANES * TOTALS];
    }

    private static int home(final long key) {
        final long mixed = key * 0x9E3779B97F4A7C15L;
        return (int)(mixed ^ (mixed >>> 32));
    }

    /** The terminal's row, or -1. */
    int find(final long key) {
        int slot = home(key) & mask;
        while (state[slot] != 0) {
            if (terminalKey[slot] == key) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** The terminal's row, added with batch {@code firstBatch} when absent; -1 at the bound. */
    int findOrAdd(final long key, final int firstBatch) {
        int slot = home(key) & mask;
        while (state[slot] != 0) {
            if (terminalKey[slot] == key) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        if (size == maxTerminals) {
            return -1;
        }
        size++;
        terminalKey[slot] = key;
        state[slot] = OPEN;
        batchNumber[slot] = Math.max(firstBatch, 1);
        return slot;
    }

    int batchNumber(final int row) {
        return batchNumber[row];
    }

    byte state(final int row) {
        return state[row];
    }

    void state(final int row, final byte newState) {
        state[row] = newState;
    }

    int holdCount(final int row) {
        return holdCount[row];
    }

    long holdAmount(final int row) {
        return holdAmount[row];
    }

    void hold(final int row, final int count, final long amount) {
        holdCount[row] += count;
        holdAmount[row] += amount;
    }

    /** The lane of {@code currency} in the row, added when {@code add}; -1 when absent or all lanes are used. */
    int lane(final int row, final int currency, final boolean add) {
        final int base = row * LANES;
        for (int i = 0; i < LANES; i++) {
            if (laneCurrency[base + i] == (currency | USED)) {
                return base + i;
            }
        }
        if (add) {
            for (int i = 0; i < LANES; i++) {
                if (laneCurrency[base + i] == 0) {
                    laneCurrency[base + i] = currency | USED;
                    return base + i;
                }
            }
        }
        return -1;
    }

    /** The only used lane of the row, or -1 when none or several: a settlement without a currency. */
    int onlyLane(final int row) {
        int found = -1;
        for (int i = 0; i < LANES; i++) {
            if (laneCurrency[row * LANES + i] != 0) {
                if (found >= 0) {
                    return -1;
                }
                found = row * LANES + i;
            }
        }
        return found;
    }

    /** The lane's currency (field 49 code), or -1 when the lane is unused. */
    int currencyOf(final int lane) {
        return laneCurrency[lane] == 0 ? -1 : laneCurrency[lane] & ~USED;
    }

    /** Adds {@code count} and {@code amount} to totals {@code countIndex} and {@code amountIndex}. */
    void add(final int lane, final boolean upload, final int countIndex, final int amountIndex, final int count,
        final long amount) {
        final long[] into = upload ? uploaded : totals;
        into[lane * TOTALS + countIndex] += count;
        into[lane * TOTALS + amountIndex] += amount;
    }

    /** Total {@code index} (0 to 7 of {@link TerminalTotals}) of the lane, counted or uploaded. */
    long total(final int lane, final boolean upload, final int index) {
        return (upload ? uploaded : totals)[lane * TOTALS + index];
    }

    /** Forgets what the terminal uploaded (a new upload starts after another 95). */
    void clearUploads(final int row) {
        java.util.Arrays.fill(uploaded, row * LANES * TOTALS, (row + 1) * LANES * TOTALS, 0);
    }

    /** The lane is settled: its totals and uploads are cleared and it is free again. */
    void settleLane(final int lane) {
        laneCurrency[lane] = 0;
        java.util.Arrays.fill(totals, lane * TOTALS, (lane + 1) * TOTALS, 0);
        java.util.Arrays.fill(uploaded, lane * TOTALS, (lane + 1) * TOTALS, 0);
    }

    /** True when no lane of the row holds totals. */
    boolean noLaneUsed(final int row) {
        for (int i = 0; i < LANES; i++) {
            if (laneCurrency[row * LANES + i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Closes the row's batch: the next one begins, open and empty. */
    void close(final int row, final int settledBatch) {
        for (int i = 0; i < LANES; i++) {
            settleLane(row * LANES + i);
        }
        batchNumber[row] = settledBatch + 1;
        state[row] = OPEN;
    }
}
