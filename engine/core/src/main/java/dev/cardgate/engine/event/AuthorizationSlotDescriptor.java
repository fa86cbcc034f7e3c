package dev.cardgate.engine.event;

/**
 * The byte layout of one ring slot ({@link AuthorizationEvent}): little-endian, 544 bytes. Its
 * first 256 bytes are the journal record of format version 2, so the journal appends a slot by
 * copying that prefix and filling in the words marked (J), and replay reads a record through the
 * same flyweight. The bytes after the record carry what only the front-end needs: where the
 * fields the answer echoes lie in the request's frame, so the answer is written without decoding
 * the request again.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  | (J) Record Length (256)       | (J) CRC32C of bytes 8 to 255  |   0
 *  +---------------------------------------------------------------+
 *  |                 (J) Engine Sequence                           |   8
 *  +---------------------------------------------------------------+
 *  |                 Decision Time, epoch milliseconds             |  16
 *  +---------------------------------------------------------------+
 *  |                 (J) Monotonic Time, nanoseconds               |  24
 *  +---------------------------------------------------------------+
 *  |                 Amount, minor units (field 4)                 |  32
 *  +---------------------------------------------------------------+
 *  |                 Card Token, high 64 bits                      |  40
 *  +---------------------------------------------------------------+
 *  |                 Card Token, low 64 bits                       |  48
 *  +---------------------------------------------------------------+
 *  |                 Authorization Id (field 38; -1 when none)     |  56
 *  +---------------------------------------------------------------+
 *  |                 Present Fields (primary bitmap, fields 1-64)  |  64
 *  +---------------------------------------------------------------+
 *  |                 Transmission Date Time (field 7, MMDDhhmmss)  |  72
 *  +---------------------------------------------------------------+
 *  |                 Original Transmission Date Time (field 90)    |  80
 *  +---------------------------------------------------------------+
 *  | Message Type Indicator        | Processing Code (field 3)     |  88
 *  +---------------------------------------------------------------+
 *  | STAN (field 11)               | Local Time (field 12, hhmmss) |  96
 *  +---------------------------------------------------------------+
 *  | Local Date (field 13, MMDD)   | Expiry (field 14, YYMM)       | 104
 *  +---------------------------------------------------------------+
 *  | Rule Id                       | Dry-Run Rule Id               | 112
 *  +---------------------------------------------------------------+
 *  | PAN First Six                 | Original STAN (field 90)      | 120
 *  +---------------------------------------------------------------+
 *  | PAN Last Four | Currency f.49 | MCC f.18      | Country f.19  | 128  (shorts)
 *  +---------------------------------------------------------------+
 *  | POS Entry f.22| Net. Mgmt f.70| Orig. MTI f.90|Reason |Resp.39| 136
 *  +---------------------------------------------------------------+
 *  |PAN Len| Flags | Terminal Id (8 ASCII bytes, field 41, 146-153)| 144
 *  +---------------------------------------------------------------+
 *  | ...           | Merchant Id (15 ASCII bytes, field 42, 154-168)  152
 *  +---------------------------------------------------------------+
 *  | ...  | Retrieval Reference Number (12 ASCII bytes, field 37,   | 168
 *  |        169-180)                    |Outcome|Stored |Upstrm.| 176
 *  |                                    | Kind  |Msgs   |Event  |
 *  +---------------------------------------------------------------+
 *  | Upstream STAN (field 11 toward the network, 184-187)          | 184
 *  +---------------------------------------------------------------+
 *  | Net.39| Reserved, zero (189-191)                              | 188
 *  +---------------------------------------------------------------+
 *  | Batch Number (terminal day)   |Kind(196)|Rsv|Settled Currency| 192
 *  +---------------------------------------------------------------+
 *  |                 Reserved, zero (200-207, terminal day)        | 200
 *  +---------------------------------------------------------------+
 *  |                 Reserved, zero (208-223)                      | 208
 *  +---------------------------------------------------------------+
 *  |   (J) Chain MAC: HMAC-SHA-256(journal key, previous record's   | 224
 *  |       chain MAC || bytes 8 to 223), 32 bytes                  |
 *  +===============================================================+
 *  | Echo Count (int)              | Reserved                      | 256  slot only
 *  +---------------------------------------------------------------+
 *  | Echo n: Field Number (int) | Frame Offset (int) | Wire Length  | 264 + 12n, n < 16
 *  +---------------------------------------------------------------+
 *  | Terminal Totals n (long): a settlement's fields 74-89, 97, 50  | 456 + 8n, n < 11
 *  +---------------------------------------------------------------+
 * </pre>
 * Every datum has its own slot: nothing is overlaid behind a flag. In a slot the (J) words are
 * zero; the Reason byte is -1 until decided, and Resp. 39 is field 39 as sent (a rule may set it
 * apart from its reason's usual code). Flags: bit 0 the card token is present, bit 1 the PAN
 * passed the Luhn check. A clear PAN is never stored.
 *
 * <p>Upstream (181-191, zero in a record written before the upstream link, which reads as a
 * local decision): Outcome Kind ({@code dev.cardgate.engine.upstream.OutcomeKind}) says how the
 * answer came about (local, forwarded, the network's answer, stand-in, a timeout's answer, a
 * reversal queued upstream, a late approval reversed); Stored Msgs is a bit set of the messages
 * this decision queued in store and forward (bit 0 an advice, bit 1 a reversal); Upstream Event
 * says what brought the event into the ring (0 a request, else the link's
 * {@code UpstreamOutcome} ordinal + 1, or {@link #UPSTREAM_EVENT_LATE_APPROVAL}); Net. 39 is the
 * network's field 39 as answered (-1 when it did not answer, 0 in older records).
 *
 * <p>Batch Number and Kind ({@link TransactionKind}) are written by the decision thread: the
 * terminal's open batch the message counted in, and what kind of message it was; both zero in
 * records written before them, which read as "unclassified, no batch". The Terminal Totals are
 * a settlement request's totals as the terminal sent them ({@link TerminalTotals}), slot only.
 */
