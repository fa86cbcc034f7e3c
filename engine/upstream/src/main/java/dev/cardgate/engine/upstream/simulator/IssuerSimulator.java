package dev.cardgate.engine.upstream.simulator;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import javax.net.ssl.SSLException;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * A card network or issuer to point the upstream link at: an ISO 8583 server (Netty, the
 * codec's dialects and framing) that answers sign-ons and echoes, approves with its own field 38,
 * declines by rule, and misbehaves on command ({@link IssuerRules}). It records every message it
 * receives, in order, with its repeat marker, so that tests (and the {@code received} command)
 * can see what the link sent.
 *
 * <p>Threading: one acceptor and one I/O thread; the record and the rules may be read and changed
 * from any thread.
 */
public final class IssuerSimulator implements AutoCloseable {
    private static final Logger LOGGER = System.getLogger("dev.cardgate.engine.upstream.simulator");

    private final IssuerSimulatorSettings settings;
    private final NioEventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("issuer-sim", true));
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final List<ReceivedMessage> received = new ArrayList<>();
    private final AtomicLong authorizationIds = new AtomicLong();
    private Channel server;

    public IssuerSimulator(final IssuerSimulatorSettings settings) {
        this.settings = settings;
    }

    /**
     * Binds and starts answering.
     *
     * @return the port it listens on
     * @throws IllegalStateException when it cannot listen there, or its TLS files cannot be read
     * @throws InterruptedException  when interrupted while binding
     */
    public int start() throws InterruptedException {
        final SslContext tls = tlsContext();
        final ServerBootstrap bootstrap = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(final SocketChannel channel) {
                    connections.add(channel);
                    if (tls != null) {
                        channel.pipeline().addLast("tls", tls.newHandler(channel.alloc()));
                    }
                    channel.pipeline().addLast(new SimulatorConnection(IssuerSimulator.this, settings));
                }
            });
        final ChannelFuture bound = bootstrap.bind(settings.bindAddress(), settings.port()).await();
        if (!bound.isSuccess()) {
            throw new IllegalStateException("cannot listen on " + settings.bindAddress() + ":" + settings.port() + ": "
                + bound.cause().getMessage(), bound.cause());
        }
        server = bound.channel();
        return port();
    }

    private SslContext tlsContext() {
        if (settings.tlsCertificate() == null) {
            return null;
        }
        try {
            return SslContextBuilder.forServer(settings.tlsCertificate().toFile(), settings.tlsPrivateKey().toFile())
                .sslProvider(SslProvider.JDK).protocols("TLSv1.3", "TLSv1.2").build();
        }
        catch (final SSLException | IllegalArgumentException unreadable) {
            throw new IllegalStateException("cannot set up TLS from " + settings.tlsCertificate() + " and "
                + settings.tlsPrivateKey() + ": " + unreadable.getMessage(), unreadable);
        }
    }

    public int port() {
        return ((InetSocketAddress)server.localAddress()).getPort();
    }

    /** The rules it answers by now; change them at any time. */
    public IssuerRules rules() {
        return settings.rules();
    }

    /** Closes every open connection now (the link sees its connection lost). */
    public void closeConnections() {
        connections.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    /** Connections open now. */
    public int openConnections() {
        return connections.size();
    }

    /** Every message received so far, in order of arrival. */
    public synchronized List<ReceivedMessage> received() {
        return List.copyOf(received);
    }

    /** Forgets what was received. */
    public synchronized void clearReceived() {
        received.clear();
    }

    /**
     * Waits until {@code count} received messages match {@code which}, at most {@code timeout}.
     *
     * @return the matching messages, in order (fewer than {@code count} when the time ran out)
     */
    public synchronized List<ReceivedMessage> awaitReceived(final Predicate<ReceivedMessage> which, final int count,
        final Duration timeout) throws InterruptedException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        List<ReceivedMessage> matching = matching(which);
        while (matching.size() < count) {
            final long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
            matching = matching(which);
        }
        return matching;
    }

    private List<ReceivedMessage> matching(final Predicate<ReceivedMessage> which) {
        final List<ReceivedMessage> matching = new ArrayList<>();
        for (final ReceivedMessage message : received) {
            if (which.test(message)) {
                matching.add(message);
            }
        }
        return matching;
    }

    synchronized void received(final ReceivedMessage message) {
        received.add(message);
        notifyAll();
    }

    void note(final String line) {
        LOGGER.log(Level.INFO, line);
    }

    /** The next field 38 the issuer gives: six characters of 0-9 and A-Z, counting up. */
    String nextAuthorizationId() {
        final String digits = Long.toString(authorizationIds.incrementAndGet() % 2_176_782_336L, 36)
            .toUpperCase(java.util.Locale.ROOT);
        return "0".repeat(6 - digits.length()) + digits;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        closeConnections();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
