package dev.cardgate.engine.frontend;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;

/**
 * Sets up each accepted connection: refuses it at once when {@code frontend.max-connections}
 * are open, else builds its pipeline: TLS (when on), the idle timer (nothing received for the idle timeout), the {@link TerminalConnection}.
 *
 * <p>Threading: runs on the new connection's I/O thread; the open count is shared and atomic.
 */
final class ConnectionInitializer extends ChannelInitializer<SocketChannel> {
    private final FrontEndContext context;
    private final SslContext tls;
    private final ChannelGroup openChannels;
    private final AtomicInteger openConnections = new AtomicInteger();
    private final int maxConnections;
    private final long idleTimeoutMillis;

    /** @param tls null when TLS is off */
    ConnectionInitializer(final FrontEndContext context, final SslContext tls, final ChannelGroup openChannels) {
        this.context = context;
        this.tls = tls;
        this.openChannels = openChannels;
        this.maxConnections = context.configuration().maxConnections();
        this.idleTimeoutMillis = context.configuration().idleTimeout().toMillis();
    }

    @Override
    protected void initChannel(final SocketChannel channel) {
        if (openConnections.incrementAndGet() > maxConnections) {
            openConnections.decrementAndGet();
            context.counters().increment(FrontEndCounter.CONNECTIONS_REFUSED);
            context.log().connectionClosed("connection " + channel.remoteAddress(), FrontEndLog.Reason.CONNECTION_LIMIT,
                maxConnections + " connections are open (frontend.max-connections)");
            channel.close();
            return;
        }
        context.counters().increment(FrontEndCounter.CONNECTIONS_ACCEPTED);
        context.counters().increment(FrontEndCounter.CONNECTIONS_OPEN);
        channel.closeFuture().addListener(closed -> {
            openConnections.decrementAndGet();
            context.counters().decrement(FrontEndCounter.CONNECTIONS_OPEN);
        });
        openChannels.add(channel);
        if (tls != null) {
            channel.pipeline().addLast("tls", tls.newHandler(channel.alloc()));
        }
        channel.pipeline()
            .addLast("idle", new IdleStateHandler(idleTimeoutMillis, 0, 0, TimeUnit.MILLISECONDS))
            .addLast("terminal", new TerminalConnection(context));
    }

    /** Connections open now. */
    int openConnections() {
        return openConnections.get();
    }
}
