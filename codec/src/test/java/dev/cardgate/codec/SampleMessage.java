package dev.cardgate.codec;

import dev.cardgate.codec.dialect.ContentType;
import dev.cardgate.codec.dialect.Dialect;
import dev.cardgate.codec.dialect.FieldDefinition;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A valid message for one dialect as plain values, for tests and benchmarks: the message type
 * and, per field, the value as the caller puts it (characters as ISO-8859-1 bytes, or raw bytes
 * for a binary field), before any padding. {@link #expectedValue} is what a decoder must read
 * back: the value padded as a fixed field is padded (numbers zero-filled on the left, text
 * space-filled on the right, as jPOS does).
 *
 * <p>Immutable once built; allocates freely (test support, not hot path).
 */
public final class SampleMessage {
    private final Dialect dialect;
    private final int messageType;
    private final NavigableMap<Integer, byte[]> values;

    public SampleMessage(final Dialect dialect, final int messageType, final NavigableMap<Integer, byte[]> values) {
        this.dialect = dialect;
        this.messageType = messageType;
        this.values = Collections.unmodifiableNavigableMap(new TreeMap<>(values));
    }

    public Dialect dialect() {
        return dialect;
    }

    public int messageType() {
        return messageType;
    }

    /** The message type as its four digits, "0100". */
    public String messageTypeText() {
        return String.format("%04d", messageType);
    }

    /** Field numbers present, ascending. */
    public NavigableMap<Integer, byte[]> values() {
        return values;
    }

    public boolean has(final int number) {
        return values.containsKey(number);
    }

    /** The value as put (unpadded), or null. */
    public byte[] value(final int number) {
        return values.get(number);
    }

    /** What a decoder reads back for this field: the value with the fixed-field padding applied. */
    public byte[] expectedValue(final int number) {
        final byte[] value = values.get(number);
        final FieldDefinition field = dialect.field(number);
        if (value == null || !field.isFixed() || value.length == field.maxLength()) {
            return value;
        }
        final byte[] padded = new byte[field.maxLength()];
        final int missing = padded.length - value.length;
        if (field.content() == ContentType.NUMERIC) {
            Arrays.fill(padded, 0, missing, (byte)'0');
            System.arraycopy(value, 0, padded, missing, value.length);
        } else {
            System.arraycopy(value, 0, padded, 0, value.length);
            Arrays.fill(padded, value.length, padded.length, (byte)' ');
        }
        return padded;
    }

    /** {@link #expectedValue} as characters (ISO-8859-1), for text, numeric, track and amount fields. */
    public String expectedText(final int number) {
        final byte[] expected = expectedValue(number);
        return expected == null ? null : new String(expected, StandardCharsets.ISO_8859_1);
    }

    public boolean isBinary(final int number) {
        return dialect.field(number).content() == ContentType.BINARY;
    }

    /**
     * Encodes this message with {@code encoder} at {@code offset}: character fields with
     * {@link Iso8583Encoder#putText}, binary ones with {@link Iso8583Encoder#putBytes}.
     *
     * @return the message's length
     */
    public int encode(final Iso8583Encoder encoder, final MutableDirectBuffer buffer, final int offset) {
        encoder.wrap(buffer, offset).messageType(messageType);
        for (final var entry : values.entrySet()) {
            final byte[] value = entry.getValue();
            if (isBinary(entry.getKey())) {
                encoder.putBytes(entry.getKey(), new UnsafeBuffer(value), 0, value.length);
            } else {
                encoder.putText(entry.getKey(), new String(value, StandardCharsets.ISO_8859_1));
            }
        }
        return encoder.finish();
    }

    /** Encodes this message into a new array of exactly its length. */
    public byte[] encode() {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[wireLengthBound()]);
        final int length = encode(new Iso8583Encoder(dialect), buffer, 0);
        final byte[] frame = new byte[length];
        buffer.getBytes(0, frame);
        return frame;
    }

    /** An upper bound of the encoded length, for sizing a buffer. */
    public int wireLengthBound() {
        int bound = 4 + 32;
        for (final var entry : values.entrySet()) {
            final FieldDefinition field = dialect.field(entry.getKey());
            bound += 3 + field.encodedLength(Math.max(field.maxLength(), entry.getValue().length));
        }
        return bound;
    }

    @Override
    public String toString() {
        final StringBuilder out = new StringBuilder(dialect.name()).append(' ').append(messageTypeText());
        for (final var entry : values.entrySet()) {
            out.append("\n  [").append(entry.getKey()).append("] ");
            if (isBinary(entry.getKey())) {
                out.append("hex ").append(HexFormat.of().formatHex(entry.getValue()));
            } else {
                out.append('"').append(new String(entry.getValue(), StandardCharsets.ISO_8859_1)).append('"');
            }
        }
        return out.toString();
    }
}
