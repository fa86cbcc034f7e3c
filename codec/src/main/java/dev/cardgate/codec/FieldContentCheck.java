package dev.cardgate.codec;

import dev.cardgate.codec.dialect.ContentType;
import dev.cardgate.codec.dialect.Encoding;
import dev.cardgate.codec.dialect.FieldDefinition;
import dev.cardgate.codec.dialect.Padding;
import org.agrona.DirectBuffer;

/**
 * Checks a field's bytes against its content type while the decoder indexes it: digits in
 * numeric fields, digits and the separator in track data, the sign of an amount, hex digits in
 * binary fields written as hex, and the characters of text fields as ISO 8583:1987 defines them:
 * {@code a} letters and the space, {@code an} letters, digits and the space, {@code ans} every
 * printable ASCII character (0x20 to 0x7E; EBCDIC is translated first). A control byte in a text
 * field is a content error, so it never reaches the journal or an operator's screen. Binary
 * fields are carried as they are.
 */
final class FieldContentCheck {
    private static final int EBCDIC_ZERO = 0xF0;
    private static final int EBCDIC_NINE = 0xF9;
    private static final int EBCDIC_EQUALS = 0x7E;
    private static final int EBCDIC_D = 0xC4;
    private static final int EBCDIC_C = 0xC3;
    private static final int TRACK_SEPARATOR_NIBBLE = 0xD;

    private FieldContentCheck() {
    }

    /** @throws CodecException at the first byte that does not fit the field's content */
    static void check(final DirectBuffer buffer, final FieldDefinition field, final int position, final int length,
        final int messageOffset) {
        final ContentType content = field.content();
        switch (content) {
            case NUMERIC:
                digits(buffer, field, position, length, Padding.LEFT == field.padding(), false, messageOffset);
                break;
            case TRACK:
                digits(buffer, field, position, length, Padding.LEFT == field.padding(), true, messageOffset);
                break;
            case AMOUNT:
                amount(buffer, field, position, length, messageOffset);
                break;
            case ALPHA:
                text(buffer, field, position, length, CharacterTables.LETTER | CharacterTables.SPACE, messageOffset);
                break;
            case ALPHANUMERIC:
                text(buffer, field, position, length,
                    CharacterTables.LETTER | CharacterTables.DIGIT | CharacterTables.SPACE, messageOffset);
                break;
            case ALPHANUMERIC_SPECIAL:
                text(buffer, field, position, length, CharacterTables.LETTER | CharacterTables.DIGIT
                    | CharacterTables.SPACE | CharacterTables.SPECIAL, messageOffset);
                break;
            case BINARY:
                if (field.dataEncoding() == Encoding.HEX) {
                    hex(buffer, field, position, length * 2, messageOffset);
                }
                break;
            default:
                break;
        }
    }

    private static void amount(final DirectBuffer buffer, final FieldDefinition field, final int position,
        final int length, final int messageOffset) {
        if (length < 2) {
            // an amount is a sign and at least one digit; an empty one has no sign byte to read
            throw new CodecException(CodecError.BAD_AMOUNT_SIGN, field.number(), position - messageOffset,
                length == 0 ? "empty" : "a sign without digits");
        }
        final int sign = buffer.getByte(position) & 0xFF;
        final boolean signed = field.dataEncoding() == Encoding.EBCDIC
            ? sign == EBCDIC_C || sign == EBCDIC_D
            : sign == 'C' || sign == 'D';
        if (!signed) {
            throw new CodecException(CodecError.BAD_AMOUNT_SIGN, field.number(), position - messageOffset, "");
        }
        // the digits after the sign are packed on the left, as jPOS packs a fixed numeric
        digits(buffer, field, position + 1, length - 1, true, false, messageOffset);
    }

    private static void digits(final DirectBuffer buffer, final FieldDefinition field, final int position,
        final int digits, final boolean padLeft, final boolean track, final int messageOffset) {
        final Encoding encoding = field.dataEncoding();
        if (encoding == Encoding.BCD) {
            packedDigits(buffer, field, position, digits, padLeft, track, messageOffset);
            return;
        }
        final boolean ebcdic = encoding == Encoding.EBCDIC;
        int first = 0;
        if (!ebcdic && !track) {
            // eight characters a step; a run with a non-digit falls through to the byte loop to locate it
            while (first + Long.BYTES <= digits && areAsciiDigits(buffer.getLong(position + first))) {
                first += Long.BYTES;
            }
            if (first + Integer.BYTES <= digits && areAsciiDigits(fourAsLong(buffer.getInt(position + first)))) {
                first += Integer.BYTES;
            }
        }
        for (int i = first; i < digits; i++) {
            final int c = buffer.getByte(position + i) & 0xFF;
            final boolean digit = ebcdic ? c >= EBCDIC_ZERO && c <= EBCDIC_NINE : c >= '0' && c <= '9';
            if (!digit && !(track && isTrackSeparator(c, ebcdic))) {
                throw new CodecException(track ? CodecError.BAD_TRACK_DATA : CodecError.NON_NUMERIC,
                    field.number(), position + i - messageOffset, "byte 0x" + Integer.toHexString(c));
            }
        }
    }

