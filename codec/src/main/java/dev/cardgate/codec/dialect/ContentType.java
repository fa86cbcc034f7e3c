package dev.cardgate.codec.dialect;

/**
 * What a field holds, with the ISO 8583 abbreviation a dialect file uses for it.
 * The content type decides what the decoder validates and how a length is counted.
 */
public enum ContentType {
    /** Digits only; the length counts digits. */
    NUMERIC("n"),
    /** Letters and the space (ISO 8583:1987 {@code a}); anything else is a content error. */
    ALPHA("a"),
    /** Letters, digits and the space; anything else (a control byte, a special character) is a content error. */
    ALPHANUMERIC("an"),
    /** Printable ASCII, 0x20 to 0x7E (EBCDIC translated first); a control byte or a byte above 0x7E is a content error. */
    ALPHANUMERIC_SPECIAL("ans"),
    /** Opaque bytes; the length counts bytes. */
    BINARY("b"),
    /** Magnetic-stripe track data: digits and the separator ('=' in characters, nibble D packed). */
    TRACK("z"),
    /** A signed amount: 'C' (credit) or 'D' (debit) then digits; the length counts the sign too. */
    AMOUNT("x+n");

    private static final ContentType[] VALUES = values();

    private final String abbreviation;

    ContentType(final String abbreviation) {
        this.abbreviation = abbreviation;
    }

    public String abbreviation() {
        return abbreviation;
    }

    /** The content type written as {@code abbreviation} in a dialect file, or null. */
    public static ContentType fromAbbreviation(final String abbreviation) {
        for (final ContentType type : VALUES) {
            if (type.abbreviation.equals(abbreviation)) {
                return type;
            }
        }
        return null;
    }
}
