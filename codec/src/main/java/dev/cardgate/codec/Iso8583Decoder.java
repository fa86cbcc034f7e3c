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
 * A flyweight reader of one ISO 8583 message. {@link #wrap} reads the message type and the
 * bitmaps, then walks every announced field once: checks its length prefix against the
 * dialect, checks its content (digits, track characters, hex), and records where it starts in
 * pre-allocated arrays. Accessors then read a field without copying it or allocating.
 *
 * <p>Reads never leave {@code [offset, offset + length)}; the walk visits each field once, so
 * it ends. A malformed message throws {@link CodecException} naming the field, offset and
 * reason, and what was indexed stays readable so that a host can still answer with 30 (format
 * error) when it found the STAN. A fault in a field's content (a letter in a numeric field, a
 * bad amount sign) does not stop the walk, since the field's length is known: the field is
 * indexed and marked {@link #isMalformed}, the fields after it are indexed too, and the first
 * such fault is thrown once the walk ends. A fault in the message's structure (type, bitmap,
 * length prefix, truncation) stops the walk where it is found.
 *
 * <p>Not thread-safe: one decoder per thread. The wrapped buffer belongs to the caller and must
 * not change while the decoder reads it.
 */
public final class Iso8583Decoder {
    private final Dialect dialect;
    private final FieldDefinition[] fields = new FieldDefinition[Dialect.MAX_FIELD + 1];
    private final int[] fieldStart = new int[Dialect.MAX_FIELD + 1];
    private final int[] dataOffset = new int[Dialect.MAX_FIELD + 1];
    private final int[] valueLength = new int[Dialect.MAX_FIELD + 1];

    private DirectBuffer buffer;
    private int offset;
    private int limit;
    private int messageType = -1;
    private long primaryBitmap;
    private long secondaryBitmap;
    private long indexedPrimary;
    private long indexedSecondary;
    private long malformedPrimary;
    private long malformedSecondary;
    private CodecException firstContentFault;

    private long wrapCount;

