package dev.cardgate.engine.frontend;

import java.security.cert.X509Certificate;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLPeerUnverifiedException;

import org.agrona.concurrent.UnsafeBuffer;

import dev.cardgate.codec.Iso8583Decoder;
import dev.cardgate.codec.framing.FrameFormat;
import dev.cardgate.engine.config.TlsClientAuth;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * One terminal connection: cuts the byte stream into frames, hands each to its I/O thread's
 * {@link RequestSubmitter}, and keeps the connection inside its bounds.
 *
 * <p>Framing is done here because the connection must
 * be able to stop between two frames of one read (in-flight bound reached, ring full) and resume
 * later with the rest: the bytes stay in Netty's (pooled) cumulation buffer, a frame whole in it
 * is read where it lies, and reading the socket stops, so the terminal's further bytes wait in
 * TCP. The length header is read and checked with the codec's {@link FrameFormat}.
 *
 * <p>Reading stops while any of these holds: the connection's requests in the engine reached
 * {@code frontend.max-in-flight-per-connection} (it resumes at half), the ring was full (with
 * {@code stop-reading}; retried after a short pause), the outbound buffer is over its high
 * water mark (a terminal that does not read its answers), or the front-end is closing.
 *
 * <p>A frame that cannot be answered (a bad length header, no readable type or STAN) ends the
 * connection, but not the requests taken before it: reading stops, further input is read and
 * discarded (so the kernel does not reset the connection, which would drop answers already
 * sent), and once every request taken has been answered and its answer written, the connection
 * is closed as at shutdown ({@link #closeAfterAnswers}).
 *
 * <p>With mutual TLS, the client certificate names the terminals the connection may speak for
 * ({@link TerminalIdentity}), resolved once when the handshake completes.
 *
 * <p>Threading: everything runs on the connection's I/O thread except {@link #requestAnswered()},
 * which the engine's reply thread calls; the in-flight count and the "waiting for answers" flag
 * are the only state the two share. Allocation: none per frame in steady state (Netty's reads
 * and writes aside); pausing and resuming schedule a task.
 */
final class TerminalConnection extends ChannelInboundHandlerAdapter {
    private static final int PAUSED_FOR_ANSWERS = 1;
    private static final int PAUSED_RING_FULL = 2;
    private static final int PAUSED_SLOW_READER = 4;
    private static final int PAUSED_CLOSING = 8;
    private static final long RING_FULL_RETRY_MICROS = 200;

    private final FrontEndContext context;
    private final FrameFormat format;
    private final int headerBytes;
    private final int maxInFlight;
    private final int resumeAtInFlight;
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean resumeScheduled = new AtomicBoolean();
    private final Runnable resumeAfterAnswers = this::resumeAfterAnswers;
    private final Runnable retryAfterRingFull = this::retryAfterRingFull;
    private final Runnable frameDeadlineCheck = this::checkFrameDeadline;
    private final Runnable closeWhenAnswered = this::closeAfterAnsweredFault;
    private final boolean identityRequired;
    private volatile boolean waitingForAnswers;
    private volatile boolean closingAfterFault;

    private Channel channel;
    private RequestSubmitter submitter;
    private AnswerOutbox outbox;
    private boolean flushPending;
    private ByteBuf cumulation;
    private int pausedBy;
    private long partialFrameSince;
    private boolean frameCheckScheduled;
    private boolean taking;
    private boolean discardingInput;
    private boolean closing;
    private TerminalIdentity identity;

    TerminalConnection(final FrontEndContext context) {
        this.context = context;
        this.format = context.frameFormat();
        this.headerBytes = format.lengthHeader().bytes();
        this.maxInFlight = context.configuration().maxInFlightPerConnection();
        this.resumeAtInFlight = maxInFlight / 2;
        this.identityRequired = context.configuration().tlsEnabled()
            && context.configuration().tlsClientAuth() == TlsClientAuth.REQUIRE;
    }

    @Override
    public void handlerAdded(final ChannelHandlerContext handlerContext) {
        channel = handlerContext.channel();
        submitter = context.submitterFor(channel.eventLoop());
        outbox = context.outboxFor(channel.eventLoop());
    }

    @Override
    public void channelRead(final ChannelHandlerContext handlerContext, final Object message) {
        final ByteBuf bytes = (ByteBuf)message;
        if (discardingInput) {
            bytes.release();
            return;
        }
        cumulation = cumulation == null ? bytes
            : ByteToMessageDecoder.MERGE_CUMULATOR.cumulate(handlerContext.alloc(), cumulation, bytes);
        takeFrames();
    }

    @Override
    public void channelWritabilityChanged(final ChannelHandlerContext handlerContext) {
        if (channel.isWritable()) {
            pausedBy &= ~PAUSED_SLOW_READER;
            takeFrames();
        }
        else {
            pause(PAUSED_SLOW_READER);
            updateReading();
        }
        handlerContext.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(final ChannelHandlerContext handlerContext, final Object event) {
        if (event instanceof IdleStateEvent) {
            if (discardingInput) {
                // already closing: idle again while the terminal reads its last answers
                return;
            }
            context.counters().increment(FrontEndCounter.IDLE_CLOSED);
            context.log().connectionClosed(this, FrontEndLog.Reason.IDLE, "idle for "
                + context.configuration().idleTimeout().toMillis() + " ms (frontend.idle-timeout-ms)");
            closeAfterFault();
            return;
        }
        if (event instanceof SslHandshakeCompletionEvent && ((SslHandshakeCompletionEvent)event).isSuccess()
            && identityRequired) {
            resolveIdentity();
        }
        handlerContext.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext handlerContext, final Throwable cause) {
        context.log().connectionClosed(this, FrontEndLog.Reason.TRANSPORT_ERROR,
            cause.getClass().getSimpleName() + ": " + cause.getMessage());
        handlerContext.close();
    }

    @Override
    public void channelInactive(final ChannelHandlerContext handlerContext) {
        releaseCumulation();
        handlerContext.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(final ChannelHandlerContext handlerContext) {
        releaseCumulation();
    }

    /** I/O thread: a request of this connection entered the ring. */
    void requestEntered() {
        inFlight.incrementAndGet();
        context.inFlight().incrementAndGet();
    }

    /**
     * Reply thread: a request of this connection has been answered (or can no longer be). Wakes
     * the connection when it stopped reading for answers and enough have come.
     */
    void requestAnswered() {
        final int remaining = inFlight.decrementAndGet();
        context.inFlight().decrementAndGet();
        if (remaining == 0 && closingAfterFault) {
            // queued behind the task that writes this answer (the outbox's drain, or Netty's write)
            try {
                channel.eventLoop().execute(closeWhenAnswered);
            }
            catch (final RejectedExecutionException stopped) {
                // the I/O thread has stopped (a shutdown past its deadline): it closed the connection
            }
        }
        if (waitingForAnswers && remaining <= resumeAtInFlight && resumeScheduled.compareAndSet(false, true)) {
            channel.eventLoop().execute(resumeAfterAnswers);
        }
    }

    /**
     * Reply thread only (the outbox has one producer): sends a whole answer frame through the I/O
     * thread's outbox (written and flushed with the others of its batch), or at once when the
     * outbox is full. The buffer is released by Netty.
     */
    void writeFromReplyThread(final ByteBuf answer) {
        assert !channel.eventLoop().inEventLoop() : "an I/O thread must use writeFromIoThread";
        if (!outbox.offer(this, answer)) {
            channel.writeAndFlush(answer, channel.voidPromise());
        }
    }

    /** I/O thread only: an answer the front-end gives itself (30, 12, 91), written and flushed at once. */
    void writeFromIoThread(final ByteBuf answer) {
        assert channel.eventLoop().inEventLoop() : "the reply thread must use writeFromReplyThread";
        channel.writeAndFlush(answer, channel.voidPromise());
    }

    /**
     * I/O thread, from the outbox: writes an answer without flushing it.
     *
     * @return true when this connection now needs a {@link #flushWritten()} it did not need before
     */
    boolean writeWithoutFlush(final ByteBuf answer) {
        if (!channel.isActive()) {
            answer.release();
            return false;
        }
        channel.write(answer, channel.voidPromise());
        if (flushPending) {
            return false;
        }
        flushPending = true;
        return true;
    }

    /** I/O thread, from the outbox: flushes what {@link #writeWithoutFlush} wrote. */
    void flushWritten() {
        flushPending = false;
        channel.flush();
    }

    boolean isOpen() {
        return channel.isActive();
    }

    ByteBufAllocator allocator() {
        return channel.alloc();
    }

    /**
     * Any thread: stop taking frames (the front-end is closing); requests already taken are
     * answered. Done when the returned future is: until then the event loop may still take a
     * frame, so the closer waits for it before it counts what is in flight.
     */
    io.netty.util.concurrent.Future<?> stopReading() {
        return channel.eventLoop().submit(() -> {
            pause(PAUSED_CLOSING);
            updateReading();
        });
    }

    /**
     * Any thread, once every request taken has been answered: ends the connection without losing
     * an answer. Closing a socket that still has unread input makes the kernel reset it, and a
     * reset makes the terminal's side drop answers it has received but not yet read; so the
     * answers are flushed, the output is shut (TLS close_notify first), input is read and
     * discarded until the terminal closes, and the channel is closed after {@code lingerNanos}
     * at the latest.
     */
    void closeAfterAnswers(final long lingerNanos) {
        channel.eventLoop().execute(() -> closeOnce(lingerNanos));
    }

    private void closeOnce(final long lingerNanos) {
        if (closing) {
            return;
        }
        closing = true;
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(flushed -> {
            if (!(channel instanceof DuplexChannel) || !channel.isActive()) {
                channel.close();
                return;
            }
            discardingInput = true;
            releaseCumulation();
            channel.config().setAutoRead(true);
            channel.eventLoop().schedule(() -> channel.close(), lingerNanos, TimeUnit.NANOSECONDS);
            final SslHandler tls = channel.pipeline().get(SslHandler.class);
            if (tls != null) {
                tls.closeOutbound().addListener(notified -> ((DuplexChannel)channel).shutdownOutput());
            }
            else {
                ((DuplexChannel)channel).shutdownOutput();
            }
        });
    }

    /**
     * I/O thread: this connection is to be closed for what it sent; takes no more frames, reads
     * and discards its input, and closes once every request it took has been answered (at once
     * when none is in the engine), giving the terminal the frame timeout to read the answers.
     */
    private void closeAfterFault() {
        pausedBy |= PAUSED_CLOSING;
        discardingInput = true;
        releaseCumulation();
        updateReading();
        closingAfterFault = true;
        // the reply thread may have answered the last request between the flag and this read
        if (inFlight.get() == 0) {
            closeAfterAnsweredFault();
        }
    }

    /** The terminal is given the frame timeout to read its last answers and close its side. */
    private void closeAfterAnsweredFault() {
        closeAfterAnswers(context.frameTimeoutNanos());
    }

    /** I/O thread: true when no client certificate is required, or the one presented names the request's terminal. */
    boolean certificateNames(final Iso8583Decoder request) {
        if (!identityRequired) {
            return true;
        }
        if (identity == null) {
            resolveIdentity();
        }
        return identity.permits(request);
    }

    /** The terminals the client certificate names; null without mutual TLS. */
    TerminalIdentity identity() {
        return identity;
    }

    private void resolveIdentity() {
        if (identity != null) {
            return;
        }
        final SslHandler tls = channel.pipeline().get(SslHandler.class);
        try {
            identity = TerminalIdentity.of((X509Certificate)tls.engine().getSession().getPeerCertificates()[0]);
        }
        catch (final SSLPeerUnverifiedException | RuntimeException noCertificate) {
            // client-auth = require makes the handshake fail without one; this is a guard, naming nothing
            identity = TerminalIdentity.none(noCertificate.toString());
        }
    }

    /** Requests of this connection in the engine now. */
    int inFlight() {
        return inFlight.get();
    }

    @Override
    public String toString() {
        return channel == null ? "connection (not yet open)" : "connection " + channel.remoteAddress();
    }

    private void takeFrames() {
        if (taking) {
            return;
        }
        taking = true;
        try {
            takeWholeFrames();
        }
        finally {
            taking = false;
        }
        if (cumulation != null && (discardingInput || !cumulation.isReadable())) {
            releaseCumulation();
        }
        updateReading();
    }

    private void takeWholeFrames() {
        while (pausedBy == 0 && cumulation != null && channel.isActive()) {
            final int readable = cumulation.readableBytes();
            if (readable < headerBytes) {
                awaitRestOfFrame(readable);
                return;
            }
            wrapView(readable);
            final int announced = format.lengthHeader().read(view, 0);
            if (!lengthFits(announced)) {
                return;
            }
            if (readable < headerBytes + announced) {
                awaitRestOfFrame(readable);
                return;
            }
            partialFrameSince = 0;
            final int result = submitter.submit(this, view, headerBytes, announced);
            if (result == RequestSubmitter.UNREADABLE) {
                closeAfterFault();
                return;
            }
            if (result == RequestSubmitter.RETRY_LATER) {
                pause(PAUSED_RING_FULL);
                channel.eventLoop().schedule(retryAfterRingFull, RING_FULL_RETRY_MICROS, TimeUnit.MICROSECONDS);
                return;
            }
            cumulation.skipBytes(headerBytes + announced);
            if (inFlight.get() >= maxInFlight) {
                pauseForAnswers();
            }
        }
    }

    /** True when {@code announced} can be a frame's length; else the connection is closing, logged and counted. */
    private boolean lengthFits(final int announced) {
        if (announced < 0) {
            closeUnreadable(FrontEndLog.Reason.LENGTH_NOT_A_NUMBER, "length header is not a number");
        }
        else if (announced <= format.fixedHeaderLength()) {
            closeUnreadable(FrontEndLog.Reason.LENGTH_TOO_SHORT, "length header announces " + announced
                + " bytes, no room for a message");
        }
        else if (announced > format.maxFrameLength()) {
            closeUnreadable(FrontEndLog.Reason.LENGTH_OVER_MAXIMUM, "length header announces " + announced
                + " bytes, over frontend.max-frame-bytes = " + format.maxFrameLength());
        }
        else {
            return true;
        }
        return false;
    }

    /** Nothing after a bad length can be trusted to start a frame: what was taken is answered, then the connection closes. */
    private void closeUnreadable(final FrontEndLog.Reason reason, final String fault) {
        context.counters().increment(FrontEndCounter.FRAMES_UNREADABLE);
        context.log().connectionClosed(this, reason, "a frame cannot be read: " + fault);
        closeAfterFault();
    }

    private void wrapView(final int readable) {
        final ByteBuf bytes = cumulation;
        if (bytes.hasMemoryAddress()) {
            view.wrap(bytes.memoryAddress() + bytes.readerIndex(), readable);
        }
        else if (bytes.hasArray()) {
            view.wrap(bytes.array(), bytes.arrayOffset() + bytes.readerIndex(), readable);
        }
        else {
            // a composite buffer (never made by the merge cumulator): gather it once
            final ByteBuf gathered = channel.alloc().directBuffer(readable).writeBytes(bytes);
            bytes.release();
            cumulation = gathered;
            wrapView(readable);
        }
    }

    /** Part of a frame is here: the rest must arrive within the frame timeout. */
    private void awaitRestOfFrame(final int readable) {
        if (readable == 0 || partialFrameSince != 0) {
            return;
        }
        partialFrameSince = System.nanoTime();
        if (!frameCheckScheduled) {
            frameCheckScheduled = true;
            channel.eventLoop().schedule(frameDeadlineCheck, context.frameTimeoutNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void checkFrameDeadline() {
        frameCheckScheduled = false;
        if (partialFrameSince == 0 || !channel.isActive()) {
            return;
        }
        final long now = System.nanoTime();
        if (pausedBy != 0) {
            // the front-end itself is not reading: the terminal cannot be late meanwhile
            partialFrameSince = now;
        }
        final long waited = now - partialFrameSince;
        if (waited >= context.frameTimeoutNanos()) {
            context.counters().increment(FrontEndCounter.SLOW_SENDERS_CUT);
            context.log().connectionClosed(this, FrontEndLog.Reason.SLOW_SENDER, "a frame did not arrive whole within "
                + context.configuration().frameTimeout().toMillis() + " ms (frontend.frame-timeout-ms)");
            closeAfterFault();
            return;
        }
        frameCheckScheduled = true;
        channel.eventLoop().schedule(frameDeadlineCheck, context.frameTimeoutNanos() - waited, TimeUnit.NANOSECONDS);
    }

    private void pauseForAnswers() {
        waitingForAnswers = true;
        pause(PAUSED_FOR_ANSWERS);
        // the reply thread may have answered between the count and the flag: look again
        if (inFlight.get() <= resumeAtInFlight) {
            waitingForAnswers = false;
            pausedBy &= ~PAUSED_FOR_ANSWERS;
        }
    }

    private void resumeAfterAnswers() {
        resumeScheduled.set(false);
        if (waitingForAnswers && inFlight.get() <= resumeAtInFlight) {
            waitingForAnswers = false;
            pausedBy &= ~PAUSED_FOR_ANSWERS;
            takeFrames();
        }
    }

    private void retryAfterRingFull() {
        pausedBy &= ~PAUSED_RING_FULL;
        takeFrames();
    }

    private void pause(final int reason) {
        if ((pausedBy & reason) == 0) {
            pausedBy |= reason;
            context.counters().increment(FrontEndCounter.READING_PAUSED);
        }
    }

    private void updateReading() {
        if (channel.isActive()) {
            // a closing connection reads (and discards) until the terminal closes its side
            channel.config().setAutoRead(discardingInput || pausedBy == 0);
        }
    }

    private void releaseCumulation() {
        if (cumulation != null && !taking) {
            cumulation.release();
            cumulation = null;
        }
    }
}
