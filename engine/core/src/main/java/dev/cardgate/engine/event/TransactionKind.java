package dev.cardgate.engine.event;

/**
 * What a message was to the terminal's day, as the decision thread classified it and the journal
 * keeps it (byte 196 of the record): a sale, a void, a refund, a pre-authorization and its
 * completion, an advice, a batch upload, a settlement. Stored by {@link #code()}; new kinds only
 * ever get the next code. {@link #UNCLASSIFIED} (0) is what records written before the terminal
 * day read as.
 */
public enum TransactionKind {
    /** 0: a record from before the terminal day, or a message it does not classify. */
    UNCLASSIFIED(0),
    /** A financial request (0200, processing code 00xxxx): a debit in the batch. */
    SALE(1),
    /** An authorization request (0100): a hold on the card until completed, reversed or expired. */
    PREAUTHORIZATION(2),
    /** The completion of a pre-authorization (0220, or 0200 where configured, with field 90): a debit. */
    COMPLETION(3),
    /** A void (0200, processing code 02xxxx) of a sale or refund of the open batch. */
    VOID(4),
    /** A refund (0200, processing code 20xxxx): a credit in the batch. */
    REFUND(5),
    /** A financial advice (0220, 0221) of a sale approved offline: a debit. */
    OFFLINE_SALE_ADVICE(6),
    /** An authorization advice (0120, 0121) of an authorization approved offline: a hold. */
    AUTHORIZATION_ADVICE(7),
    /** A reversal (0400, 0420 and repeats). */
    REVERSAL(8),
    /** A batch upload (0320, 0321): one transaction as the terminal recorded it. */
    BATCH_UPLOAD(9),
    /** A settlement request (0500, 0501) with the terminal's batch totals. */
    SETTLEMENT(10),
    /** Network management (0800). */
    NETWORK_MANAGEMENT(11);

    private static final TransactionKind[] BY_CODE = values();

    private final int code;

    TransactionKind(final int code) {
        this.code = code;
    }

    /** The byte the journal stores. */
    public int code() {
        return code;
    }

    /** The kind stored as {@code code}; {@link #UNCLASSIFIED} for a code this version does not know. */
    public static TransactionKind fromCode(final int code) {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : UNCLASSIFIED;
    }

    /** The name the journal's output gives it: {@code sale}, {@code offline-sale-advice}. */
    public String displayName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
