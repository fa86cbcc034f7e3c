package dev.cardgate.engine.event;

import dev.cardgate.engine.blocklist.BlockReason;

/**
 * Why the engine answered as it did, with the ISO 8583 response code (field 39) that the
 * terminal is sent. Later checks (card data, terminal, policy, risk) add their own reasons.
 */
public enum DecisionReason {
    /** 00, approved. */
    APPROVED(0),
    /** 41, pick up card: reported lost. */
    CARD_LOST(41),
    /** 43, pick up card: reported stolen. */
    CARD_STOLEN(43),
    /** 59, suspected fraud. */
    CARD_FRAUD(59),
    /** 62, restricted card: the account is closed. */
    CARD_CLOSED(62),
    /** 04, pick up card: blocked by the issuer for another reason. */
    CARD_BLOCKED_OTHER(4),
    /** 14, invalid card number: the PAN is not 12 to 19 digits, so it cannot be looked up. */
    INVALID_CARD_NUMBER(14),
    /** 96, system malfunction: deciding this request failed (a bug, a corrupt entry). */
    SYSTEM_MALFUNCTION(96),
    /** 91, issuer or switch inoperative: the ring was full, the request was not accepted. */
    SYSTEM_OVERLOADED(91),
    /** 91, issuer or switch inoperative: the engine is closing and accepts nothing new. */
    SHUTTING_DOWN(91),
    /** 96, system malfunction: the journal could not write the record, so no approval is given. */
    JOURNAL_FAILURE(96),
    /** 91, issuer or switch inoperative: the journal cannot write; new requests are refused. */
    JOURNAL_UNAVAILABLE(91),

    /** 00 for a network management message (0800 echo, sign-on, sign-off): accepted, nothing authorized. */
    NETWORK_MANAGEMENT_ACCEPTED(0);

    private static final DecisionReason[] BY_ORDINAL = values();

    private final int responseCode;

    DecisionReason(final int responseCode) {
        this.responseCode = responseCode;
    }

    /** Field 39 as a number: 0 is sent as the two characters "00", 4 as "04". */
    public int responseCode() {
        return responseCode;
    }

    /** True only for {@link #APPROVED}. */
    public boolean isApproval() {
        return this == APPROVED;
    }

    /** The reason with this ordinal, for readers of persisted records; null if unknown. */
    public static DecisionReason fromOrdinal(final int ordinal) {
        return ordinal >= 0 && ordinal < BY_ORDINAL.length ? BY_ORDINAL[ordinal] : null;
    }

    /** The decline reason for a card on the hot-card list. */
    public static DecisionReason forBlockReason(final BlockReason blockReason) {
        switch (blockReason) {
            case LOST:
                return CARD_LOST;
            case STOLEN:
                return CARD_STOLEN;
            case FRAUD:
                return CARD_FRAUD;
            case CLOSED:
                return CARD_CLOSED;
            case OTHER:
                return CARD_BLOCKED_OTHER;
            default:
                throw new IllegalArgumentException("no decision reason for block reason " + blockReason);
        }
    }
}