public final class AuthorizationSlotDescriptor {
    /** Bytes of the journal record (format version 2): the slot's prefix. */
    public static final int RECORD_LENGTH = 256;
    /** Bytes of a whole slot. */
    public static final int SLOT_LENGTH = 544;

    public static final int LENGTH_OFFSET = 0;
    public static final int CHECKSUM_OFFSET = 4;
    /** The checksum covers {@code [CHECKSUMMED_FROM, RECORD_LENGTH)}. */
    public static final int CHECKSUMMED_FROM = 8;
    public static final int SEQUENCE_OFFSET = 8;
    public static final int DECISION_TIME_OFFSET = 16;
    public static final int MONOTONIC_TIME_OFFSET = 24;
    public static final int AMOUNT_OFFSET = 32;
    public static final int CARD_TOKEN_HIGH_OFFSET = 40;
    public static final int CARD_TOKEN_LOW_OFFSET = 48;
    public static final int AUTHORIZATION_ID_OFFSET = 56;
    public static final int PRESENT_FIELDS_OFFSET = 64;
    public static final int TRANSMISSION_TIME_OFFSET = 72;
    public static final int ORIGINAL_TRANSMISSION_TIME_OFFSET = 80;
    public static final int MESSAGE_TYPE_OFFSET = 88;
    public static final int PROCESSING_CODE_OFFSET = 92;
    public static final int STAN_OFFSET = 96;
    public static final int LOCAL_TIME_OFFSET = 100;
    public static final int LOCAL_DATE_OFFSET = 104;
    public static final int EXPIRY_OFFSET = 108;
    public static final int RULE_ID_OFFSET = 112;
    public static final int DRY_RUN_RULE_ID_OFFSET = 116;
    public static final int PAN_FIRST_SIX_OFFSET = 120;
    public static final int ORIGINAL_STAN_OFFSET = 124;
    public static final int PAN_LAST_FOUR_OFFSET = 128;
    public static final int CURRENCY_OFFSET = 130;
    public static final int MCC_OFFSET = 132;
    public static final int COUNTRY_OFFSET = 134;
    public static final int POS_ENTRY_MODE_OFFSET = 136;
    public static final int NETWORK_MANAGEMENT_CODE_OFFSET = 138;
    public static final int ORIGINAL_MESSAGE_TYPE_OFFSET = 140;
    public static final int REASON_OFFSET = 142;
    public static final int RESPONSE_CODE_OFFSET = 143;
    public static final int PAN_LENGTH_OFFSET = 144;
    public static final int FLAGS_OFFSET = 145;
    public static final int TERMINAL_ID_OFFSET = 146;
    public static final int MERCHANT_ID_OFFSET = 154;
    public static final int RETRIEVAL_REFERENCE_OFFSET = 169;
    /** How the answer came about: an {@code OutcomeKind} ordinal; 0, local, in older records. */
    public static final int OUTCOME_KIND_OFFSET = 181;
    /** Bits of the store-and-forward messages this decision queued: {@link #STORED_ADVICE}, {@link #STORED_REVERSAL}. */
    public static final int STORED_MESSAGES_OFFSET = 182;
    /** What brought the event into the ring: 0 a request; else an outcome from the link. */
    public static final int UPSTREAM_EVENT_OFFSET = 183;
    /** Field 11 as the upstream link numbered the request toward the network; 0 when not forwarded. */
    public static final int UPSTREAM_STAN_OFFSET = 184;
    /** The network's field 39 as it answered a forwarded request; -1 when it did not answer. */
    public static final int NETWORK_RESPONSE_CODE_OFFSET = 188;
    /** The terminal's batch the message counted in (terminal day); 0 when none or before it. */
    public static final int BATCH_NUMBER_OFFSET = 192;
    /** {@link TransactionKind#code()}; 0 ({@link TransactionKind#UNCLASSIFIED}) in older records. */
    public static final int TRANSACTION_KIND_OFFSET = 196;
    /** A settlement's currency as the decision settled it (field 50, else 49, else the batch's only one). */
    public static final int SETTLED_CURRENCY_OFFSET = 198;
    /** The chain MAC covers the previous record's chain MAC and {@code [CHECKSUMMED_FROM, CHAIN_MAC_OFFSET)}. */
    public static final int CHAIN_MAC_OFFSET = 224;
    public static final int CHAIN_MAC_LENGTH = 32;

