package dev.cardgate.engine.blocklist;

/**
 * Why a card is on the hot-card list, and the ISO 8583 response code (field 39) a terminal
 * is sent when it is presented.
 */
public enum BlockReason {
    /** Reported lost by the cardholder: 41, pick up card (lost). */
    LOST(41),
    /** Reported stolen: 43, pick up card (stolen). */
    STOLEN(43),
    /** Confirmed or suspected fraud: 59, suspected fraud. */
    FRAUD(59),
    /** Account closed by the issuer: 62, restricted card. */
    CLOSED(62),
    /** Any other reason the issuer gave: 04, pick up card. */
    OTHER(4);

    private static final BlockReason[] BY_ORDINAL = values();

    private final int responseCode;

    BlockReason(final int responseCode) {
        this.responseCode = responseCode;
    }

    /** The field 39 value as a number: 41 is sent as the two characters "41", 4 as "04". */
    public int responseCode() {
        return responseCode;
    }

    /** The reason stored under {@code ordinal}, for readers of persisted values; null if unknown. */
    public static BlockReason fromOrdinal(final int ordinal) {
        return ordinal >= 0 && ordinal < BY_ORDINAL.length ? BY_ORDINAL[ordinal] : null;
    }
}
