package dev.cardgate.codec.dialect;

import java.util.Objects;

/**
 * How one data field (2..128) is laid out on the wire: its content, length kind, maximum
 * length, and the encodings of its data and its length prefix. Immutable; checked once when
 * built so that the decoder and encoder never meet an impossible combination.
 *
 * <p>Lengths count digits for numeric and track fields, characters for text and amounts
 * (sign included), and bytes for binary fields, as ISO 8583 and jPOS count them.
 */
public final class FieldDefinition {
    private final int number;
    private final ContentType content;
    private final LengthKind lengthKind;
    private final int maxLength;
    private final Encoding dataEncoding;
    private final Encoding prefixEncoding;
    private final Padding padding;
    private final String name;
    private final int prefixBytes;
    private final boolean packed;

    /**
     * @param prefixEncoding null for a fixed-length field
     * @param padding        where the spare BCD nibble goes; null for the jPOS default
     *                       (left for fixed fields, right for variable ones)
     * @throws IllegalArgumentException naming what is wrong with the combination
     */
    public FieldDefinition(
        final int number,
        final ContentType content,
        final LengthKind lengthKind,
        final int maxLength,
        final Encoding dataEncoding,
        final Encoding prefixEncoding,
        final Padding padding,
        final String name) {
        this.number = number;
        this.content = Objects.requireNonNull(content, "content");
        this.lengthKind = Objects.requireNonNull(lengthKind, "lengthKind");
        this.maxLength = maxLength;
        this.dataEncoding = Objects.requireNonNull(dataEncoding, "dataEncoding");
        this.prefixEncoding = prefixEncoding;
        this.padding = padding != null ? padding : lengthKind == LengthKind.FIXED ? Padding.LEFT : Padding.RIGHT;
        this.name = name == null ? "" : name;
        validate();
        // read for every field of every message: computed once here
        this.prefixBytes = computePrefixBytes();
        this.packed = dataEncoding == Encoding.BCD;
    }

    private void validate() {
        if (number < 2 || number > 128) {
            throw new IllegalArgumentException("field number " + number + " is outside 2..128");
        }
        final int largest = lengthKind == LengthKind.FIXED ? 999 : lengthKind.largestLength();
        if (maxLength < 1 || maxLength > largest) {
            throw new IllegalArgumentException(
                "max length " + maxLength + " is outside 1.." + largest + " for a " + lengthKind + " field");
        }
        if (!dataEncodingFits()) {
            throw new IllegalArgumentException(
                "data encoding " + dataEncoding + " cannot carry content " + content.abbreviation()
                    + " (allowed: " + allowedDataEncodings() + ")");
        }
        if (lengthKind == LengthKind.FIXED && prefixEncoding != null) {
            throw new IllegalArgumentException("a fixed-length field has no length prefix");
        }
        if (lengthKind != LengthKind.FIXED && (prefixEncoding == null || prefixEncoding == Encoding.HEX)) {
            throw new IllegalArgumentException(
                "a " + lengthKind + " field needs a length prefix encoding: ascii, ebcdic, bcd or binary");
        }
        if (content == ContentType.AMOUNT && maxLength < 2) {
            throw new IllegalArgumentException("an amount needs a sign and at least one digit: max length >= 2");
        }
    }

    private boolean dataEncodingFits() {
        switch (content) {
            case NUMERIC:
            case TRACK:
            case AMOUNT:
                return dataEncoding == Encoding.ASCII || dataEncoding == Encoding.EBCDIC || dataEncoding == Encoding.BCD;
            case BINARY:
                return dataEncoding == Encoding.BINARY || dataEncoding == Encoding.HEX;
            default:
                return dataEncoding == Encoding.ASCII || dataEncoding == Encoding.EBCDIC;
        }
    }

    private String allowedDataEncodings() {
        switch (content) {
            case NUMERIC:
            case TRACK:
            case AMOUNT:
                return "ascii, ebcdic, bcd";
            case BINARY:
                return "binary, hex";
            default:
                return "ascii, ebcdic";
        }
    }

    public int number() {
        return number;
    }

    public ContentType content() {
        return content;
    }

    public LengthKind lengthKind() {
        return lengthKind;
    }

    public int maxLength() {
        return maxLength;
    }

    public Encoding dataEncoding() {
        return dataEncoding;
    }

    /** The length prefix's encoding; null for a fixed-length field. */
    public Encoding prefixEncoding() {
        return prefixEncoding;
    }

    public Padding padding() {
        return padding;
    }

    public String name() {
        return name;
    }

    public boolean isFixed() {
        return lengthKind == LengthKind.FIXED;
    }

    /** Bytes taken by the length prefix: 0 when fixed; 1 or 2 when packed or binary; 2 or 3 as characters. */
    public int prefixBytes() {
        return prefixBytes;
    }

    private int computePrefixBytes() {
        if (lengthKind == LengthKind.FIXED) {
            return 0;
        }
        if (prefixEncoding == Encoding.BCD || prefixEncoding == Encoding.BINARY) {
            return lengthKind == LengthKind.LLVAR ? 1 : 2;
        }
        return lengthKind.prefixDigits();
    }

    /** Bytes the data of a value of {@code length} (digits, characters or bytes) takes on the wire. */
    public int encodedLength(final int length) {
        if (packed) {
            // an amount keeps its sign as one character and packs its digits
            return content == ContentType.AMOUNT ? 1 + bcdBytes(length - 1) : bcdBytes(length);
        }
        return dataEncoding == Encoding.HEX ? length * 2 : length;
    }

    private static int bcdBytes(final int digits) {
        return (digits + 1) / 2;
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof FieldDefinition)) {
            return false;
        }
        final FieldDefinition that = (FieldDefinition)other;
        return number == that.number
            && maxLength == that.maxLength
            && content == that.content
            && lengthKind == that.lengthKind
            && dataEncoding == that.dataEncoding
            && prefixEncoding == that.prefixEncoding
            && padding == that.padding;
    }

    /** Same wire layout as {@code other}, whatever the number and name: bytes can be copied as they are. */
    public boolean sameLayoutAs(final FieldDefinition other) {
        return this == other
            || maxLength == other.maxLength
            && content == other.content
            && lengthKind == other.lengthKind
            && dataEncoding == other.dataEncoding
            && prefixEncoding == other.prefixEncoding
            && padding == other.padding;
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, content, lengthKind, maxLength, dataEncoding, prefixEncoding, padding);
    }

    @Override
    public String toString() {
        return "field " + number + " " + content.abbreviation() + " " + lengthKind.name().toLowerCase()
            + " " + maxLength + " data=" + dataEncoding.name().toLowerCase()
            + (prefixEncoding == null ? "" : " prefix=" + prefixEncoding.name().toLowerCase())
            + (name.isEmpty() ? "" : " (" + name + ")");
    }
}