    public static final int ECHO_COUNT_OFFSET = 256;
    public static final int ECHO_ENTRIES_OFFSET = 264;
    public static final int ECHO_ENTRY_LENGTH = 12;
    /** Most fields an answer echoes. */
    public static final int MAX_ECHOED_FIELDS = 16;
    /** A settlement request's totals, {@link TerminalTotals#COUNT} longs, slot only. */
    public static final int TERMINAL_TOTALS_OFFSET = 456;

    /** Flags bit: the request carried a card token. */
    public static final int FLAG_CARD_TOKEN_PRESENT = 1;
    /** Flags bit: the PAN's last digit is its Luhn check digit. */
    public static final int FLAG_PAN_LUHN_VALID = 2;

    /** Stored Msgs bit: an advice (0120 for 0100, 0220 for 0200) was queued for the network. */
    public static final int STORED_ADVICE = 1;
    /** Stored Msgs bit: a reversal (0420) was queued for the network. */
    public static final int STORED_REVERSAL = 2;
    /** Upstream Event: a request (from a terminal or an embedder), not an outcome. */
    public static final int UPSTREAM_EVENT_REQUEST = 0;
    /** Upstream Event: an approval the network sent after the request's timeout. */
    public static final int UPSTREAM_EVENT_LATE_APPROVAL = 4;

    private AuthorizationSlotDescriptor() {
    }

    /** Offset of echo entry {@code n}'s field number; its frame offset and wire length follow. */
    public static int echoEntryOffset(final int n) {
        return ECHO_ENTRIES_OFFSET + n * ECHO_ENTRY_LENGTH;
    }
}
