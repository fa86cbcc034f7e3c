package dev.cardgate.codec.framing;

import java.nio.ByteOrder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The length that precedes every frame on the stream. It counts the bytes after itself: the
 * optional fixed header (TPDU) and the message, as jPOS channels count them.
 */
public enum LengthHeader {
    /** Two bytes, unsigned big-endian (jPOS NACChannel, PostChannel): up to 65,535. */
    BINARY_2(2, 0xFFFF),
    /** Four ASCII digits (jPOS ASCIIChannel): up to 9,999. */
    ASCII_4(4, 9999);

    private final int bytes;
    private final int largestLength;

    LengthHeader(final int bytes, final int largestLength) {
        this.bytes = bytes;
        this.largestLength = largestLength;
    }

    public int bytes() {
        return bytes;
    }

    /** The largest frame length this header can express. */
    public int largestLength() {
        return largestLength;
    }

    /** @return the length, or -1 when the header is not a length (a non-digit in ASCII) */
    public int read(final DirectBuffer buffer, final int offset) {
        if (this == BINARY_2) {
            return buffer.getShort(offset, ByteOrder.BIG_ENDIAN) & 0xFFFF;
        }
        int length = 0;
        for (int i = 0; i < 4; i++) {
            final int digit = buffer.getByte(offset + i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            length = length * 10 + digit;
        }
        return length;
    }

    public void write(final MutableDirectBuffer buffer, final int offset, final int length) {
        if (length < 0 || length > largestLength) {
            throw new IllegalArgumentException("frame length " + length + " does not fit a " + this + " header");
        }
        if (this == BINARY_2) {
            buffer.putShort(offset, (short)length, ByteOrder.BIG_ENDIAN);
            return;
        }
        int remaining = length;
        for (int i = 3; i >= 0; i--) {
            buffer.putByte(offset + i, (byte)('0' + remaining % 10));
            remaining /= 10;
        }
    }
}
