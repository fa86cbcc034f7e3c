package dev.cardgate.engine.upstream.link;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import dev.cardgate.codec.framing.FrameFormat;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Cuts the byte stream of one connection into frames ({@link FrameFormat}: a length header, an
 * optional fixed header such as a TPDU, the message) and hands each message to {@link #onMessage}
 * from a buffer of its own, reused for every frame. Shared by the link's connections and the issuer
 * simulator's.
 *
 * <p>Threading: the channel's I/O thread. Allocation: a pending buffer and a frame array once per
 * connection; nothing per frame.
 */
public abstract class FrameReader extends ChannelInboundHandlerAdapter {
    private final FrameFormat format;
    private final UnsafeBuffer frame;
    private ByteBuf pending;

    protected FrameReader(final FrameFormat format) {
        this.format = format;
        this.frame = new UnsafeBuffer(new byte[Math.max(format.maxFrameLength(), format.lengthHeader().bytes())]);
    }

    /**
     * One message: {@code buffer[offset, offset + length)}, the fixed header (TPDU) just before it.
     * Valid during the call only.
     */
    protected abstract void onMessage(ChannelHandlerContext context, DirectBuffer buffer, int offset, int length);

    /** The length header announced {@code announced} bytes, which no frame can have: the connection closes after this. */
    protected abstract void onUnreadableLength(ChannelHandlerContext context, int announced);

    @Override
    public void handlerAdded(final ChannelHandlerContext context) {
        pending = context.alloc().buffer(2 * (format.maxFrameLength() + format.lengthHeader().bytes()));
    }

    @Override
    public void handlerRemoved(final ChannelHandlerContext context) {
        if (pending != null) {
            pending.release();
            pending = null;
        }
    }

    @Override
    public void channelRead(final ChannelHandlerContext context, final Object message) {
        final ByteBuf in = (ByteBuf)message;
        try {
            if (pending == null) {
                return; // removed: the connection is closing
            }
            pending.writeBytes(in);
        }
        finally {
            in.release();
        }
        final int headerBytes = format.lengthHeader().bytes();
        while (pending != null && pending.readableBytes() >= headerBytes) {
            pending.getBytes(pending.readerIndex(), frame.byteArray(), 0, headerBytes);
            final int announced = format.lengthHeader().read(frame, 0);
            if (announced <= format.fixedHeaderLength() || announced > format.maxFrameLength()) {
                pending.clear();
                onUnreadableLength(context, announced);
                context.close();
                return;
            }
            if (pending.readableBytes() < headerBytes + announced) {
                break;
            }
            pending.getBytes(pending.readerIndex() + headerBytes, frame.byteArray(), 0, announced);
            pending.skipBytes(headerBytes + announced);
            onMessage(context, frame, format.fixedHeaderLength(), announced - format.fixedHeaderLength());
        }
        if (pending != null) {
            pending.discardSomeReadBytes();
        }
    }
}
