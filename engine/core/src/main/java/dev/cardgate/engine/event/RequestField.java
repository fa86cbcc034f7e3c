package dev.cardgate.engine.event;

import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.AMOUNT_OFFSET;
import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.COUNTRY_OFFSET;
import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.CURRENCY_OFFSET;
import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.EXPIRY_OFFSET;
import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.LOCAL_DATE_OFFSET;
import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.LOCAL_TIME_OFFSET;
import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.MCC_OFFSET;
import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.MERCHANT_ID_OFFSET;
import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.NETWORK_MANAGEMENT_CODE_OFFSET;
import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.POS_ENTRY_MODE_OFFSET;
import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.PROCESSING_CODE_OFFSET;
import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.RETRIEVAL_REFERENCE_OFFSET;
import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.STAN_OFFSET;
import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.TERMINAL_ID_OFFSET;
import static dev.cardgate.engine.event.AuthorizationSlotDescriptor.TRANSMISSION_TIME_OFFSET;

/**
 * The ISO 8583 fields that travel in the slot as they came, declared once: field number, the
 * name the journal's JSON gives it, where it sits in the slot, its width in bytes and its kind.
 * The front-end fills the slot from the decoder by walking this table, and {@code cardgate
 * journal --json} prints it by walking it too, so a new field of this kind is one line here
 * plus its offset in {@link AuthorizationSlotDescriptor} (and its checks). Fields the engine
 * derives rather than copies (the PAN's token and parts, field 90's parts, the bitmap) are
 * written by their own code.
 */
public enum RequestField {
    FIELD_3_PROCESSING_CODE(3, "processingCode", PROCESSING_CODE_OFFSET, Integer.BYTES, Kind.NUMBER),
    FIELD_4_AMOUNT(4, "amountMinor", AMOUNT_OFFSET, Long.BYTES, Kind.NUMBER),
    FIELD_7_TRANSMISSION_DATE_TIME(7, "transmissionDateTime", TRANSMISSION_TIME_OFFSET, Long.BYTES, Kind.DIGITS_10),
    FIELD_11_SYSTEM_TRACE_AUDIT_NUMBER(11, "stan", STAN_OFFSET, Integer.BYTES, Kind.NUMBER),
    FIELD_12_LOCAL_TRANSACTION_TIME(12, "localTime", LOCAL_TIME_OFFSET, Integer.BYTES, Kind.NUMBER),
    FIELD_13_LOCAL_TRANSACTION_DATE(13, "localDate", LOCAL_DATE_OFFSET, Integer.BYTES, Kind.NUMBER),
    FIELD_14_EXPIRY(14, "expiry", EXPIRY_OFFSET, Integer.BYTES, Kind.NUMBER),
    FIELD_18_MERCHANT_CATEGORY_CODE(18, "mcc", MCC_OFFSET, Short.BYTES, Kind.NUMBER),
    FIELD_19_COUNTRY_CODE(19, "country", COUNTRY_OFFSET, Short.BYTES, Kind.NUMBER),
    FIELD_22_POS_ENTRY_MODE(22, "posEntryMode", POS_ENTRY_MODE_OFFSET, Short.BYTES, Kind.NUMBER),
    FIELD_37_RETRIEVAL_REFERENCE_NUMBER(37, "retrievalReferenceNumber", RETRIEVAL_REFERENCE_OFFSET,
        AuthorizationEvent.RETRIEVAL_REFERENCE_LENGTH, Kind.TEXT),
    FIELD_41_TERMINAL_ID(41, "terminalId", TERMINAL_ID_OFFSET, AuthorizationEvent.TERMINAL_ID_LENGTH, Kind.TEXT),
    FIELD_42_MERCHANT_ID(42, "merchantId", MERCHANT_ID_OFFSET, AuthorizationEvent.MERCHANT_ID_LENGTH, Kind.TEXT),
    FIELD_49_CURRENCY_CODE(49, "currency", CURRENCY_OFFSET, Short.BYTES, Kind.NUMBER),
    FIELD_70_NETWORK_MANAGEMENT_CODE(70, "networkManagementCode", NETWORK_MANAGEMENT_CODE_OFFSET, Short.BYTES,
        Kind.NUMBER);

    /** How a field is held in the slot and shown. */
    public enum Kind {
        /** A number, little-endian in {@code width} bytes (2, 4 or 8); absent is 0. */
        NUMBER,
        /** A number shown as its ten digits (MMDDhhmmss), held as NUMBER is. */
        DIGITS_10,
        /** ASCII text of exactly {@code width} characters, space padded; absent is all spaces. */
        TEXT
    }

    /** Every field, in field order: a constant array, so walking it allocates nothing. */
    static final RequestField[] ALL = values();

    private final int number;
    private final String jsonName;
    private final int slotOffset;
    private final int width;
    private final Kind kind;

    RequestField(final int number, final String jsonName, final int slotOffset, final int width, final Kind kind) {
        this.number = number;
        this.jsonName = jsonName;
        this.slotOffset = slotOffset;
        this.width = width;
        this.kind = kind;
    }

    /** The fields in field order, as a constant array; callers must not change it. */
    public static RequestField[] all() {
        return ALL;
    }

    /** The ISO 8583 field number. */
    public int number() {
        return number;
    }

    public String jsonName() {
        return jsonName;
    }

    /** Offset in the slot ({@link AuthorizationSlotDescriptor}). */
    public int slotOffset() {
        return slotOffset;
    }

    /** Bytes in the slot: 2, 4 or 8 for a number, the characters of a text. */
    public int width() {
        return width;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isText() {
        return kind == Kind.TEXT;
    }
}
