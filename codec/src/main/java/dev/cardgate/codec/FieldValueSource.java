package dev.cardgate.codec;

import org.agrona.DirectBuffer;

/**
 * Where the encoder takes a field's value from: a CharSequence, a buffer, or another message's
 * field. One reusable instance per encoder, re-pointed per field, so that every {@code put}
 * shares one write path and nothing is allocated. Padding of fixed-length fields is applied
 * here, as a view: {@code pad} characters of {@code padCharacter} before or after the value.
 */
final class FieldValueSource {
    private static final int CHARACTERS = 0;
    private static final int BUFFER = 1;
    private static final int MESSAGE = 2;

    private int kind;
    private CharSequence characters;
    private DirectBuffer buffer;
    private int bufferOffset;
    private Iso8583Decoder message;
    private int messageField;
    private int length;
    private int padBefore;
    private int padAfter;
    private byte padCharacter;

    FieldValueSource characters(final CharSequence value) {
        kind = CHARACTERS;
        characters = value;
        length = value.length();
        return noPadding();
    }

    FieldValueSource bytes(final DirectBuffer value, final int offset, final int valueLength) {
        kind = BUFFER;
        buffer = value;
        bufferOffset = offset;
        length = valueLength;
        return noPadding();
    }

    FieldValueSource field(final Iso8583Decoder from, final int number) {
        kind = MESSAGE;
        message = from;
        messageField = number;
        length = from.fieldLength(number);
        return noPadding();
    }

    private FieldValueSource noPadding() {
        padBefore = 0;
        padAfter = 0;
        return this;
    }

    /** Pads the value to {@code total} with {@code character}, before it (numbers) or after it (text). */
    void padTo(final int total, final byte character, final boolean before) {
        padCharacter = character;
        if (before) {
            padBefore = total - length;
        } else {
            padAfter = total - length;
        }
    }

    /** The value's length before padding. */
    int valueLength() {
        return length;
    }

    /** The padded length. */
    int length() {
        return padBefore + length + padAfter;
    }

    byte byteAt(final int index) {
        final int at = index - padBefore;
        if (at < 0 || at >= length) {
            return padCharacter;
        }
        switch (kind) {
            case CHARACTERS:
                return (byte)characters.charAt(at);
            case BUFFER:
                return buffer.getByte(bufferOffset + at);
            default:
                return message.valueAt(messageField, at);
        }
    }

    /** Drops references to the caller's objects once a field is written. */
    void clear() {
        characters = null;
        buffer = null;
        message = null;
    }
}
