package dev.cardgate.codec;

import dev.cardgate.codec.dialect.Encoding;
import dev.cardgate.codec.dialect.Padding;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Reads and writes short runs of decimal digits (message types, length prefixes, numeric
 * fields) in ASCII, EBCDIC or packed BCD, without allocating.
 */
final class WireDigits {
    private static final byte EBCDIC_ZERO = (byte)0xF0;

    private WireDigits() {
    }

    /** Bytes {@code digits} digits take in {@code encoding}. */
    static int bytes(final int digits, final Encoding encoding) {
        return encoding == Encoding.BCD ? (digits + 1) / 2 : digits;
    }

    /**
     * Reads {@code digits} digits (at most 9) at {@code position}.
     *
     * @return the value, or -1 when a byte or nibble is not a digit (a packed pad nibble must be 0)
     */
    static int read(final DirectBuffer buffer, final int position, final int digits, final Encoding encoding,
        final Padding padding) {
        int value = 0;
        if (encoding == Encoding.BCD) {
            final int skip = (digits & 1) == 1 && padding == Padding.LEFT ? 1 : 0;
            final int nibbles = digits + ((digits & 1) == 1 ? 1 : 0);
            for (int n = 0; n < nibbles; n++) {
                final int packed = buffer.getByte(position + (n >> 1));
                final int nibble = (n & 1) == 0 ? (packed >> 4) & 0xF : packed & 0xF;
                final boolean pad = (skip == 1 && n == 0) || (skip == 0 && (digits & 1) == 1 && n == nibbles - 1);
                if (pad) {
                    if (nibble != 0) {
                        return -1;
                    }
                } else if (nibble > 9) {
                    return -1;
                } else {
                    value = value * 10 + nibble;
                }
            }
            return value;
        }
        final int zero = encoding == Encoding.EBCDIC ? EBCDIC_ZERO & 0xFF : '0';
        for (int i = 0; i < digits; i++) {
            final int digit = (buffer.getByte(position + i) & 0xFF) - zero;
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /**
     * Writes {@code value} as exactly {@code digits} digits, zero-filled on the left.
     *
     * @return bytes written
     */
    static int write(final MutableDirectBuffer buffer, final int position, final long value, final int digits,
        final Encoding encoding, final Padding padding) {
        if (encoding == Encoding.BCD) {
            final int bytes = (digits + 1) / 2;
            final boolean padRight = (digits & 1) == 1 && padding == Padding.RIGHT;
            long remaining = value;
            // fill nibbles from the last digit backwards; a right pad nibble is the last one
            int nibble = bytes * 2 - 1;
            if (padRight) {
                nibble--;
            }
            for (int i = bytes - 1; i >= 0; i--) {
                buffer.putByte(position + i, (byte)0);
            }
            for (int d = 0; d < digits; d++, nibble--) {
                final int digit = (int)(remaining % 10);
                remaining /= 10;
                final int index = position + (nibble >> 1);
                final int packed = buffer.getByte(index) & 0xFF;
                buffer.putByte(index, (byte)((nibble & 1) == 1 ? packed | digit : packed | (digit << 4)));
            }
            return bytes;
        }
        final int zero = encoding == Encoding.EBCDIC ? EBCDIC_ZERO : '0';
        long remaining = value;
        for (int i = digits - 1; i >= 0; i--) {
            buffer.putByte(position + i, (byte)(zero + (int)(remaining % 10)));
            remaining /= 10;
        }
        return digits;
    }

    /** Number of decimal digits in a non-negative {@code value}; 1 for zero. */
    static int count(final long value) {
        int digits = 1;
        long remaining = value;
        while (remaining >= 10) {
            remaining /= 10;
            digits++;
        }
        return digits;
    }
}
