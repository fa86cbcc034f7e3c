package dev.cardgate.benchmarks.load;

import java.nio.charset.StandardCharsets;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import dev.cardgate.codec.Iso8583Encoder;
import dev.cardgate.codec.framing.FrameFormat;

/**
 * Writes request {@code i} as a framed 0100 in the server's wire format, carrying every field
 * the engine requires (2, 3, 4, 11, 14, 22, 41, 42, 49) and a valid expiry, with the card
 * {@link CardMix} picks. Each terminal id serves {@value #REQUESTS_PER_TERMINAL} consecutive
 * requests: few enough distinct cards and declines per terminal that a card-testing rule (such
 * as {@code config/rules.conf}'s twelve cards in two minutes) never fires on the mix itself.
 *
 * <p>Used by the generator's thread only; {@link #write} allocates nothing.
 */
final class RequestWriter {
    static final int REQUESTS_PER_TERMINAL = 8;
    /** More than any frame {@link #write} produces (about 150 bytes), for the room check before it. */
    static final int MAX_REQUEST_BYTES = 256;
    private static final byte[] TPDU = {0x60, 0x00, 0x01, 0x00, 0x00};
    private static final int TERMINAL_DIGITS = 6;

    private final Iso8583Encoder encoder;
    private final FrameFormat frameFormat;
    private final CardMix cardMix;
    private final UnsafeBuffer pan = new UnsafeBuffer(new byte[CardMix.PAN_LENGTH]);
    private final UnsafeBuffer terminalId = new UnsafeBuffer("LG000000".getBytes(StandardCharsets.US_ASCII));

    RequestWriter(final WireFormat wireFormat, final CardMix cardMix) {
        this.encoder = new Iso8583Encoder(wireFormat.dialect());
        this.frameFormat = wireFormat.frameFormat();
        this.cardMix = cardMix;
    }

    /**
     * @param stan the system trace audit number, 0 to 999,999, by which the answer is matched
     * @return the frame's length in bytes
     */
    int write(final MutableDirectBuffer destination, final int offset, final long request, final int stan) {
        cardMix.writePan(request, pan, 0);
        writeTerminalId(request / REQUESTS_PER_TERMINAL);
        final int messageOffset = offset + frameFormat.messageOffsetInFrame();
        if (frameFormat.fixedHeaderLength() > 0) {
            destination.putBytes(offset + frameFormat.lengthHeader().bytes(), TPDU);
        }
        final int messageLength = encoder.wrap(destination, messageOffset)
            .messageType(100)
            .putBytes(2, pan, 0, CardMix.PAN_LENGTH)
            .putText(3, "000000")
            .putNumeric(4, 1_250)
            .putText(7, "1201093000")
            .putNumeric(11, stan)
            .putText(12, "093000")
            .putText(13, "1201")
            .putText(14, "2812")
            .putText(18, "5411")
            .putText(22, "051")
            .putBytes(41, terminalId, 0, terminalId.capacity())
            .putText(42, "MERCHANT0000042")
            .putText(49, "978")
            .finish();
        frameFormat.writeLength(destination, offset, messageLength);
        return frameFormat.messageOffsetInFrame() + messageLength;
    }

    private void writeTerminalId(final long terminal) {
        long rest = terminal;
        for (int i = terminalId.capacity() - 1; i >= terminalId.capacity() - TERMINAL_DIGITS; i--) {
            terminalId.putByte(i, (byte)('0' + rest % 10));
            rest /= 10;
        }
    }
}
