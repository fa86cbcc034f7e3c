package dev.cardgate.codec.dialect;

import java.util.Objects;

/**
 * One ISO 8583 variant: how the message type and bitmaps are encoded and how each of the
 * data fields 2..128 is laid out. Immutable and shareable between threads; the decoder and
 * encoder read it on every message, so lookups are plain array reads.
 *
 * <p>Field 1 is the secondary bitmap, written by the codec itself when any field above 64 is
 * present; it is never defined here.
 */
public final class Dialect {
    /** Highest field number ISO 8583 with a secondary bitmap defines. */
    public static final int MAX_FIELD = 128;

    private final String name;
    private final Encoding messageTypeEncoding;
    private final Encoding bitmapEncoding;
    private final FieldDefinition[] fields;

    /**
     * @param fields indexed by field number; entries 0 and 1 are ignored, null means undefined
     */
    public Dialect(
        final String name,
        final Encoding messageTypeEncoding,
        final Encoding bitmapEncoding,
        final FieldDefinition[] fields) {
        this.name = Objects.requireNonNull(name, "name");
        if (messageTypeEncoding != Encoding.ASCII && messageTypeEncoding != Encoding.EBCDIC
            && messageTypeEncoding != Encoding.BCD) {
            throw new IllegalArgumentException(
                "message type encoding " + messageTypeEncoding + " is not one of ascii, ebcdic, bcd");
        }
        if (bitmapEncoding != Encoding.BINARY && bitmapEncoding != Encoding.HEX) {
            throw new IllegalArgumentException("bitmap encoding " + bitmapEncoding + " is not one of binary, hex");
        }
        this.messageTypeEncoding = messageTypeEncoding;
        this.bitmapEncoding = bitmapEncoding;
        this.fields = new FieldDefinition[MAX_FIELD + 1];
        for (int number = 2; number <= MAX_FIELD && number < fields.length; number++) {
            final FieldDefinition field = fields[number];
            if (field != null && field.number() != number) {
                throw new IllegalArgumentException("field " + field.number() + " is placed at number " + number);
            }
            this.fields[number] = field;
        }
    }

    public String name() {
        return name;
    }

    public Encoding messageTypeEncoding() {
        return messageTypeEncoding;
    }

    public Encoding bitmapEncoding() {
        return bitmapEncoding;
    }

    /** Bytes taken by the four-digit message type. */
    public int messageTypeBytes() {
        return messageTypeEncoding == Encoding.BCD ? 2 : 4;
    }

    /** Bytes taken by one 64-bit bitmap. */
    public int bitmapBytes() {
        return bitmapEncoding == Encoding.HEX ? 16 : 8;
    }

    /** The definition of data field {@code number}, or null if this dialect does not define it. */
    public FieldDefinition field(final int number) {
        return number >= 2 && number <= MAX_FIELD ? fields[number] : null;
    }

    /** A copy of the definitions, indexed by field number, for building a variant of this dialect. */
    public FieldDefinition[] fieldsCopy() {
        return fields.clone();
    }

    @Override
    public String toString() {
        return "dialect " + name + " (message type " + messageTypeEncoding.name().toLowerCase()
            + ", bitmap " + bitmapEncoding.name().toLowerCase() + ")";
    }
}