    public Iso8583Decoder(final Dialect dialect) {
        this.dialect = dialect;
        for (int number = 2; number <= Dialect.MAX_FIELD; number++) {
            fields[number] = dialect.field(number);
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * Reads and indexes the message in {@code buffer[offset, offset + length)}.
     *
     * @throws CodecException when the message is malformed
     */
    public Iso8583Decoder wrap(final DirectBuffer buffer, final int offset, final int length) {
        if (offset < 0 || length < 0 || offset + length > buffer.capacity()) {
            throw new IllegalArgumentException(
                "frame [" + offset + ", " + (offset + length) + ") is outside a buffer of " + buffer.capacity());
        }
        wrapCount++;
        this.buffer = buffer;
        this.offset = offset;
        this.limit = offset + length;
        messageType = -1;
        primaryBitmap = 0;
        secondaryBitmap = 0;
        indexedPrimary = 0;
        indexedSecondary = 0;
        malformedPrimary = 0;
        malformedSecondary = 0;
        firstContentFault = null;

        int position = readMessageType(offset);
        primaryBitmap = readBitmap(position);
        position += dialect.bitmapBytes();
        if (primaryBitmap < 0) {
            secondaryBitmap = readBitmap(position);
            position += dialect.bitmapBytes();
        }
        long pending = primaryBitmap & Long.MAX_VALUE;
        while (pending != 0) {
            final int leadingZeros = Long.numberOfLeadingZeros(pending);
            position = indexField(leadingZeros + 1, position);
            indexedPrimary |= Long.MIN_VALUE >>> leadingZeros;
            pending &= ~(Long.MIN_VALUE >>> leadingZeros);
        }
        pending = secondaryBitmap;
        while (pending != 0) {
            final int leadingZeros = Long.numberOfLeadingZeros(pending);
            position = indexField(leadingZeros + 65, position);
            indexedSecondary |= Long.MIN_VALUE >>> leadingZeros;
            pending &= ~(Long.MIN_VALUE >>> leadingZeros);
        }
        if (position != limit) {
            throw fault(CodecError.TRAILING_BYTES, lastField(), position, (limit - position) + " byte(s)");
        }
        if (firstContentFault != null) {
            final CodecException contentFault = firstContentFault;
            firstContentFault = null;
            throw contentFault;
        }
        return this;
    }

    /**
     * How many times {@link #wrap} was called on this decoder: lets a caller show how often it
     * decodes. A plain counter of the decoder's thread; read it elsewhere only once that thread
     * is quiet (or accept a stale value).
     */
    public long wrapCount() {
        return wrapCount;
    }

    /** The message type as a number: 100 for "0100", 810 for "0810"; -1 when it could not be read. */
    public int messageType() {
        return messageType;
    }

    /**
     * The primary bitmap as read: field {@code n} (1..64) is bit {@code 64 - n}, so field 1 (a
     * secondary bitmap follows) is the sign bit. 0 when it could not be read.
     */
    public long primaryBitmap() {
        return primaryBitmap;
    }

    /** True when field {@code number} is present and was indexed (after a fault: indexed before it). */
    public boolean hasField(final int number) {
        if (number < 2 || number > Dialect.MAX_FIELD) {
            return false;
        }
        return number <= 64
            ? (indexedPrimary & (Long.MIN_VALUE >>> (number - 1))) != 0
            : (indexedSecondary & (Long.MIN_VALUE >>> (number - 65))) != 0;
    }

    /**
     * True when field {@code number} was indexed but its content does not fit its type (only
     * after {@link #wrap} threw): its bytes are as the sender wrote them, not to be read as a value.
     */
    public boolean isMalformed(final int number) {
        if (number < 2 || number > Dialect.MAX_FIELD) {
            return false;
        }
        return number <= 64
            ? (malformedPrimary & (Long.MIN_VALUE >>> (number - 1))) != 0
            : (malformedSecondary & (Long.MIN_VALUE >>> (number - 65))) != 0;
    }

    /** True when some field was indexed with content that does not fit its type (see {@link #isMalformed}). */
    public boolean hasMalformedFields() {
        return (malformedPrimary | malformedSecondary) != 0;
    }

    /** The field's length as its definition counts it: digits, characters (amount sign included) or bytes. */
    public int fieldLength(final int number) {
        return hasField(number) ? valueLength[number] : -1;
    }

    /** Offset of the field's first byte, its length prefix included; -1 when absent. */
    public int fieldStart(final int number) {
        return hasField(number) ? fieldStart[number] : -1;
    }

    /** Offset of the field's data, after any length prefix; -1 when absent. */
    public int fieldDataOffset(final int number) {
        return hasField(number) ? dataOffset[number] : -1;
    }

    /** Bytes the field takes on the wire, its length prefix included; -1 when absent. */
    public int fieldWireLength(final int number) {
        if (!hasField(number)) {
            return -1;
        }
        return dataOffset[number] - fieldStart[number] + fields[number].encodedLength(valueLength[number]);
    }

    /** The wrapped buffer, for copying a field's bytes as they are. */
    public DirectBuffer buffer() {
        return buffer;
    }

    /** Offset of the message in the wrapped buffer. */
    public int offset() {
        return offset;
    }

    /**
     * A numeric, track-free field's value as a number (the sign of an amount is left out: see
     * {@link #isDebitAmount}); -1 when the field is absent.
     *
     * @throws IllegalArgumentException if the field is not numeric or an amount, or has more than 18 digits
     */
    public long numeric(final int number) {
        if (!hasField(number)) {
            return -1;
        }
        final FieldDefinition field = fields[number];
        final boolean amount = field.content() == ContentType.AMOUNT;
        if (field.content() != ContentType.NUMERIC && !amount) {
            throw new IllegalArgumentException("field " + number + " is " + field.content() + ", not numeric");
        }
        final int length = valueLength[number];
        if (length - (amount ? 1 : 0) > 18) {
            throw new IllegalArgumentException("field " + number + " has " + length + " digits, more than a long holds");
        }
        long value = 0;
        for (int i = amount ? 1 : 0; i < length; i++) {
            value = value * 10 + (valueAt(number, i) - '0');
        }
        return value;
    }

    /**
     * Digits {@code [from, from + count)} of a numeric field as a number, for a field made of
     * parts (field 90: original message type, STAN, date and time, ...); -1 when the field is
     * absent or shorter than {@code from + count}.
     *
     * @throws IllegalArgumentException if the field is not numeric, or {@code count} is outside 1..18
     */
    public long numeric(final int number, final int from, final int count) {
        if (!hasField(number) || from < 0 || valueLength[number] < from + count) {
            return -1;
        }
        if (fields[number].content() != ContentType.NUMERIC) {
            throw new IllegalArgumentException("field " + number + " is " + fields[number].content() + ", not numeric");
        }
        if (count < 1 || count > 18) {
            throw new IllegalArgumentException("a part of " + count + " digits is outside 1..18");
        }
        long value = 0;
        for (int i = from; i < from + count; i++) {
            value = value * 10 + (valueAt(number, i) - '0');
        }
        return value;
    }

    /** True when the amount field starts with 'D' (debit). */
    public boolean isDebitAmount(final int number) {
        return hasField(number) && fields[number].content() == ContentType.AMOUNT && valueAt(number, 0) == 'D';
    }

    /**
     * Byte {@code index} of the field's value: an ASCII character for text, numeric, track and
     * amount fields (BCD and EBCDIC translated; a packed track separator reads '='), or a raw
     * byte of a binary field (hex decoded).
     */
    public byte valueAt(final int number, final int index) {
        final FieldDefinition field = fields[number];
        final int data = dataOffset[number];
        switch (field.dataEncoding()) {
            case ASCII:
            case BINARY:
                return buffer.getByte(data + index);
            case EBCDIC:
                return CharacterTables.EBCDIC_TO_ASCII[buffer.getByte(data + index) & 0xFF];
            case HEX:
                return (byte)((CharacterTables.HEX_VALUE[buffer.getByte(data + 2 * index) & 0xFF] << 4)
                    | CharacterTables.HEX_VALUE[buffer.getByte(data + 2 * index + 1) & 0xFF]);
            default:
                return packedCharacterAt(field, number, data, index);
        }
    }

    private byte packedCharacterAt(final FieldDefinition field, final int number, final int data, final int index) {
        if (field.content() == ContentType.AMOUNT) {
            return index == 0 ? buffer.getByte(data) : nibbleCharacter(data + 1, valueLength[number] - 1, Padding.LEFT, index - 1);
        }
        final byte character = nibbleCharacter(data, valueLength[number], field.padding(), index);
        // a packed track separator (nibble D) reads as '=', as jPOS and the track format have it
        return field.content() == ContentType.TRACK && character == 'D' ? (byte)'=' : character;
    }

    private byte nibbleCharacter(final int data, final int digits, final Padding padding, final int index) {
        final int nibble = index + ((digits & 1) == 1 && padding == Padding.LEFT ? 1 : 0);
        final int packed = buffer.getByte(data + (nibble >> 1));
        return CharacterTables.HEX_DIGITS[(nibble & 1) == 0 ? (packed >> 4) & 0xF : packed & 0xF];
    }

    /**
     * Copies the field's value (as {@link #valueAt} reads it) into {@code destination}.
     *
     * @return bytes written, or -1 when the field is absent
     */
    public int copyValue(final int number, final MutableDirectBuffer destination, final int destinationOffset) {
        if (!hasField(number)) {
            return -1;
        }
        final int length = valueLength[number];
        final Encoding encoding = fields[number].dataEncoding();
        if (encoding == Encoding.ASCII || encoding == Encoding.BINARY) {
            destination.putBytes(destinationOffset, buffer, dataOffset[number], length);
        } else {
            for (int i = 0; i < length; i++) {
                destination.putByte(destinationOffset + i, valueAt(number, i));
            }
        }
        return length;
    }

    /** True when the field is present and its value equals {@code expected}, character for character. */
    public boolean valueEquals(final int number, final CharSequence expected) {
        if (!hasField(number) || valueLength[number] != expected.length()) {
            return false;
        }
        for (int i = 0; i < expected.length(); i++) {
            if (valueAt(number, i) != (byte)expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The field's value as a String, or null when absent. Allocates: for tests and tools, not the hot path. */
    public String stringValue(final int number) {
        if (!hasField(number)) {
            return null;
        }
        final byte[] value = new byte[valueLength[number]];
        for (int i = 0; i < value.length; i++) {
            value[i] = valueAt(number, i);
        }
        return new String(value, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * Appends a readable dump for logs and debugging: card numbers and track data masked (first
     * six, last four), PIN blocks, MACs and binary data shown by length only. Allocates.
     */
    public StringBuilder appendTo(final StringBuilder out) {
        out.append(String.format("%04d", messageType));
        for (int number = 2; number <= Dialect.MAX_FIELD; number++) {
            if (isMalformed(number)) {
                out.append(" [").append(number).append("]=<malformed, length ").append(fieldLength(number)).append('>');
            } else if (hasField(number)) {
                out.append(" [").append(number).append("]=");
                MessageRedaction.appendValue(this, fields[number], number, out);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return appendTo(new StringBuilder(256)).toString();
    }

    private int readMessageType(final int position) {
        final int bytes = dialect.messageTypeBytes();
        if (position + bytes > limit) {
            throw fault(CodecError.TRUNCATED, CodecException.MESSAGE_TYPE, position, "message holds " + (limit - position) + " byte(s)");
        }
        final int value = WireDigits.read(buffer, position, 4, dialect.messageTypeEncoding(), Padding.LEFT);
        if (value < 0) {
            throw fault(CodecError.BAD_MESSAGE_TYPE, CodecException.MESSAGE_TYPE, position, "");
        }
        messageType = value;
        return position + bytes;
    }

    private long readBitmap(final int position) {
        final int bytes = dialect.bitmapBytes();
        if (position + bytes > limit) {
            throw fault(CodecError.TRUNCATED, CodecException.BITMAP, position, "bitmap needs " + bytes + " byte(s)");
        }
        if (dialect.bitmapEncoding() == Encoding.BINARY) {
            return buffer.getLong(position, ByteOrder.BIG_ENDIAN);
        }
        // sixteen hex characters, read as two longs rather than sixteen bounds-checked bytes
        final long high = hexWord(buffer.getLong(position, ByteOrder.BIG_ENDIAN), position);
        final long low = hexWord(buffer.getLong(position + 8, ByteOrder.BIG_ENDIAN), position + 8);
        final long bitmap = (high << 32) | low;
        return bitmap;
    }

    /** The 32-bit value of eight hex characters, most significant first. */
    private long hexWord(final long characters, final int position) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            final int digit = CharacterTables.HEX_VALUE[(int)(characters >>> (56 - 8 * i)) & 0xFF];
            if (digit < 0) {
                throw fault(CodecError.BAD_BITMAP, CodecException.BITMAP, position + i, "");
            }
            value = (value << 4) | digit;
        }
        return value;
    }

    private int indexField(final int number, final int start) {
        final FieldDefinition field = fields[number];
        if (field == null) {
            throw fault(CodecError.UNDEFINED_FIELD, number, start, "dialect " + dialect.name());
        }
        int position = start;
        int length = field.maxLength();
        if (!field.isFixed()) {
            final int prefixBytes = field.prefixBytes();
            if (position + prefixBytes > limit) {
                throw fault(CodecError.TRUNCATED, number, position, "length prefix needs " + prefixBytes + " byte(s)");
            }
            length = readLengthPrefix(field, position);
            if (length < 0) {
                throw fault(CodecError.BAD_LENGTH_PREFIX, number, position, "");
            }
            if (length > field.maxLength()) {
                throw fault(CodecError.FIELD_TOO_LONG, number, position, "length " + length + ", maximum " + field.maxLength());
            }
            position += prefixBytes;
        }
        final int bytes = field.encodedLength(length);
        if (position + bytes > limit) {
            throw fault(CodecError.TRUNCATED, number, position, "needs " + bytes + " byte(s), " + (limit - position) + " left");
        }
        try {
            FieldContentCheck.check(buffer, field, position, length, offset);
        } catch (final CodecException badContent) {
            // the length is known, so the walk goes on; the first such fault is thrown at its end
            if (firstContentFault == null) {
                firstContentFault = badContent;
            }
            if (number <= 64) {
                malformedPrimary |= Long.MIN_VALUE >>> (number - 1);
            } else {
                malformedSecondary |= Long.MIN_VALUE >>> (number - 65);
            }
        }
        fieldStart[number] = start;
        dataOffset[number] = position;
        valueLength[number] = length;
        return position + bytes;
    }

    private int readLengthPrefix(final FieldDefinition field, final int position) {
        final int digits = field.lengthKind().prefixDigits();
        if (field.prefixEncoding() == Encoding.BINARY) {
            return digits == 2 ? buffer.getByte(position) & 0xFF : buffer.getShort(position, ByteOrder.BIG_ENDIAN) & 0xFFFF;
        }
        // a packed LLL prefix is two bytes, four nibbles: the first is padding
        return WireDigits.read(buffer, position, digits, field.prefixEncoding(), Padding.LEFT);
    }

    private int lastField() {
        if (indexedSecondary != 0) {
            return 128 - Long.numberOfTrailingZeros(indexedSecondary);
        }
        return indexedPrimary != 0 ? 64 - Long.numberOfTrailingZeros(indexedPrimary) : CodecException.BITMAP;
    }

    private CodecException fault(final CodecError error, final int field, final int position, final String detail) {
        return new CodecException(error, field, position - offset, detail);
    }
}
