package dev.cardgate.engine.frontend;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

import dev.cardgate.engine.config.NetworkTransport;

/**
 * The socket layer: Linux native epoll (fewer copies, edge-triggered, no selector garbage) when
 * it is available and allowed, else Java NIO.
 */
final class Transport {
    private final boolean epoll;

    private Transport(final boolean epoll) {
        this.epoll = epoll;
    }

    /**
     * @throws IllegalStateException when {@code epoll} is demanded and cannot be loaded here
     */
    static Transport choose(final NetworkTransport wanted) {
        switch (wanted) {
            case NIO:
                return new Transport(false);
            case EPOLL:
                if (!Epoll.isAvailable()) {
                    throw new IllegalStateException("frontend.transport = epoll, but native epoll is not available here: "
                        + Epoll.unavailabilityCause());
                }
                return new Transport(true);
            case AUTO:
            default:
                return new Transport(Epoll.isAvailable());
        }
    }

    /** "epoll" or "nio". */
    String name() {
        return epoll ? NetworkTransport.EPOLL.configName() : NetworkTransport.NIO.configName();
    }

    /** An event loop group of daemon threads named {@code threadPrefix-N}. */
    EventLoopGroup newEventLoopGroup(final int threads, final String threadPrefix) {
        final DefaultThreadFactory threadFactory = new DefaultThreadFactory(threadPrefix, true);
        return epoll ? new EpollEventLoopGroup(threads, threadFactory) : new NioEventLoopGroup(threads, threadFactory);
    }

    Class<? extends ServerChannel> serverChannelClass() {
        return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }
}
