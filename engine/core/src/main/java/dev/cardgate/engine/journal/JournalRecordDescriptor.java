package dev.cardgate.engine.journal;

/**
 * The layout of one journal record of format version 1: 128 bytes, little-endian, one per
 * decided request. This engine reads version 1 segments and writes version 2, whose record is
 * the ring slot's prefix ({@link dev.cardgate.engine.event.AuthorizationSlotDescriptor}).
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                 Record Length (128; written last)             |   0
 *  +---------------------------------------------------------------+
 *  |                 CRC32C of bytes 8 to 127                      |   4
 *  +---------------------------------------------------------------+
 *  |                 Engine Sequence (journal-wide, from 0)        |   8
 *  +---------------------------------------------------------------+
 *  |                 Decision Time, epoch milliseconds             |  16
 *  +---------------------------------------------------------------+
 *  |                 Monotonic Time, nanoseconds (System.nanoTime) |  24
 *  +---------------------------------------------------------------+
 *  |                 Amount, minor units (field 4)                 |  32
 *  +---------------------------------------------------------------+
 *  |                 Card Token, high 64 bits                      |  40
 *  +---------------------------------------------------------------+
 *  |                 Card Token, low 64 bits                       |  48
 *  +---------------------------------------------------------------+
 *  |                 Authorization Id (field 38; -1 when none)     |  56
 *  |   or, with flag ORIGINAL_DATA: Original STAN | Original Time  |     (ints, field 90)
 *  +---------------------------------------------------------------+
 *  | Message Type Indicator (int)  | Processing Code (int, f. 3)   |  64
 *  +---------------------------------------------------------------+
 *  | STAN (int, field 11)          | Transmission Time (int, f. 7) |  72
 *  +---------------------------------------------------------------+
 *  | Rule Id (int)                 | PAN First Six (int)           |  80
 *  +---------------------------------------------------------------+
 *  | PAN Last Four | Currency f.49 | MCC f.18      | Country f.19  |  88  (shorts)
 *  +---------------------------------------------------------------+
 *  | POS Entry f.22| Reason| Resp. | PAN Len| Flags| Terminal Id   |  96
 *  +---------------------------------------------------------------+
 *  |   ... Terminal Id (8 ASCII bytes, field 41, from 102) ...     | 104
 *  +---------------------------------------------------------------+
 *  |   Merchant Id (15 ASCII bytes, field 42, from 110) ...        | 112
 *  +---------------------------------------------------------------+
 *  |   ... Merchant Id            | Original MTI f.90 | Reserved   | 120
 *  +---------------------------------------------------------------+
 * </pre>
 * A reversal (04xx) that carried field 90 has no authorization id of its own, so its slot holds
 * the original's STAN and transmission time instead (flag {@link #FLAG_ORIGINAL_DATA_PRESENT}),
 * and the original message type sits in the short at 125: what replay needs to find the
 * original again. Records written before the flag existed have zeros there, read as "no field 90".
 * The length is stored last with a release store, so a reader that sees it non-zero sees the
 * whole record. A record is valid when its length is 128, its checksum matches and its
 * sequence is the one expected at its position. A clear PAN is never stored: the card is the
 * keyed-hash token, displayed as the masked PAN (first six, last four, length).
 */
public final class JournalRecordDescriptor {
    /** Bytes per record. */
    public static final int RECORD_LENGTH = 128;
    /** Bytes covered by the checksum: everything after it. */
    public static final int CHECKSUMMED_LENGTH = RECORD_LENGTH - 8;

    public static final int LENGTH_OFFSET = 0;
    public static final int CHECKSUM_OFFSET = 4;
    public static final int CHECKSUMMED_FROM = 8;
    public static final int SEQUENCE_OFFSET = 8;
    public static final int DECISION_TIME_OFFSET = 16;
    public static final int MONOTONIC_TIME_OFFSET = 24;
    public static final int AMOUNT_OFFSET = 32;
    public static final int CARD_TOKEN_HIGH_OFFSET = 40;
    public static final int CARD_TOKEN_LOW_OFFSET = 48;
    public static final int AUTHORIZATION_ID_OFFSET = 56;
    public static final int MESSAGE_TYPE_OFFSET = 64;
    public static final int PROCESSING_CODE_OFFSET = 68;
    public static final int STAN_OFFSET = 72;
    public static final int TRANSMISSION_TIME_OFFSET = 76;
    public static final int RULE_ID_OFFSET = 80;
    public static final int PAN_FIRST_SIX_OFFSET = 84;
    public static final int PAN_LAST_FOUR_OFFSET = 88;
    public static final int CURRENCY_OFFSET = 90;
    public static final int MCC_OFFSET = 92;
    public static final int COUNTRY_OFFSET = 94;
    public static final int POS_ENTRY_MODE_OFFSET = 96;
    public static final int REASON_OFFSET = 98;
    public static final int RESPONSE_CODE_OFFSET = 99;
    public static final int PAN_LENGTH_OFFSET = 100;
    public static final int FLAGS_OFFSET = 101;
    public static final int TERMINAL_ID_OFFSET = 102;
    public static final int MERCHANT_ID_OFFSET = 110;
    /** With {@link #FLAG_ORIGINAL_DATA_PRESENT}: field 90's original STAN, in the authorization id slot. */
    public static final int ORIGINAL_STAN_OFFSET = 56;
    /** With {@link #FLAG_ORIGINAL_DATA_PRESENT}: field 90's original transmission time (MMDDhhmmss). */
    public static final int ORIGINAL_TRANSMISSION_TIME_OFFSET = 60;
    /** Field 90's original message type (short); 0 when the request carried no field 90. */
    public static final int ORIGINAL_MESSAGE_TYPE_OFFSET = 125;
    public static final int RESERVED_OFFSET = 127;

    /** Flags bit: the request carried a card token. */
    public static final int FLAG_CARD_TOKEN_PRESENT = 1;
    /** Flags bit: a reversal with field 90; the authorization id slot holds the original's data. */
    public static final int FLAG_ORIGINAL_DATA_PRESENT = 2;

    private JournalRecordDescriptor() {
    }
}
