package dev.cardgate.engine.frontend;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.cardgate.codec.dialect.Dialect;
import dev.cardgate.engine.AuthorizationEngine;
import dev.cardgate.engine.config.FrontEndConfiguration;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * The terminal front-end: ISO 8583 over TCP (or TLS) in front of an {@link AuthorizationEngine}.
 * {@link #start} binds the configured address; {@link #close} stops accepting and reading,
 * waits until every request already taken has been answered, then closes the connections.
 * The engine is the caller's: close it after the front-end.
 *
 * <p>Threads: one acceptor thread and {@code frontend.io-threads} I/O threads
 * ({@code cardgate-<engine>-io-N}), daemons.
 */
public final class FrontEnd implements AutoCloseable {
    private static final int ACCEPT_BACKLOG = 4096;
    /** Outbound bytes queued on a connection above which it stops reading (a terminal that does not read). */
    private static final WriteBufferWaterMark OUTBOUND_BOUNDS = new WriteBufferWaterMark(32 * 1024, 64 * 1024);
    private static final long DRAIN_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Logger logger = System.getLogger("dev.cardgate.engine.frontend");
    private final AuthorizationEngine engine;
    private final FrontEndConfiguration configuration;
    private final Transport transport;
    private final EventLoopGroup acceptorGroup;
    private final EventLoopGroup ioGroup;
    private final ChannelGroup openChannels = new DefaultChannelGroup("cardgate-terminals", GlobalEventExecutor.INSTANCE);
    private final FrontEndContext context;
    private final ConnectionInitializer initializer;
    private final Channel serverChannel;
    private boolean closed;

    private FrontEnd(final AuthorizationEngine engine, final FrontEndConfiguration configuration) {
        this.engine = engine;
        this.configuration = configuration;
        requireAnswerFields(configuration.dialect());
        final SslContext tls = configuration.tlsEnabled() ? TlsContexts.serverContext(configuration) : null;
        transport = Transport.choose(configuration.transport());
        final String threadPrefix = "cardgate-" + engine.configuration().engineName();
        acceptorGroup = transport.newEventLoopGroup(1, threadPrefix + "-accept");
        ioGroup = transport.newEventLoopGroup(configuration.ioThreads(), threadPrefix + "-io");
        final FrontEndLog log = new FrontEndLog(logger);
        final ResponseWriter replyWriter = new ResponseWriter(configuration, logger);
        final Map<EventLoop, RequestSubmitter> submitters = new IdentityHashMap<>();
        final Map<EventLoop, AnswerOutbox> outboxes = new IdentityHashMap<>();
        for (final EventExecutor ioThread : ioGroup) {
            submitters.put((EventLoop)ioThread, new RequestSubmitter(engine, configuration, replyWriter, log));
            // every request in the ring may be answered to connections of one I/O thread
            outboxes.put((EventLoop)ioThread, new AnswerOutbox((EventLoop)ioThread, engine.configuration().ringSize()));
        }
        context = new FrontEndContext(configuration, engine.counters(), log, submitters, outboxes);
        initializer = new ConnectionInitializer(context, tls, openChannels);
        try {
            serverChannel = new ServerBootstrap()
                .group(acceptorGroup, ioGroup)
                .channel(transport.serverChannelClass())
                .option(ChannelOption.SO_BACKLOG, ACCEPT_BACKLOG)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, OUTBOUND_BOUNDS)
                .childHandler(initializer)
                .bind(new InetSocketAddress(configuration.bindAddress(), configuration.port()))
                .syncUninterruptibly()
                .channel();
        }
        catch (final RuntimeException cannotBind) {
            shutDownThreads(Duration.ofSeconds(1));
            throw new IllegalStateException("cannot listen on " + configuration.bindAddress() + ":" + configuration.port()
                + " (frontend.bind-address, frontend.port): " + cannotBind.getMessage(), cannotBind);
        }
        logger.log(Level.INFO, () -> "front-end listening on " + localAddress() + " (" + transport.name() + "), dialect "
            + configuration.dialect().name() + ", " + configuration.framingDescription()
            + (configuration.tlsEnabled() ? ", TLS client-auth " + configuration.tlsClientAuth().configName() : ""));
    }

    /**
     * Starts the front-end of {@code engine} on its configuration's {@code frontend.*} settings.
     *
     * @throws IllegalStateException when the address cannot be bound, TLS cannot be set up, or
     *                               the dialect cannot carry an answer (fields 11, 38, 39)
     */
    public static FrontEnd start(final AuthorizationEngine engine) {
        return start(engine, engine.configuration().frontEnd());
    }

    /** Starts a front-end of {@code engine} on the given settings. */
    public static FrontEnd start(final AuthorizationEngine engine, final FrontEndConfiguration configuration) {
        return new FrontEnd(engine, configuration);
    }

    /** The address and port it listens on (the port chosen when 0 was configured). */
    /** Frames the I/O threads' decoders have read: once per request, the reply decodes nothing. */
    long decoderWraps() {
        return context.decoderWraps();
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress)serverChannel.localAddress();
    }

    /** "epoll" or "nio". */
    public String transportName() {
        return transport.name();
    }

    public FrontEndConfiguration configuration() {
        return configuration;
    }

    /** True while it listens for connections (from start until close begins). */
    public boolean isListening() {
        return serverChannel.isActive();
    }

    /** Connections open now. */
    public int openConnections() {
        return initializer.openConnections();
    }

    /** Requests taken from terminals that are in the engine and not yet answered. */
    public long inFlight() {
        return context.inFlight().get();
    }

    /** Closes within the engine's {@code shutdown.timeout.ms}. */
    @Override
    public void close() {
        close(engine.configuration().shutdownTimeout());
    }

    /**
     * Stops accepting connections and reading requests, waits (at most {@code timeout}) until
     * every request taken has been answered, flushes and closes the connections and stops the
     * threads. Idempotent.
     *
     * @return true when every request taken was answered in time
     */
    public synchronized boolean close(final Duration timeout) {
        if (closed) {
            return true;
        }
        closed = true;
        final long deadline = System.nanoTime() + timeout.toNanos();
        serverChannel.close().syncUninterruptibly();
        // a frame taken after the in-flight count read zero would be answered into a closed output
        final java.util.List<io.netty.util.concurrent.Future<?>> readingStopped = new java.util.ArrayList<>();
        for (final Channel channel : openChannels) {
            final TerminalConnection connection = channel.pipeline().get(TerminalConnection.class);
            if (connection != null) {
                readingStopped.add(connection.stopReading());
            }
        }
        for (final io.netty.util.concurrent.Future<?> stopped : readingStopped) {
            stopped.awaitUninterruptibly(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        while (context.inFlight().get() > 0 && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(DRAIN_POLL_NANOS);
        }
        final long unanswered = context.inFlight().get();
        // a terminal still reading its answers is given until the deadline to close its side
        final long lingerNanos = Math.max(0, deadline - System.nanoTime());
        for (final Channel channel : openChannels) {
            final TerminalConnection connection = channel.pipeline().get(TerminalConnection.class);
            if (connection != null) {
                connection.closeAfterAnswers(lingerNanos);
            }
            else {
                channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            }
        }
        openChannels.newCloseFuture().awaitUninterruptibly(Math.max(0, deadline - System.nanoTime()),
            TimeUnit.NANOSECONDS);
        shutDownThreads(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        if (unanswered > 0) {
            logger.log(Level.ERROR, unanswered + " requests taken from terminals were not answered within "
                + timeout.toMillis() + " ms");
        }
        logger.log(Level.INFO, "front-end closed");
        return unanswered == 0;
    }

    private void shutDownThreads(final Duration timeout) {
        final long millis = Math.max(100, timeout.toMillis());
        acceptorGroup.shutdownGracefully(0, millis, TimeUnit.MILLISECONDS);
        ioGroup.shutdownGracefully(0, millis, TimeUnit.MILLISECONDS).awaitUninterruptibly(millis);
    }

    private static void requireAnswerFields(final Dialect dialect) {
        for (final int field : new int[] {11, 38, 39}) {
            if (dialect.field(field) == null) {
                throw new IllegalStateException("dialect " + dialect.name() + " does not define field " + field
                    + ", which every answer needs (frontend.dialect)");
            }
        }
    }
}
