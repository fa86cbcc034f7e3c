package dev.cardgate.benchmarks.load;

import org.agrona.concurrent.UnsafeBuffer;

import dev.cardgate.codec.Iso8583Decoder;
import dev.cardgate.codec.Iso8583Encoder;
import dev.cardgate.codec.dialect.Dialects;
import dev.cardgate.codec.framing.LengthHeader;

/**
 * One 0100 authorization request framed for the front-end's default framing (iso87-ascii,
 * 4-digit ASCII length, no TPDU), with the offset of its STAN so that each send patches in its
 * own six digits. Built once; {@link #writeInto} copies it without allocating.
 */
final class RequestTemplate {
    private static final int HEADER_BYTES = LengthHeader.ASCII_4.bytes();

    private final byte[] frame;
    private final int stanOffset;

    RequestTemplate(final String pan) {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);
        final Iso8583Encoder encoder = new Iso8583Encoder(Dialects.ISO87_ASCII).wrap(buffer, HEADER_BYTES);
        encoder.messageType(100)
            .putText(2, pan)
            .putText(3, "000000")
            .putText(4, "000000001250")
            .putText(7, "1125143000")
            .putText(11, "000000")
            .putText(12, "143000")
            .putText(13, "1125")
            .putText(14, "2812")
            .putText(18, "5411")
            .putText(22, "051")
            .putText(41, "LOADGEN1")
            .putText(42, "MERCHANT0000001")
            .putText(49, "978");
        final int messageLength = encoder.finish();
        LengthHeader.ASCII_4.write(buffer, 0, messageLength);
        frame = new byte[HEADER_BYTES + messageLength];
        buffer.getBytes(0, frame);
        final Iso8583Decoder decoder = new Iso8583Decoder(Dialects.ISO87_ASCII).wrap(buffer, HEADER_BYTES, messageLength);
        stanOffset = decoder.fieldDataOffset(11);
    }

    int length() {
        return frame.length;
    }

    /** Writes the frame with {@code stan} (0 to 999999) into {@code destination} at its position. */
    void writeInto(final java.nio.ByteBuffer destination, final int stan) {
        final int start = destination.position();
        destination.put(frame);
        int remaining = stan;
        for (int i = 5; i >= 0; i--) {
            destination.put(start + stanOffset + i, (byte)('0' + remaining % 10));
            remaining /= 10;
        }
    }
}
