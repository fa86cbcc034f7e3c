package dev.cardgate.codec;

/** Why a message could not be decoded. Each has a fixed explanation; the exception adds where. */
public enum CodecError {
    TRUNCATED("message ends before the data it announces"),
    BAD_MESSAGE_TYPE("message type is not four digits"),
    BAD_BITMAP("bitmap is not valid hex"),
    UNDEFINED_FIELD("bitmap announces a field the dialect does not define"),
    BAD_LENGTH_PREFIX("length prefix is not a number"),
    FIELD_TOO_LONG("field is longer than its maximum"),
    NON_NUMERIC("non-numeric digit in a numeric field"),
    BAD_TRACK_DATA("track data holds a character other than a digit or the separator"),
    BAD_AMOUNT_SIGN("amount does not start with C or D"),
    BAD_TEXT("text field holds a character its type does not allow (a control byte, a byte above 0x7E,"
        + " or a special character in an a or an field)"),
    BAD_HEX("binary field written as hex holds a non-hex character"),
    TRAILING_BYTES("bytes left after the last field the bitmap announces");

    private final String explanation;

    CodecError(final String explanation) {
        this.explanation = explanation;
    }

    public String explanation() {
        return explanation;
    }
}