    /** True when each of the eight bytes is '0'..'9': high nibble 3, and low nibble + 6 does not carry. */
    private static boolean areAsciiDigits(final long eight) {
        final long highNibbles = 0xF0F0F0F0F0F0F0F0L;
        final long threes = 0x3030303030303030L;
        return (eight & highNibbles) == threes && ((eight + 0x0606060606060606L) & highNibbles) == threes;
    }

    /** Four characters in the low half of a long, the high half filled with '0' so it passes. */
    private static long fourAsLong(final int four) {
        return 0x3030303000000000L | (four & 0xFFFFFFFFL);
    }

    /** True when each of the sixteen nibbles is 0..9: adding 6 to a nibble of 10 or more carries out of it. */
    private static boolean arePackedDigits(final long eight) {
        final long lowNibbles = 0x0F0F0F0F0F0F0F0FL;
        final long sixes = 0x0606060606060606L;
        final long low = eight & lowNibbles;
        final long high = (eight >>> 4) & lowNibbles;
        return (((low + sixes) | (high + sixes)) & 0xF0F0F0F0F0F0F0F0L) == 0;
    }

    private static boolean isTrackSeparator(final int c, final boolean ebcdic) {
        return ebcdic ? c == EBCDIC_EQUALS || c == EBCDIC_D : c == '=' || c == 'D';
    }

    private static void packedDigits(final DirectBuffer buffer, final FieldDefinition field, final int position,
        final int digits, final boolean padLeft, final boolean track, final int messageOffset) {
        final boolean odd = (digits & 1) == 1;
        final int nibbles = digits + (odd ? 1 : 0);
        int n = 0;
        if (!track && !(odd && padLeft)) {
            // whole bytes of digits, eight a step; a right pad byte and a faulty run go to the nibble loop
            final int wholeNibbles = odd ? nibbles - 2 : nibbles;
            while (n + 16 <= wholeNibbles && arePackedDigits(buffer.getLong(position + (n >> 1)))) {
                n += 16;
            }
            if (n + 8 <= wholeNibbles && arePackedDigits(buffer.getInt(position + (n >> 1)) & 0xFFFFFFFFL)) {
                n += 8;
            }
        }
        for (; n < nibbles; n++) {
            final int packed = buffer.getByte(position + (n >> 1));
            final int nibble = (n & 1) == 0 ? (packed >> 4) & 0xF : packed & 0xF;
            final boolean pad = odd && (padLeft ? n == 0 : n == nibbles - 1);
            // pads are 0 (jPOS) or F (common in switches); anything else is a corrupt field
            final boolean valid = pad
                ? nibble == 0 || nibble == 0xF
                : nibble <= 9 || (track && nibble == TRACK_SEPARATOR_NIBBLE);
            if (!valid) {
                throw new CodecException(track ? CodecError.BAD_TRACK_DATA : CodecError.NON_NUMERIC,
                    field.number(), position + (n >> 1) - messageOffset, "nibble 0x" + Integer.toHexString(nibble));
            }
        }
    }

    private static void text(final DirectBuffer buffer, final FieldDefinition field, final int position,
        final int length, final int allowed, final int messageOffset) {
        final boolean ebcdic = field.dataEncoding() == Encoding.EBCDIC;
        for (int i = 0; i < length; i++) {
            final int raw = buffer.getByte(position + i) & 0xFF;
            final int c = ebcdic ? CharacterTables.EBCDIC_TO_ASCII[raw] & 0xFF : raw;
            if ((CharacterTables.TEXT_CLASS[c] & allowed) == 0) {
                throw new CodecException(CodecError.BAD_TEXT, field.number(), position + i - messageOffset,
                    "byte 0x" + Integer.toHexString(raw));
            }
        }
    }

    private static void hex(final DirectBuffer buffer, final FieldDefinition field, final int position,
        final int characters, final int messageOffset) {
        for (int i = 0; i < characters; i++) {
            if (CharacterTables.HEX_VALUE[buffer.getByte(position + i) & 0xFF] < 0) {
                throw new CodecException(CodecError.BAD_HEX, field.number(), position + i - messageOffset, "");
            }
        }
    }
}
