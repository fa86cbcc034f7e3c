package dev.cardgate.codec;

import dev.cardgate.codec.dialect.ContentType;
import dev.cardgate.codec.dialect.Dialect;
import dev.cardgate.codec.dialect.Encoding;
import dev.cardgate.codec.dialect.FieldDefinition;
import dev.cardgate.codec.dialect.Padding;
import java.nio.ByteOrder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * A flyweight writer of one ISO 8583 message into a caller's buffer: {@link #wrap}, set the
 * {@link #messageType}, put fields in ascending order, then {@link #finish} writes the bitmaps
 * and returns the message's length. The secondary bitmap is inserted when the first field above
 * 64 is put. A response is built from its request by {@link #copyField copying} the fields a host
 * echoes straight from the request's bytes.
 *
 * <p>Allocates nothing. A value that does not fit its field (too long, a letter in a numeric
 * field) is a caller's bug and throws {@link IllegalArgumentException}; the message is then
 * incomplete and the encoder must be wrapped again before further use. The buffer must have
 * room for the whole message (Agrona's bounds checks stop a write past its end).
 *
 * <p>Not thread-safe: one encoder per thread.
 */
public final class Iso8583Encoder {
    private final Dialect dialect;
    private final FieldDefinition[] fields = new FieldDefinition[Dialect.MAX_FIELD + 1];
    private final FieldValueSource source = new FieldValueSource();

    private MutableDirectBuffer buffer;
    private int offset;
    private int position;
    private int messageType = -1;
    private long primaryBitmap;
    private long secondaryBitmap;
    private int lastField;

    public Iso8583Encoder(final Dialect dialect) {
        this.dialect = dialect;
        for (int number = 2; number <= Dialect.MAX_FIELD; number++) {
            fields[number] = dialect.field(number);
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Starts a message at {@code offset}; the buffer belongs to the caller. */
    public Iso8583Encoder wrap(final MutableDirectBuffer buffer, final int offset) {
        this.buffer = buffer;
        this.offset = offset;
        this.position = offset + dialect.messageTypeBytes() + dialect.bitmapBytes();
        this.messageType = -1;
        this.primaryBitmap = 0;
        this.secondaryBitmap = 0;
        this.lastField = 1;
        return this;
    }

    /** @param messageType as a number: 110 for "0110" */
    public Iso8583Encoder messageType(final int messageType) {
        if (messageType < 0 || messageType > 9999) {
            throw new IllegalArgumentException("message type " + messageType + " is not four digits");
        }
        this.messageType = messageType;
        WireDigits.write(buffer, offset, messageType, 4, dialect.messageTypeEncoding(), Padding.LEFT);
        return this;
    }

    /** Puts a numeric field; a fixed field is zero-filled on the left. */
    public Iso8583Encoder putNumeric(final int number, final long value) {
        final FieldDefinition field = begin(number);
        if (field.content() != ContentType.NUMERIC) {
            throw new IllegalArgumentException("field " + number + " is " + field.content() + ", not numeric");
        }
        if (value < 0) {
            throw new IllegalArgumentException("field " + number + ": negative value " + value);
        }
        final int digits = field.isFixed() ? field.maxLength() : WireDigits.count(value);
        if (WireDigits.count(value) > field.maxLength()) {
            throw new IllegalArgumentException("field " + number + ": " + value + " has more than " + field.maxLength() + " digits");
        }
        position += writeLengthPrefix(field, digits);
        position += WireDigits.write(buffer, position, value, digits, field.dataEncoding(), field.padding());
        return this;
    }

    /** Puts a text, numeric, track or amount field from characters (ISO-8859-1). */
    public Iso8583Encoder putText(final int number, final CharSequence value) {
        final FieldDefinition field = begin(number);
        write(field, source.characters(value));
        return this;
    }

    /** Puts a field from {@code length} bytes of {@code value}: characters, or raw bytes for a binary field. */
    public Iso8583Encoder putBytes(final int number, final DirectBuffer value, final int valueOffset, final int length) {
        final FieldDefinition field = begin(number);
        write(field, source.bytes(value, valueOffset, length));
        return this;
    }

    /**
     * Copies field {@code number} from a decoded message, if present: its bytes as they are when
     * both dialects lay it out alike, else its value re-encoded.
     */
    public Iso8583Encoder copyField(final Iso8583Decoder from, final int number) {
        if (!from.hasField(number)) {
            return this;
        }
        final FieldDefinition field = begin(number);
        if (field.sameLayoutAs(from.dialect().field(number))) {
            final int bytes = from.fieldWireLength(number);
            buffer.putBytes(position, from.buffer(), from.fieldStart(number), bytes);
            position += bytes;
        } else {
            write(field, source.field(from, number));
        }
        return this;
    }

    /**
     * Puts field {@code number} as the bytes it took on the wire in a message of this encoder's
     * dialect, its length prefix included: {@code source[start, start + wireLength)}, as a
     * decoder of the same dialect found them ({@link Iso8583Decoder#fieldStart}, {@link
     * Iso8583Decoder#fieldWireLength}). For echoing a field from a request kept as bytes, without
     * decoding it again; the caller vouches for the dialect.
     */
    public Iso8583Encoder putWireField(final int number, final DirectBuffer source, final int start,
        final int wireLength) {
        begin(number);
        buffer.putBytes(position, source, start, wireLength);
        position += wireLength;
        return this;
    }

    /**
     * Copies each of {@code numbers} (ascending) that the decoded message has. Fields that lie
     * next to each other in the request and keep their layout are copied as one run of bytes.
     * Pass a constant array: nothing is allocated.
     */
    public Iso8583Encoder copyFields(final Iso8583Decoder from, final int[] numbers) {
        int runStart = -1;
        int runEnd = -1;
        for (final int number : numbers) {
            if (!from.hasField(number)) {
                continue;
            }
            final boolean sameLayout = number >= 2 && number <= Dialect.MAX_FIELD && fields[number] != null
                && fields[number].sameLayoutAs(from.dialect().field(number));
            // the secondary bitmap moves what is written, and a re-encoded field is written at once
            if (!sameLayout || (number > 64 && secondaryBitmap == 0)) {
                position += copyRun(from, runStart, runEnd);
                runStart = -1;
                runEnd = -1;
            }
            if (!sameLayout) {
                copyField(from, number);
                continue;
            }
            begin(number);
            final int start = from.fieldStart(number);
            if (start != runEnd) {
                position += copyRun(from, runStart, runEnd);
                runStart = start;
            }
            runEnd = start + from.fieldWireLength(number);
        }
        position += copyRun(from, runStart, runEnd);
        return this;
    }

    private int copyRun(final Iso8583Decoder from, final int start, final int end) {
        if (start < 0) {
            return 0;
        }
        buffer.putBytes(position, from.buffer(), start, end - start);
        return end - start;
    }

    /** Bytes written so far from the message's start. */
    public int length() {
        return position - offset;
    }

    /**
     * Writes the bitmaps.
     *
     * @return the message's length in bytes
     */
    public int finish() {
        if (messageType < 0) {
            throw new IllegalStateException("no message type was set");
        }
        final int bitmapOffset = offset + dialect.messageTypeBytes();
        writeBitmap(bitmapOffset, primaryBitmap);
        if (secondaryBitmap != 0) {
            writeBitmap(bitmapOffset + dialect.bitmapBytes(), secondaryBitmap);
        }
        return position - offset;
    }

    private FieldDefinition begin(final int number) {
        final FieldDefinition field = number >= 2 && number <= Dialect.MAX_FIELD ? fields[number] : null;
        if (field == null) {
            throw new IllegalArgumentException("field " + number + " is not defined in dialect " + dialect.name());
        }
        if (number <= lastField) {
            throw new IllegalStateException("field " + number + " put after field " + lastField + ": put fields in ascending order");
        }
        if (number > 64) {
            if (secondaryBitmap == 0) {
                openSecondaryBitmap();
            }
            secondaryBitmap |= Long.MIN_VALUE >>> (number - 65);
        } else {
            primaryBitmap |= Long.MIN_VALUE >>> (number - 1);
        }
        lastField = number;
        return field;
    }

    /** Moves the fields written so far to make room for the secondary bitmap, and flags it. */
    private void openSecondaryBitmap() {
        final int fieldsStart = offset + dialect.messageTypeBytes() + dialect.bitmapBytes();
        final int room = dialect.bitmapBytes();
        // an overlapping move: Agrona's putBytes copies as memmove does
        buffer.putBytes(fieldsStart + room, buffer, fieldsStart, position - fieldsStart);
        position += room;
        primaryBitmap |= Long.MIN_VALUE;
    }

    private void write(final FieldDefinition field, final FieldValueSource value) {
        final int valueLength = value.valueLength();
        if (valueLength > field.maxLength()) {
            value.clear();
            throw new IllegalArgumentException(
                "field " + field.number() + ": length " + valueLength + " is over its maximum " + field.maxLength());
        }
        if (valueLength < 2 && field.content() == ContentType.AMOUNT) {
            value.clear();
            throw new IllegalArgumentException("field " + field.number() + ": an amount needs a sign, C or D, and digits");
        }
        if (field.isFixed() && valueLength < field.maxLength()) {
            padFixed(field, value);
        }
        position += writeLengthPrefix(field, value.length());
        position += FieldDataWriter.write(buffer, position, field, value);
        value.clear();
    }

    private static void padFixed(final FieldDefinition field, final FieldValueSource value) {
        switch (field.content()) {
            case NUMERIC:
                value.padTo(field.maxLength(), (byte)'0', true);
                break;
            case BINARY:
            case AMOUNT:
            case TRACK:
                value.clear();
                throw new IllegalArgumentException("field " + field.number() + ": length " + value.valueLength()
                    + " must be exactly " + field.maxLength());
            default:
                value.padTo(field.maxLength(), (byte)' ', false);
                break;
        }
    }

    private int writeLengthPrefix(final FieldDefinition field, final int length) {
        if (field.isFixed()) {
            return 0;
        }
        final Encoding encoding = field.prefixEncoding();
        final int digits = field.lengthKind().prefixDigits();
        if (encoding == Encoding.BINARY) {
            if (digits == 2) {
                buffer.putByte(position, (byte)length);
                return 1;
            }
            buffer.putShort(position, (short)length, ByteOrder.BIG_ENDIAN);
            return 2;
        }
        return WireDigits.write(buffer, position, length, digits, encoding, Padding.LEFT);
    }

    private void writeBitmap(final int at, final long bitmap) {
        if (dialect.bitmapEncoding() == Encoding.BINARY) {
            buffer.putLong(at, bitmap, ByteOrder.BIG_ENDIAN);
            return;
        }
        for (int i = 0; i < 16; i++) {
            buffer.putByte(at + i, CharacterTables.HEX_DIGITS[(int)(bitmap >>> (60 - 4 * i)) & 0xF]);
        }
    }
}
