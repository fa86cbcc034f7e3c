package dev.cardgate.engine.upstream.link;

import org.agrona.DirectBuffer;

import dev.cardgate.codec.framing.FrameFormat;
import io.netty.channel.ChannelHandlerContext;

/**
 * One connection of the link to an endpoint: hands its frames and its end to
 * the link, naming itself by its connection number so that the link ignores a connection it has
 * already given up.
 *
 * <p>Threading: the link's I/O thread (the link has one). Allocates nothing per frame.
 */
final class LinkConnection extends FrameReader {
    private final NettyUpstreamLink link;
    private final long number;

    LinkConnection(final NettyUpstreamLink link, final FrameFormat format, final long number) {
        super(format);
        this.link = link;
        this.number = number;
    }

    @Override
    protected void onMessage(final ChannelHandlerContext context, final DirectBuffer buffer, final int offset,
        final int length) {
        link.onAnswer(number, buffer, offset, length);
    }

    @Override
    protected void onUnreadableLength(final ChannelHandlerContext context, final int announced) {
        link.onUnreadableLength(number, announced);
    }

    @Override
    public void channelInactive(final ChannelHandlerContext context) {
        link.onConnectionLost(number);
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext context, final Throwable cause) {
        link.onTransportError(number, cause);
        context.close();
    }
}
