package dev.cardgate.codec.framing;

import java.util.Objects;
import org.agrona.MutableDirectBuffer;

/**
 * How frames look on one connection: the length header, the fixed header that follows it (0,
 * or 5 for a TPDU), and the largest frame accepted.
 *
 * <pre>
 *   | length (2 or 4) | fixed header (0 or 5) | ISO 8583 message ... |
 *                     |&lt;------------ frame length --------------&gt;|
 * </pre>
 */
public final class FrameFormat {
    private final LengthHeader lengthHeader;
    private final int fixedHeaderLength;
    private final int maxFrameLength;

    /**
     * @param fixedHeaderLength bytes between the length and the message (5 for a TPDU, else 0)
     * @param maxFrameLength    the largest frame accepted, fixed header included
     */
    public FrameFormat(final LengthHeader lengthHeader, final int fixedHeaderLength, final int maxFrameLength) {
        this.lengthHeader = Objects.requireNonNull(lengthHeader, "lengthHeader");
        if (fixedHeaderLength < 0 || fixedHeaderLength > 64) {
            throw new IllegalArgumentException("fixed header length " + fixedHeaderLength + " is outside 0..64");
        }
        if (maxFrameLength <= fixedHeaderLength || maxFrameLength > lengthHeader.largestLength()) {
            throw new IllegalArgumentException("max frame length " + maxFrameLength + " is outside "
                + (fixedHeaderLength + 1) + ".." + lengthHeader.largestLength() + " for a " + lengthHeader + " header");
        }
        this.fixedHeaderLength = fixedHeaderLength;
        this.maxFrameLength = maxFrameLength;
    }

    public LengthHeader lengthHeader() {
        return lengthHeader;
    }

    public int fixedHeaderLength() {
        return fixedHeaderLength;
    }

    public int maxFrameLength() {
        return maxFrameLength;
    }

    /** Bytes before the message in a written frame: length header plus fixed header. */
    public int messageOffsetInFrame() {
        return lengthHeader.bytes() + fixedHeaderLength;
    }

    /** Writes the length header at {@code offset} for a message of {@code messageLength} bytes. */
    public void writeLength(final MutableDirectBuffer buffer, final int offset, final int messageLength) {
        lengthHeader.write(buffer, offset, fixedHeaderLength + messageLength);
    }

    @Override
    public String toString() {
        return lengthHeader + (fixedHeaderLength > 0 ? " + " + fixedHeaderLength + "-byte header" : "")
            + ", frames up to " + maxFrameLength + " bytes";
    }
}
