package dev.cardgate.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.concurrent.locks.LockSupport;

import org.agrona.concurrent.UnsafeBuffer;

import dev.cardgate.codec.Iso8583Decoder;

/**
 * One run of load on a TCP server, on one thread with plain NIO, either
 *
 * <ul>
 *   <li><b>open loop</b>: requests offered at a constant total rate round-robin over the
 *   connections, request i due at {@code start + i / rate} whatever happened to earlier ones;
 *   latency runs from that intended send time to the answer, so a stall in the server, the
 *   network or this generator shows in every request it delays (no coordinated omission). The
 *   send lag (how late the generator itself wrote) is recorded beside it; or</li>
 *   <li><b>closed loop</b>: each connection keeps a fixed number of requests in flight and sends
 *   the next as soon as an answer comes, for the maximum throughput; latency runs from the
 *   actual send (service time under that load, not a latency goal).</li>
 * </ul>
 *
 * Answers are matched by STAN (the request's index modulo a million, so at most a million may be
 * outstanding). Allocates nothing per request (the selector's key iterator, one per poll that
 * finds work, aside).
 */
final class LoadRun {
    private static final int STAN_MODULUS = 1_000_000;
    private static final long HIGHEST_TRACKABLE_NANOS = 120_000_000_000L;
    private static final long DRAIN_GRACE_NANOS = 10_000_000_000L;
    private static final long START_DELAY_NANOS = 10_000_000L;
    private static final long PARK_THRESHOLD_NANOS = 60_000;
    private static final long PARK_NANOS = 20_000;

    private final InetSocketAddress target;
    private final WireFormat wireFormat;
    private final RequestWriter writer;
    private final Iso8583Decoder decoder;
    private final long[] sentNanos = new long[STAN_MODULUS];
    private final LoadConnection.AnswerHandler onAnswer = this::onAnswer;
    private LoadResult result;
    private long measureFromNanos;
    private long sendUntilNanos;
    private long sent;
    private long answered;
    private int closedLoopDepth;
    private long lastMeasuredAnswerNanos;

    LoadRun(final InetSocketAddress target, final WireFormat wireFormat, final CardMix cardMix) {
        this.target = target;
        this.wireFormat = wireFormat;
        this.writer = new RequestWriter(wireFormat, cardMix);
        this.decoder = new Iso8583Decoder(wireFormat.dialect());
    }

    LoadResult openLoop(final int connectionCount, final int rate, final int warmupSeconds, final int seconds)
        throws IOException {
        result = new LoadResult("open", connectionCount, rate, HIGHEST_TRACKABLE_NANOS);
        try (Selector selector = Selector.open()) {
            final LoadConnection[] connections = connect(connectionCount, selector);
            final long total = (long)rate * (seconds + warmupSeconds);
            final double intervalNanos = 1e9 / rate;
            final long start = begin(warmupSeconds, seconds);
            final long deadline = sendUntilNanos + DRAIN_GRACE_NANOS;
            while ((sent < total || answered < sent) && System.nanoTime() - deadline < 0) {
                boolean busy = sendDue(connections, start, intervalNanos, total);
                busy |= serviceReady(selector);
                if (!busy) {
                    idle(sent < total ? start + (long)(sent * intervalNanos) - System.nanoTime() : Long.MAX_VALUE,
                        selector);
                }
            }
            close(connections);
        }
        return finish(seconds);
    }

    LoadResult closedLoop(final int connectionCount, final int inFlightPerConnection, final int warmupSeconds,
        final int seconds) throws IOException {
        result = new LoadResult("closed", connectionCount, 0, HIGHEST_TRACKABLE_NANOS);
        closedLoopDepth = inFlightPerConnection;
        try (Selector selector = Selector.open()) {
            final LoadConnection[] connections = connect(connectionCount, selector);
            begin(warmupSeconds, seconds);
            for (final LoadConnection connection : connections) {
                refill(connection, System.nanoTime());
            }
            final long deadline = sendUntilNanos + DRAIN_GRACE_NANOS;
            while ((System.nanoTime() - sendUntilNanos < 0 || answered < sent) && System.nanoTime() - deadline < 0) {
                if (!serviceReady(selector)) {
                    selector.select(1);
                }
            }
            close(connections);
        }
        return finish(seconds);
    }

    /** A run that fell behind answers its last requests late: the rate is over the time they took. */
    private LoadResult finish(final int seconds) {
        result.measuredSeconds = Math.max(seconds, (lastMeasuredAnswerNanos - measureFromNanos) / 1e9);
        return result;
    }

