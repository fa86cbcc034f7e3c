package dev.cardgate.engine.event;

/**
 * The totals a terminal sends in its settlement request (0500), as ISO 8583:1987 defines them,
 * held in the slot after the echo entries ({@link AuthorizationSlotDescriptor#TERMINAL_TOTALS_OFFSET})
 * so that the decision thread compares them without decoding: index {@code n} of
 * {@link AuthorizationEvent#terminalTotal(int)} holds field {@link #FIELD_NUMBERS}{@code [n]}.
 * Counts are n 10, amounts n 16 in minor units; field 97 (x+n 16) is signed here, positive for
 * 'D' (a net debit: sales exceed refunds), negative for 'C'. {@link #PRESENT} holds a bit per
 * index for the fields the request carried.
 */
public final class TerminalTotals {
    /** Field 74, credits, number: refunds. */
    public static final int CREDITS_COUNT = 0;
    /** Field 75, credits, reversal number: voided refunds. */
    public static final int CREDIT_REVERSALS_COUNT = 1;
    /** Field 76, debits, number: sales, completions and offline sales. */
    public static final int DEBITS_COUNT = 2;
    /** Field 77, debits, reversal number: voided debits. */
    public static final int DEBIT_REVERSALS_COUNT = 3;
    /** Field 86, credits, amount. */
    public static final int CREDITS_AMOUNT = 4;
    /** Field 87, credits, reversal amount. */
    public static final int CREDIT_REVERSALS_AMOUNT = 5;
    /** Field 88, debits, amount. */
    public static final int DEBITS_AMOUNT = 6;
    /** Field 89, debits, reversal amount. */
    public static final int DEBIT_REVERSALS_AMOUNT = 7;
    /** Field 97, amount, net settlement: debits - debit reversals - credits + credit reversals. */
    public static final int NET_AMOUNT = 8;
    /** Field 50, currency code, settlement: which currency of the batch the totals are of. */
    public static final int CURRENCY = 9;
    /** A bit per index above: set when the request carried that field. */
    public static final int PRESENT = 10;
    /** Longs in the slot. */
    public static final int COUNT = 11;

    /** The ISO field of each index before {@link #PRESENT}. */
    private static final int[] FIELD_NUMBERS = {74, 75, 76, 77, 86, 87, 88, 89, 97, 50};

    private TerminalTotals() {
    }

    /** The ISO 8583 field number held at {@code index} (0 to 9). */
    public static int fieldNumber(final int index) {
        return FIELD_NUMBERS[index];
    }

    /** How many indices carry a field (all before {@link #PRESENT}). */
    public static int fieldCount() {
        return FIELD_NUMBERS.length;
    }
}
