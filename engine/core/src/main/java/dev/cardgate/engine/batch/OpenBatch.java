package dev.cardgate.engine.batch;

import java.util.List;

/**
 * A terminal's open batch as the host keeps it: for {@code cardgate terminal batch} and tests.
 *
 * @param batchNumber the open batch (1 for a terminal's first)
 * @param state       whether a settlement was answered 95, and whether the terminal has uploaded since
 * @param holdCount   pre-authorizations approved and neither completed, reversed nor expired
 * @param holdAmount  their amounts, minor units (of whatever currencies they were in)
 * @param currencies  the batch's totals, one entry per currency
 */
public record OpenBatch(int batchNumber, State state, int holdCount, long holdAmount,
    List<CurrencyTotals> currencies) {

    public OpenBatch {
        currencies = List.copyOf(currencies);
    }

    /** Where the batch is in its settlement. */
    public enum State {
        /** Taking transactions; no settlement answered 95. */
        OPEN,
        /** A settlement was answered 95: the terminal is expected to upload its batch (0320). */
        AWAITING_UPLOAD,
        /** The terminal has uploaded since the 95: the next settlement is compared with the upload. */
        UPLOADED;

        static State of(final byte tableState) {
            return tableState == BatchTable.AWAITING_UPLOAD ? AWAITING_UPLOAD
                : tableState == BatchTable.UPLOADED ? UPLOADED : OPEN;
        }
    }

    /**
     * One currency's totals, indexed as {@link dev.cardgate.engine.event.TerminalTotals} 0 to 7.
     *
     * @param counted  as the host counted them from the journal
     * @param uploaded as the terminal uploaded them after a 95; null when it has not
     */
    public record CurrencyTotals(int currency, long[] counted, long[] uploaded) {
        public CurrencyTotals {
            counted = counted.clone();
            uploaded = uploaded == null ? null : uploaded.clone();
        }

        /** Total {@code index} as counted. */
        public long total(final int index) {
            return counted[index];
        }

        /** Debits - debit reversals - credits + credit reversals: field 97 as the host would send it. */
        public long net() {
            return counted[6] - counted[7] - counted[4] + counted[5];
        }

        @Override
        public long[] counted() {
            return counted.clone();
        }

        @Override
        public long[] uploaded() {
            return uploaded == null ? null : uploaded.clone();
        }

        @Override
        public boolean equals(final Object other) {
            return other instanceof CurrencyTotals that && currency == that.currency
                && java.util.Arrays.equals(counted, that.counted) && java.util.Arrays.equals(uploaded, that.uploaded);
        }

        @Override
        public int hashCode() {
            return 31 * currency + java.util.Arrays.hashCode(counted);
        }

        @Override
        public String toString() {
            return "CurrencyTotals[" + currency + " " + java.util.Arrays.toString(counted) + " uploaded "
                + java.util.Arrays.toString(uploaded) + "]";
        }
    }
}