    private LoadConnection[] connect(final int count, final Selector selector) throws IOException {
        final LoadConnection[] connections = new LoadConnection[count];
        for (int i = 0; i < count; i++) {
            connections[i] = new LoadConnection(target, selector, wireFormat.frameFormat());
        }
        return connections;
    }

    /** Sets the measured window; returns the time the first request is due. */
    private long begin(final int warmupSeconds, final int seconds) {
        final long start = System.nanoTime() + START_DELAY_NANOS;
        measureFromNanos = start + warmupSeconds * 1_000_000_000L;
        sendUntilNanos = measureFromNanos + seconds * 1_000_000_000L;
        return start;
    }

    /** Open loop: writes every request whose time has come. */
    private boolean sendDue(final LoadConnection[] connections, final long start, final double intervalNanos,
        final long total) throws IOException {
        final long now = System.nanoTime();
        boolean busy = false;
        while (sent < total) {
            final long due = start + (long)(sent * intervalNanos);
            if (due - now > 0) {
                break;
            }
            final LoadConnection connection = connections[(int)(sent % connections.length)];
            if (!connection.hasRoom()) {
                connection.flush();
                if (!connection.hasRoom()) {
                    break;
                }
            }
            send(connection, due);
            connection.flush();
            if (due - measureFromNanos >= 0) {
                result.sendLag.recordValue(Math.max(0, System.nanoTime() - due));
            }
            busy = true;
        }
        return busy;
    }

    /** Closed loop: tops the connection up to its depth while the run lasts. */
    private void refill(final LoadConnection connection, final long now) throws IOException {
        if (now - sendUntilNanos >= 0) {
            return;
        }
        while (connection.inFlight < closedLoopDepth && connection.hasRoom()) {
            send(connection, now);
        }
        connection.flush();
    }

    private void send(final LoadConnection connection, final long fromNanos) {
        final int stan = (int)(sent % STAN_MODULUS);
        connection.append(writer, sent, stan);
        sentNanos[stan] = fromNanos;
        sent++;
    }

    /**
     * Reads and writes what is ready. Keys a blocking {@code select} in {@link #idle} found are
     * already in the selected set, where {@code selectNow} does not count them again: the set,
     * not its return value, says whether there is work.
     */
    private boolean serviceReady(final Selector selector) throws IOException {
        selector.selectNow();
        if (selector.selectedKeys().isEmpty()) {
            return false;
        }
        final Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
        while (ready.hasNext()) {
            final SelectionKey key = ready.next();
            ready.remove();
            final LoadConnection connection = (LoadConnection)key.attachment();
            if (key.isValid() && key.isWritable()) {
                connection.flush();
            }
            if (key.isValid() && key.isReadable() && !connection.read(onAnswer)) {
                throw new IOException("the server closed a connection");
            }
        }
        return true;
    }

    private void onAnswer(final LoadConnection connection, final UnsafeBuffer buffer, final int offset,
        final int length) {
        final long now = System.nanoTime();
        decoder.wrap(buffer, offset, length);
        final int stan = (int)decoder.numeric(11);
        answered++;
        final long from = sentNanos[stan];
        if (from - measureFromNanos >= 0 && from - sendUntilNanos < 0) {
            result.latency.recordValue(Math.min(HIGHEST_TRACKABLE_NANOS, now - from));
            result.measuredAnswers++;
            lastMeasuredAnswerNanos = now;
            result.answersByCode[responseCode()]++;
        }
        if (closedLoopDepth > 0) {
            try {
                refill(connection, now);
            }
            catch (final IOException failure) {
                throw new UncheckedIOException(failure);
            }
        }
    }

    /** Field 39 as a number; 99 (which neither server answers) when it is missing or not two digits. */
    private int responseCode() {
        if (!decoder.hasField(39) || decoder.fieldLength(39) != 2) {
            return 99;
        }
        final int tens = decoder.valueAt(39, 0) - '0';
        final int units = decoder.valueAt(39, 1) - '0';
        return tens >= 0 && tens <= 9 && units >= 0 && units <= 9 ? tens * 10 + units : 99;
    }

    /**
     * Waits for an answer or the next send without burning the core the server needs (2-core
     * machine): blocks in the selector when the next send is a millisecond or more away, else
     * parks briefly.
     */
    private static void idle(final long nanosToNextSend, final Selector selector) throws IOException {
        if (nanosToNextSend >= 2_000_000) {
            selector.select(1);
        }
        else if (nanosToNextSend > PARK_THRESHOLD_NANOS) {
            LockSupport.parkNanos(PARK_NANOS);
        }
        else {
            Thread.onSpinWait();
        }
    }

    private static void close(final LoadConnection[] connections) throws IOException {
        for (final LoadConnection connection : connections) {
            connection.close();
        }
    }
}
