package dev.cardgate.codec;

import dev.cardgate.codec.dialect.ContentType;
import dev.cardgate.codec.dialect.Encoding;
import dev.cardgate.codec.dialect.FieldDefinition;
import dev.cardgate.codec.dialect.Padding;
import org.agrona.DirectBuffer;

/**
 * Checks a field's bytes against its content type while the decoder indexes it: digits in
 * numeric fields, digits and the separator in track data, the sign of an amount, hex digits in
 * binary fields written as hex. Text and binary fields are carried as they are, as jPOS does.
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
        if (length == 0) {
            // a variable amount announced as empty has no sign byte: reading one would leave the field
            throw new CodecException(CodecError.BAD_AMOUNT_SIGN, field.number(), position - messageOffset, "empty");
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
        for (int i = 0; i < digits; i++) {
            final int c = buffer.getByte(position + i) & 0xFF;
            final boolean digit = ebcdic ? c >= EBCDIC_ZERO && c <= EBCDIC_NINE : c >= '0' && c <= '9';
            if (!digit && !(track && isTrackSeparator(c, ebcdic))) {
                throw new CodecException(track ? CodecError.BAD_TRACK_DATA : CodecError.NON_NUMERIC,
                    field.number(), position + i - messageOffset, "byte 0x" + Integer.toHexString(c));
            }
        }
    }

    private static boolean isTrackSeparator(final int c, final boolean ebcdic) {
        return ebcdic ? c == EBCDIC_EQUALS || c == EBCDIC_D : c == '=' || c == 'D';
    }

    private static void packedDigits(final DirectBuffer buffer, final FieldDefinition field, final int position,
        final int digits, final boolean padLeft, final boolean track, final int messageOffset) {
        final boolean odd = (digits & 1) == 1;
        final int nibbles = digits + (odd ? 1 : 0);
        for (int n = 0; n < nibbles; n++) {
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

    private static void hex(final DirectBuffer buffer, final FieldDefinition field, final int position,
        final int characters, final int messageOffset) {
        for (int i = 0; i < characters; i++) {
            if (CharacterTables.HEX_VALUE[buffer.getByte(position + i) & 0xFF] < 0) {
                throw new CodecException(CodecError.BAD_HEX, field.number(), position + i - messageOffset, "");
            }
        }
    }
}
