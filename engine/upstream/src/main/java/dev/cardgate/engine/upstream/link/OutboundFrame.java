package dev.cardgate.engine.upstream.link;

import org.agrona.concurrent.UnsafeBuffer;

import dev.cardgate.codec.Iso8583Encoder;
import dev.cardgate.codec.dialect.Dialect;
import dev.cardgate.codec.framing.FrameFormat;
import dev.cardgate.codec.framing.Tpdu;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * One outgoing frame at a time: {@link #begin} gives an encoder positioned after the length header
 * and fixed header, {@link #finish} writes both and copies the frame into a pooled buffer for the
 * channel. Shared by the link and the issuer simulator.
 *
 * <p>Threading: one thread (an I/O thread). Allocation: the scratch array once; a pooled buffer per frame.
 */
public final class OutboundFrame {
    private final FrameFormat format;
    private final byte[] fixedHeader;
    private final UnsafeBuffer scratch;
    private final Iso8583Encoder encoder;

    /** @param fixedHeader the bytes written between the length and the message (a TPDU), or null for none */
    public OutboundFrame(final Dialect dialect, final FrameFormat format, final byte[] fixedHeader) {
        if ((fixedHeader == null ? 0 : fixedHeader.length) != format.fixedHeaderLength()) {
            throw new IllegalArgumentException("a fixed header of " + format.fixedHeaderLength() + " bytes is needed, "
                + (fixedHeader == null ? 0 : fixedHeader.length) + " given");
        }
        this.format = format;
        this.fixedHeader = fixedHeader;
        this.scratch = new UnsafeBuffer(new byte[format.messageOffsetInFrame() + format.maxFrameLength() + 1024]);
        this.encoder = new Iso8583Encoder(dialect);
    }

    /** The encoder, wrapped at the message's start. */
    public Iso8583Encoder begin() {
        return encoder.wrap(scratch, format.messageOffsetInFrame());
    }

    /** Like {@link #begin}, the fixed header being the answer to {@code requestTpdu} (source and destination swapped). */
    public Iso8583Encoder beginAnswer(final org.agrona.DirectBuffer request, final int requestTpduOffset) {
        final Iso8583Encoder started = begin();
        if (format.fixedHeaderLength() == Tpdu.LENGTH) {
            Tpdu.writeAnswer(request, requestTpduOffset, scratch, format.lengthHeader().bytes());
        }
        return started;
    }

    /** Finishes the message begun and returns the whole frame in a buffer the caller writes (and so releases). */
    public ByteBuf finish(final ByteBufAllocator allocator, final boolean answer) {
        final int messageLength = encoder.finish();
        if (!answer && fixedHeader != null) {
            scratch.putBytes(format.lengthHeader().bytes(), fixedHeader);
        }
        format.writeLength(scratch, 0, messageLength);
        final int frameLength = format.messageOffsetInFrame() + messageLength;
        final ByteBuf frame = allocator.directBuffer(frameLength);
        frame.writeBytes(scratch.byteArray(), 0, frameLength);
        return frame;
    }
}
