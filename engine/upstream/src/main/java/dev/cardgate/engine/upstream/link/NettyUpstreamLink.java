package dev.cardgate.engine.upstream.link;

import java.lang.System.Logger;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

import org.agrona.DeadlineTimerWheel;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2ObjectHashMap;

import dev.cardgate.codec.CodecException;
import dev.cardgate.codec.dialect.Dialect;
import dev.cardgate.codec.framing.FrameFormat;
import dev.cardgate.engine.config.UpstreamConfiguration;
import dev.cardgate.engine.config.UpstreamConfiguration.Endpoint;
import dev.cardgate.engine.counters.ComponentCounters;
import dev.cardgate.engine.counters.CounterRegistry;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.upstream.LinkState;
import dev.cardgate.engine.upstream.UpstreamLink;
import dev.cardgate.engine.upstream.UpstreamListener;
import dev.cardgate.engine.upstream.UpstreamOutcome;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The link to the card network over TCP (optionally TLS) on Netty: one connection at a time to
 * the first usable endpoint of {@code upstream.endpoints}, an 0800 sign-on when it opens, 0800
 * echoes when it is idle, many requests outstanding at once, each answered, timed out or lost.
 *
 * <p>Failover: every failure (a connection that cannot open or is lost, a refused or unanswered
 * sign-on, a lost echo) closes the connection and moves to the next endpoint, wrapping around to
 * the primary, after a back-off that starts at {@code upstream.reconnect.min-ms} and doubles with
 * each failure in a row up to {@code upstream.reconnect.max-ms}; a sign-on answered 00 resets it.
 * The circuit breaker ({@link CircuitBreaker}) takes the link DOWN while the connection stays;
 * its probe is an echo.
 *
 * <p>Threading: one Netty I/O thread owns every connection, the table's index, the timer wheel
 * and the state; the listener is called on it. {@link #forward} and {@link #sendStored} run on the
 * caller's thread: they claim a preallocated entry, copy the event into it and hand it over through
 * a queue, then wake the I/O thread (one task per batch, not per request). {@link #state()} is a
 * volatile read.
 *
 * <p>Allocation in steady state: none on the caller's side; on the I/O thread a pooled buffer per
 * frame written (released by Netty) and, to wake it, Netty's task queue, which takes a chunk now
 * and then. Timeouts are timers in Agrona's {@link DeadlineTimerWheel}, a primitive id per request.
 */
public final class NettyUpstreamLink implements UpstreamLink {
    private static final Logger LOGGER = System.getLogger("dev.cardgate.engine.upstream");
    private static final long TICK_MILLIS = 4;
    private static final int TICKS_PER_WHEEL = 1024;
    private static final int MAX_STAN = 999_999;

    private final UpstreamConfiguration configuration;
    private final List<Endpoint> endpoints;
    private final FrameFormat networkFormat;
    private final int terminalFixedHeader;
    private final ComponentCounters<UpstreamCounter> counters;
    private final UpstreamLog log = new UpstreamLog(LOGGER);
    private final InFlightTable table;
    private final UpstreamMessages messages;
    private final AnswerReader answers;
    private final OutboundFrame frame;
    private final CircuitBreaker breaker;
    private final SslContext tls;
    private final NioEventLoopGroup group;
    private final EventLoop loop;
    private final long timeoutMillis;
    private final long lateWindowMillis;
    private final long echoIntervalMillis;

    private final DeadlineTimerWheel wheel;
    private final Long2ObjectHashMap<InFlightEntry> entriesByTimer;
    private final DeadlineTimerWheel.TimerHandler onTimer = this::onTimer;
    private final Runnable drainSubmitted = this::drainSubmitted;
    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    private volatile LinkState state = LinkState.DISABLED;
    private volatile boolean closed;
    private UpstreamListener listener;

    // the I/O thread's
    private int endpointIndex;
    private Channel channel;
    private long connectionNumber;
    private boolean signedOn;
    private int lastStan;
    private long backoffMillis;
    private int networkStan;
    private int networkCode;
    private long networkTimerId = DeadlineTimerWheel.NULL_DEADLINE;
    private long probeTimerId = DeadlineTimerWheel.NULL_DEADLINE;
    private long lastTrafficMillis;

    /**
     * @param terminalDialect the dialect the terminals' frames (the events' request bytes) are in
     * @param terminalFormat  their framing: the fixed header (TPDU) that precedes the message
     * @param counterRegistry where the link's counters ({@link UpstreamCounter}) are allocated
     * @throws IllegalStateException when TLS is on and its trusted certificates cannot be read
     */
    public NettyUpstreamLink(final UpstreamConfiguration configuration, final Dialect terminalDialect,
        final FrameFormat terminalFormat, final CounterRegistry counterRegistry) {
        this.configuration = configuration;
        this.endpoints = configuration.endpoints();
        this.networkFormat = configuration.frameFormat();
        this.terminalFixedHeader = terminalFormat.fixedHeaderLength();
        this.counters = counterRegistry.component(UpstreamCounter.class);
        this.table = new InFlightTable(configuration.inFlight());
        this.messages = new UpstreamMessages(terminalDialect, terminalFormat, configuration.dialect(),
            configuration.acquirerId());
        this.answers = new AnswerReader(configuration.dialect());
        this.frame = new OutboundFrame(configuration.dialect(), networkFormat, configuration.tpdu());
        this.breaker = new CircuitBreaker(configuration.breakerTimeouts(), configuration.breakerSystemErrors());
        this.tls = configuration.tlsEnabled() ? UpstreamTls.clientContext(configuration) : null;
        this.timeoutMillis = configuration.timeout().toMillis();
        this.lateWindowMillis = configuration.lateAnswerWindow().toMillis();
        this.echoIntervalMillis = configuration.echoInterval().toMillis();
        this.backoffMillis = configuration.reconnectMin().toMillis();
        this.wheel = new DeadlineTimerWheel(TimeUnit.MILLISECONDS, System.currentTimeMillis(), TICK_MILLIS,
            TICKS_PER_WHEEL);
        this.entriesByTimer = new Long2ObjectHashMap<>(Math.max(8, configuration.inFlight() * 4), 0.65f);
        this.group = new NioEventLoopGroup(1, new DefaultThreadFactory("cardgate-upstream", true));
        this.loop = group.next();
    }

    @Override
    public void start(final UpstreamListener upstreamListener) {
        this.listener = upstreamListener;
        loop.execute(() -> {
            setState(LinkState.CONNECTING);
            connect();
        });
        loop.scheduleAtFixedRate(this::pollTimers, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public LinkState state() {
        return state;
    }

    @Override
    public boolean forward(final AuthorizationEvent request) {
        return take(request, InFlightEntry.Kind.FORWARD, request.messageTypeIndicator(), 0);
    }

    @Override
    public boolean sendStored(final AuthorizationEvent message, final int messageType, final long storedId) {
        return take(message, InFlightEntry.Kind.STORED, messageType, storedId);
    }

    private boolean take(final AuthorizationEvent event, final InFlightEntry.Kind kind, final int messageType,
        final long storedId) {
        if (state != LinkState.UP || closed) {
            return false;
        }
        if (event.requestLength() <= terminalFixedHeader) {
            counters.increment(UpstreamCounter.NOT_FORWARDABLE);
            return false; // an embedded caller's request: no frame to re-encode toward the network
        }
        final InFlightEntry entry = table.claim();
        if (entry == null) {
            counters.increment(UpstreamCounter.TABLE_FULL);
            return false;
        }
        entry.kind = kind;
        entry.messageType = messageType;
        entry.storedId = storedId;
        entry.event.copyFrom(event);
        table.submit(entry);
        if (!drainScheduled.getAndSet(true)) {
            loop.execute(drainSubmitted);
        }
        return true;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            loop.submit(() -> {
                connectionNumber++; // what arrives from here on belongs to no connection
                failInFlight(-1);
                drainSubmitted();
                if (channel != null) {
                    channel.close();
                }
            }).await(5, TimeUnit.SECONDS);
        }
        catch (final InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    /** The endpoint the link is connected or connecting to (for tests and the log). */
    public Endpoint currentEndpoint() {
        return endpoints.get(endpointIndex);
    }

    /** The wait before the next connection attempt after a failure, in milliseconds. */
    public long reconnectDelayMillis() {
        return backoffMillis;
    }

    // ---------------------------------------------------------------------------------- I/O thread

    private void connect() {
        if (closed) {
            return;
        }
        final Endpoint endpoint = endpoints.get(endpointIndex);
        final long number = ++connectionNumber;
        if (number > 1) {
            counters.increment(UpstreamCounter.RECONNECTS);
        }
        final Bootstrap bootstrap = new Bootstrap().group(loop).channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)configuration.connectTimeout().toMillis())
            .handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(final SocketChannel socket) {
                    if (tls != null) {
                        final SslHandler handler = tls.newHandler(socket.alloc(), endpoint.host(), endpoint.port());
                        final SSLEngine engine = handler.engine();
                        final SSLParameters parameters = engine.getSSLParameters();
                        parameters.setEndpointIdentificationAlgorithm("HTTPS");
                        engine.setSSLParameters(parameters);
                        socket.pipeline().addLast("tls", handler);
                    }
                    // idleness is watched by the timer tick (lastTrafficMillis): Netty's IdleStateHandler
                    // would allocate a promise for every write
                    socket.pipeline().addLast("link", new LinkConnection(NettyUpstreamLink.this, networkFormat, number));
                }
            });
        final ChannelFuture connecting = bootstrap.connect(endpoint.host(), endpoint.port());
        connecting.addListener(done -> {
            if (!done.isSuccess()) {
                log.log(UpstreamLog.Kind.CONNECT_FAILED, "cannot connect to the network at " + endpoint + ": "
                    + done.cause());
                if (number == connectionNumber) {
                    failed();
                }
                return;
            }
            final Channel opened = connecting.channel();
            if (number != connectionNumber || closed) {
                opened.close();
                return;
            }
            channel = opened;
            lastTrafficMillis = System.currentTimeMillis();
            if (tls == null) {
                opened(number);
            }
            else {
                opened.pipeline().get(SslHandler.class).handshakeFuture().addListener(handshake -> {
                    if (handshake.isSuccess()) {
                        opened(number);
                    }
                    else {
                        log.log(UpstreamLog.Kind.CONNECT_FAILED, "TLS with the network at " + endpoint + " failed: "
                            + handshake.cause());
                        opened.close();
                    }
                });
            }
        });
    }

    private void opened(final long number) {
        if (number != connectionNumber || channel == null) {
            return;
        }
        if (configuration.signOn()) {
            sendNetworkManagement(UpstreamMessages.SIGN_ON);
        }
        else {
            signedOn();
        }
    }

    private void signedOn() {
        signedOn = true;
        backoffMillis = configuration.reconnectMin().toMillis();
        if (breaker.isOpen()) {
            setState(LinkState.DOWN);
            scheduleProbe();
        }
        else {
            setState(LinkState.UP);
        }
    }

    /** A failure of the current endpoint: close its connection (if any), then try the next one after the back-off. */
    private void failed() {
        if (channel != null) {
            channel.close(); // onConnectionLost follows, which schedules the next attempt
            return;
        }
        setState(LinkState.DOWN);
        scheduleReconnect();
    }

    private void scheduleReconnect() {
        if (closed) {
            return;
        }
        if (endpoints.size() > 1) {
            counters.increment(UpstreamCounter.FAILOVERS);
        }
        endpointIndex = (endpointIndex + 1) % endpoints.size();
        final long delay = backoffMillis;
        backoffMillis = Math.min(backoffMillis * 2, configuration.reconnectMax().toMillis());
        final long number = connectionNumber;
        loop.schedule(() -> {
            if (number == connectionNumber && channel == null) {
                connect();
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    void onConnectionLost(final long number) {
        if (number != connectionNumber) {
            return;
        }
        channel = null;
        signedOn = false;
        cancel(networkTimerId);
        networkTimerId = DeadlineTimerWheel.NULL_DEADLINE;
        networkStan = 0;
        cancel(probeTimerId);
        probeTimerId = DeadlineTimerWheel.NULL_DEADLINE;
        if (closed) {
            return;
        }
        log.log(UpstreamLog.Kind.CONNECTION_LOST, "the connection to the network at " + currentEndpoint()
            + " is closed; " + table.awaiting() + " request(s) in flight are lost");
        setState(LinkState.DOWN);
        failInFlight(number);
        scheduleReconnect();
    }

    void onTransportError(final long number, final Throwable cause) {
        log.log(UpstreamLog.Kind.CONNECTION_LOST, "transport error on the connection to the network at "
            + currentEndpoint() + ": " + cause);
    }

    void onUnreadableLength(final long number, final int announced) {
        counters.increment(UpstreamCounter.ANSWERS_UNDECODABLE);
        log.log(UpstreamLog.Kind.UNREADABLE_LENGTH, "closing the connection to the network at " + currentEndpoint()
            + ": a frame announces " + announced + " bytes, outside 1.." + networkFormat.maxFrameLength());
    }

    /** Sends an echo when the signed-on connection has carried nothing for the echo interval. */
    private void echoWhenIdle(final long now) {
        if (channel != null && signedOn && networkStan == 0 && now - lastTrafficMillis >= echoIntervalMillis) {
            sendNetworkManagement(UpstreamMessages.ECHO);
        }
    }

    /** Fails every entry sent on connection {@code number} (every one when -1). */
    private void failInFlight(final long number) {
        for (int i = 0; i < table.capacity(); i++) {
            final InFlightEntry entry = table.entry(i);
            final InFlightEntry.Phase phase = entry.phase;
            if ((phase != InFlightEntry.Phase.AWAITING && phase != InFlightEntry.Phase.LATE)
                || (number >= 0 && entry.connectionNumber != number)) {
                continue;
            }
            cancelEntryTimer(entry);
            if (phase == InFlightEntry.Phase.AWAITING) {
                if (entry.kind == InFlightEntry.Kind.FORWARD) {
                    counters.increment(UpstreamCounter.LINK_LOST);
                    listener.forwardedOutcome(entry.event, UpstreamOutcome.LINK_LOST, -1,
                        AuthorizationEvent.NO_AUTHORIZATION_ID);
                }
                else {
                    counters.increment(UpstreamCounter.STORED_UNANSWERED);
                    listener.storedUnanswered(entry.storedId);
                }
            }
            table.release(entry);
        }
        counters.set(UpstreamCounter.IN_FLIGHT, table.awaiting());
    }

    private void drainSubmitted() {
        drainScheduled.set(false);
        boolean wrote = false;
        InFlightEntry entry;
        while ((entry = table.nextSubmitted()) != null) {
            wrote |= send(entry);
        }
        if (wrote && channel != null) {
            channel.flush();
        }
        counters.set(UpstreamCounter.IN_FLIGHT, table.awaiting());
    }

    /** Sends a submitted entry, or fails it when the link went down meanwhile; true when written. */
    private boolean send(final InFlightEntry entry) {
        final boolean forwarded = entry.kind == InFlightEntry.Kind.FORWARD;
        if (channel == null || !signedOn || state != LinkState.UP || closed) {
            failUnsent(entry, forwarded);
            return false;
        }
        final int stan = nextStan();
        final long now = System.currentTimeMillis();
        final ByteBuf written;
        try {
            if (forwarded) {
                messages.forward(frame.begin(), entry.event, entry.messageType, stan, now);
            }
            else {
                messages.stored(frame.begin(), entry.event, entry.messageType, stan, now);
            }
            written = frame.finish(channel.alloc(), false);
        }
        catch (final CodecException | IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException
            cannotEncode) {
            counters.increment(UpstreamCounter.NOT_FORWARDABLE);
            log.log(UpstreamLog.Kind.NOT_FORWARDABLE, "cannot send a " + String.format("%04d", entry.messageType)
                + " toward the network (answered as a lost link): " + cannotEncode.getMessage());
            failUnsent(entry, forwarded);
            return false;
        }
        if (forwarded) {
            entry.event.upstreamTraceNumber(stan);
        }
        channel.write(written, channel.voidPromise());
        lastTrafficMillis = now;
        table.sent(entry, stan);
        entry.connectionNumber = connectionNumber;
        scheduleEntryTimer(entry, now + timeoutMillis);
        counters.increment(forwarded ? UpstreamCounter.SENT : UpstreamCounter.STORED_SENT);
        return true;
    }

    private void failUnsent(final InFlightEntry entry, final boolean forwarded) {
        if (forwarded) {
            counters.increment(UpstreamCounter.LINK_LOST);
            listener.forwardedOutcome(entry.event, UpstreamOutcome.LINK_LOST, -1, AuthorizationEvent.NO_AUTHORIZATION_ID);
        }
        else {
            listener.storedUnanswered(entry.storedId);
        }
        table.release(entry);
    }

    private int nextStan() {
        int stan = lastStan;
        do {
            stan = stan % MAX_STAN + 1;
        }
        while (table.stanTaken(stan) || stan == networkStan);
        lastStan = stan;
        return stan;
    }

    private void sendNetworkManagement(final int code) {
        final int stan = nextStan();
        final long now = System.currentTimeMillis();
        messages.networkManagement(frame.begin(), code, stan, now);
        channel.writeAndFlush(frame.finish(channel.alloc(), false), channel.voidPromise());
        lastTrafficMillis = now;
        networkStan = stan;
        networkCode = code;
        cancel(networkTimerId);
        networkTimerId = wheel.scheduleTimer(now + timeoutMillis);
        if (code == UpstreamMessages.ECHO) {
            counters.increment(UpstreamCounter.ECHOES_SENT);
        }
    }

    void onAnswer(final long number, final DirectBuffer buffer, final int offset, final int length) {
        if (number != connectionNumber) {
            return;
        }
        lastTrafficMillis = System.currentTimeMillis();
        if (answers.read(buffer, offset, length) == AnswerReader.Verdict.UNDECODABLE) {
            counters.increment(UpstreamCounter.ANSWERS_UNDECODABLE);
            log.log(UpstreamLog.Kind.UNDECODABLE, "ignored a frame from the network at " + currentEndpoint()
                + " that does not decode as an answer (or has no field 11 or no two-digit field 39), "
                + length + " bytes");
            return;
        }
        final int stan = answers.hostStan();
        if (answers.messageType() == 810 && stan == networkStan && networkStan != 0) {
            onNetworkManagementAnswer(answers.responseCode());
            return;
        }
        final InFlightEntry entry = table.byHostStan(stan);
        if (entry == null || !answers.keyMatches(entry)) {
            counters.increment(UpstreamCounter.ANSWERS_TO_NOTHING);
            if (log.permits(UpstreamLog.Kind.ANSWER_TO_NOTHING)) {
                log.write(UpstreamLog.Kind.ANSWER_TO_NOTHING, "ignored an answer from the network that matches no "
                    + "request in flight (type, field 11, field 41): " + answers.describe());
            }
            return;
        }
        if (entry.kind == InFlightEntry.Kind.FORWARD && contradicts(entry)) {
            return;
        }
        final int responseCode = answers.responseCode();
        final long authorizationId = answers.authorizationId();
        cancelEntryTimer(entry);
        if (entry.phase == InFlightEntry.Phase.LATE) {
            counters.increment(UpstreamCounter.LATE_ANSWERS);
            if (entry.kind == InFlightEntry.Kind.FORWARD && responseCode == 0) {
                counters.increment(UpstreamCounter.LATE_APPROVALS);
                listener.lateApproval(entry.event, authorizationId);
            }
        }
        else if (entry.kind == InFlightEntry.Kind.FORWARD) {
            counters.increment(UpstreamCounter.ANSWERED);
            listener.forwardedOutcome(entry.event, UpstreamOutcome.ANSWERED, responseCode, authorizationId);
            if (breaker.answered(responseCode)) {
                openBreaker("answers 91 in a row");
            }
        }
        else {
            counters.increment(UpstreamCounter.STORED_ACKNOWLEDGED);
            listener.storedAnswered(entry.storedId, responseCode);
        }
        table.release(entry);
        counters.set(UpstreamCounter.IN_FLIGHT, table.awaiting());
    }

    private boolean contradicts(final InFlightEntry entry) {
        final UpstreamLog.Kind kind;
        if (answers.amountContradicts(entry.event)) {
            counters.increment(UpstreamCounter.ANSWERS_AMOUNT_CONTRADICTS);
            kind = UpstreamLog.Kind.AMOUNT_CONTRADICTS;
        }
        else if (answers.cardContradicts(entry.event)) {
            counters.increment(UpstreamCounter.ANSWERS_CARD_CONTRADICTS);
            kind = UpstreamLog.Kind.CARD_CONTRADICTS;
        }
        else {
            return false;
        }
        if (log.permits(kind)) {
            log.write(kind, "ignored an answer from the network whose " + (kind == UpstreamLog.Kind.AMOUNT_CONTRADICTS
                ? "field 4 is not its request's amount (" + entry.event.amountMinor() + ")"
                : "card does not end in its request's last four digits") + "; the request waits on: "
                + answers.describe());
        }
        return true;
    }

    private void onNetworkManagementAnswer(final int responseCode) {
        cancel(networkTimerId);
        networkTimerId = DeadlineTimerWheel.NULL_DEADLINE;
        networkStan = 0;
        if (networkCode == UpstreamMessages.SIGN_ON) {
            if (responseCode == 0) {
                counters.increment(UpstreamCounter.SIGN_ONS);
                signedOn();
            }
            else {
                counters.increment(UpstreamCounter.SIGN_ONS_REFUSED);
                log.log(UpstreamLog.Kind.SIGN_ON_REFUSED, "the network at " + currentEndpoint()
                    + " refused the sign-on with " + String.format("%02d", responseCode) + "; trying the next endpoint");
                failed();
            }
            return;
        }
        if (responseCode != 0) {
            echoLost("answered " + String.format("%02d", responseCode));
            return;
        }
        if (breaker.isOpen()) {
            breaker.close();
            log.log(UpstreamLog.Kind.BREAKER, "the circuit breaker closed: the network at " + currentEndpoint()
                + " answered the probe");
            setState(LinkState.UP);
        }
    }

    private void echoLost(final String how) {
        counters.increment(UpstreamCounter.ECHOES_LOST);
        log.log(UpstreamLog.Kind.ECHO_LOST, "the network at " + currentEndpoint() + " " + how
            + " an echo test; trying the next endpoint");
        failed();
    }

    private void openBreaker(final String why) {
        counters.increment(UpstreamCounter.BREAKER_OPENS);
        log.log(UpstreamLog.Kind.BREAKER, "the circuit breaker opened (" + why + "): stand-in until a probe is answered");
        setState(LinkState.DOWN);
        scheduleProbe();
    }

    private void scheduleProbe() {
        if (probeTimerId == DeadlineTimerWheel.NULL_DEADLINE) {
            probeTimerId = wheel.scheduleTimer(System.currentTimeMillis() + configuration.breakerProbeAfter().toMillis());
        }
    }

    private void pollTimers() {
        final long now = System.currentTimeMillis();
        echoWhenIdle(now);
        do {
            wheel.poll(now, onTimer, Integer.MAX_VALUE);
        }
        while (wheel.currentTickTime() <= now);
    }

    private boolean onTimer(final TimeUnit unit, final long now, final long timerId) {
        if (timerId == networkTimerId) {
            networkTimerId = DeadlineTimerWheel.NULL_DEADLINE;
            networkStan = 0;
            if (networkCode == UpstreamMessages.SIGN_ON) {
                counters.increment(UpstreamCounter.SIGN_ONS_REFUSED);
                log.log(UpstreamLog.Kind.SIGN_ON_REFUSED, "the network at " + currentEndpoint()
                    + " did not answer the sign-on in time; trying the next endpoint");
                failed();
            }
            else {
                echoLost("did not answer");
            }
            return true;
        }
        if (timerId == probeTimerId) {
            probeTimerId = DeadlineTimerWheel.NULL_DEADLINE;
            if (channel != null && signedOn && networkStan == 0) {
                sendNetworkManagement(UpstreamMessages.ECHO);
            }
            return true;
        }
        final InFlightEntry entry = entriesByTimer.remove(timerId);
        if (entry == null) {
            return true;
        }
        entry.timerId = DeadlineTimerWheel.NULL_DEADLINE;
        if (entry.phase == InFlightEntry.Phase.AWAITING) {
            table.late(entry);
            scheduleEntryTimer(entry, now + lateWindowMillis);
            if (entry.kind == InFlightEntry.Kind.FORWARD) {
                counters.increment(UpstreamCounter.TIMEOUTS);
                listener.forwardedOutcome(entry.event, UpstreamOutcome.TIMED_OUT, -1,
                    AuthorizationEvent.NO_AUTHORIZATION_ID);
                if (breaker.timedOut()) {
                    openBreaker("timeouts in a row");
                }
            }
            else {
                counters.increment(UpstreamCounter.STORED_UNANSWERED);
                listener.storedUnanswered(entry.storedId);
            }
        }
        else {
            table.release(entry);
        }
        counters.set(UpstreamCounter.IN_FLIGHT, table.awaiting());
        return true;
    }

    private void scheduleEntryTimer(final InFlightEntry entry, final long deadline) {
        entry.timerId = wheel.scheduleTimer(deadline);
        entriesByTimer.put(entry.timerId, entry);
    }

    private void cancelEntryTimer(final InFlightEntry entry) {
        if (entry.timerId != DeadlineTimerWheel.NULL_DEADLINE) {
            entriesByTimer.remove(entry.timerId);
            wheel.cancelTimer(entry.timerId);
            entry.timerId = DeadlineTimerWheel.NULL_DEADLINE;
        }
    }

    private void cancel(final long timerId) {
        if (timerId != DeadlineTimerWheel.NULL_DEADLINE) {
            wheel.cancelTimer(timerId);
        }
    }

    private void setState(final LinkState next) {
        final LinkState previous = state;
        if (previous == next) {
            return;
        }
        state = next;
        counters.set(UpstreamCounter.STATE, next.ordinal());
        log.always(UpstreamLog.Kind.STATE, "upstream link " + previous + " -> " + next + " (" + currentEndpoint() + ")");
        listener.stateChanged(previous, next);
    }
}
