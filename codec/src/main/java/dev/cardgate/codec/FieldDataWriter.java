package dev.cardgate.codec;

import dev.cardgate.codec.dialect.ContentType;
import dev.cardgate.codec.dialect.FieldDefinition;
import dev.cardgate.codec.dialect.Padding;
import org.agrona.MutableDirectBuffer;

/**
 * Writes a field's data (not its length prefix) in the field's encoding, checking as it goes
 * that numeric, track and amount values hold what their content type allows.
 */
final class FieldDataWriter {
    private static final int TRACK_SEPARATOR_NIBBLE = 0xD;

    private FieldDataWriter() {
    }

    /** @return bytes written */
    static int write(final MutableDirectBuffer buffer, final int position, final FieldDefinition field,
        final FieldValueSource value) {
        final int length = value.length();
        switch (field.dataEncoding()) {
            case ASCII:
            case BINARY:
                for (int i = 0; i < length; i++) {
                    buffer.putByte(position + i, checked(field, value, i));
                }
                return length;
            case EBCDIC:
                for (int i = 0; i < length; i++) {
                    buffer.putByte(position + i, CharacterTables.ASCII_TO_EBCDIC[checked(field, value, i) & 0xFF]);
                }
                return length;
            case HEX:
                for (int i = 0; i < length; i++) {
                    final int b = value.byteAt(i) & 0xFF;
                    buffer.putByte(position + 2 * i, CharacterTables.HEX_DIGITS[b >> 4]);
                    buffer.putByte(position + 2 * i + 1, CharacterTables.HEX_DIGITS[b & 0xF]);
                }
                return length * 2;
            default:
                return writePacked(buffer, position, field, value, length);
        }
    }

    private static int writePacked(final MutableDirectBuffer buffer, final int position, final FieldDefinition field,
        final FieldValueSource value, final int length) {
        if (field.content() == ContentType.AMOUNT) {
            buffer.putByte(position, checked(field, value, 0));
            return 1 + pack(buffer, position + 1, field, value, 1, length - 1, Padding.LEFT);
        }
        return pack(buffer, position, field, value, 0, length, field.padding());
    }

    /** Packs {@code digits} characters from {@code first} two to a byte; an odd count gets a 0 pad nibble. */
    private static int pack(final MutableDirectBuffer buffer, final int position, final FieldDefinition field,
        final FieldValueSource value, final int first, final int digits, final Padding padding) {
        final int bytes = (digits + 1) / 2;
        final int shift = (digits & 1) == 1 && padding == Padding.LEFT ? 1 : 0;
        for (int b = 0; b < bytes; b++) {
            final int high = nibble(field, value, first, digits, 2 * b - shift);
            final int low = nibble(field, value, first, digits, 2 * b + 1 - shift);
            buffer.putByte(position + b, (byte)((high << 4) | low));
        }
        return bytes;
    }

    private static int nibble(final FieldDefinition field, final FieldValueSource value, final int first,
        final int digits, final int index) {
        if (index < 0 || index >= digits) {
            return 0;
        }
        final byte character = value.byteAt(first + index);
        if (character >= '0' && character <= '9') {
            return character - '0';
        }
        if (field.content() == ContentType.TRACK && (character == '=' || character == 'D')) {
            return TRACK_SEPARATOR_NIBBLE;
        }
        throw notAllowed(field, character, first + index);
    }

    private static byte checked(final FieldDefinition field, final FieldValueSource value, final int index) {
        final byte character = value.byteAt(index);
        switch (field.content()) {
            case NUMERIC:
                if (character < '0' || character > '9') {
                    throw notAllowed(field, character, index);
                }
                break;
            case TRACK:
                if ((character < '0' || character > '9') && character != '=' && character != 'D') {
                    throw notAllowed(field, character, index);
                }
                break;
            case AMOUNT:
                final boolean valid = index == 0
                    ? character == 'C' || character == 'D'
                    : character >= '0' && character <= '9';
                if (!valid) {
                    throw notAllowed(field, character, index);
                }
                break;
            default:
                break;
        }
        return character;
    }

    private static IllegalArgumentException notAllowed(final FieldDefinition field, final byte character, final int index) {
        return new IllegalArgumentException("field " + field.number() + " (" + field.content().abbreviation()
            + "): character 0x" + Integer.toHexString(character & 0xFF) + " at " + index + " is not allowed");
    }
}
