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
    NETWORK_MANAGEMENT_ACCEPTED(0),

    // the journal stores a reason by its ordinal: new reasons only ever go after the last one

    /** 58, transaction not permitted to terminal: field 41 is not in the terminal registry. */
    TERMINAL_UNKNOWN(58),
    /** 58: the terminal is registered as disabled. */
    TERMINAL_DISABLED(58),
    /** 58: the terminal is suspended (by an operator, or by the card-testing rule). */
    TERMINAL_SUSPENDED(58),
    /** 91 (or the configured code): the terminal is registered as faulty or under maintenance. */
    TERMINAL_FAULTY(91),
    /** 58: the terminal's software is older than the minimum configured for its model. */
    TERMINAL_SOFTWARE_OUTDATED(58),
    /** 03, invalid merchant: field 42 is not the merchant the terminal is registered to. */
    MERCHANT_MISMATCH(3),
    /** 58: the terminal must sign on (network management 0800, code 001) and has not. */
    TERMINAL_NOT_SIGNED_ON(58),
    /** 14, invalid card number: the PAN's Luhn check digit is wrong. */
    CARD_LUHN_INVALID(14),
    /** 54, expired card: field 14 is before the current month. */
    CARD_EXPIRED(54),
    /** 30, format error: a field the message type requires is absent or malformed. */
    FORMAT_ERROR(30),
    /** 13, invalid amount: zero, negative or more digits than field 4 holds. */
    INVALID_AMOUNT(13),
    /** 58: the acquirer does not accept the currency (field 49) at its terminals. */
    CURRENCY_NOT_ACCEPTED(58),
    /** A policy rule declined: its configured code (57 by default). */
    POLICY_DECLINED(57),
    /** 61, exceeds amount limit (or the rule's configured code, e.g. 13). */
    AMOUNT_LIMIT(61),
    /** 65, exceeds withdrawal count limit: too many approvals of the card in a window. */
    VELOCITY_COUNT(65),
    /** 61: the card's approved amount in a window would exceed the limit. */
    VELOCITY_AMOUNT(61),
    /** 59, suspected fraud: card testing at the terminal (many cards or many declines). */
    CARD_TESTING(59),
    /** 59, suspected fraud: the card was used in another country too recently. */
    IMPOSSIBLE_TRAVEL(59),
    /** 00 for a reversal (0400, 0420): acknowledged, never refused, or the terminal would repeat it. */
    REVERSAL_ACCEPTED(0),
    /** The network's decline of a forwarded request: its own field 39 (05 here only as the usual code). */
    NETWORK_DECLINED(5),
    /** 91: in stand-in, a limit was reached (the rule id says which: floor, card, terminal, merchant, budget). */
    STAND_IN_LIMIT(91),
    /** 91: the network did not answer a forwarded request in time, or the link carrying it was lost. */
    UPSTREAM_NO_ANSWER(91),
    /** 25, unable to locate record: a void whose original sale or refund is not in the open batch. */
    VOID_ORIGINAL_NOT_FOUND(25),
    /** 12, invalid transaction: a void of a sale or refund already voided. */
    VOID_ALREADY_VOIDED(12),
    /** 00 for a batch upload (0320) after a settlement answered 95: taken into the uploaded totals. */
    BATCH_UPLOAD_ACCEPTED(0),
    /** 12, invalid transaction: a batch upload while no settlement of the terminal was answered 95. */
    BATCH_UPLOAD_NOT_EXPECTED(12),
    /** 00 for a settlement (0500) whose totals agree with the host's: the batch is closed. */
    SETTLEMENT_AGREED(0),
    /** 95, reconcile error: the settlement's totals differ from the host's; the terminal uploads its batch. */
    SETTLEMENT_TOTALS_DIFFER(95);

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

    /** Answered 00 for a message that asks for no authorization: neither an approval nor a decline. */
    public boolean isAcknowledgement() {
        return this == NETWORK_MANAGEMENT_ACCEPTED || this == REVERSAL_ACCEPTED || this == BATCH_UPLOAD_ACCEPTED
            || this == SETTLEMENT_AGREED;
    }

    /** A refusal: counted among the declines, by reason and by field 39. */
    public boolean isDecline() {
        return !isApproval() && !isAcknowledgement();
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
