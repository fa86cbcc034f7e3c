package dev.cardgate.benchmarks.load;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;

import org.HdrHistogram.Histogram;
import org.agrona.concurrent.UnsafeBuffer;

import dev.cardgate.codec.Iso8583Decoder;
import dev.cardgate.codec.dialect.Dialects;

/**
 * Open-loop load on a running front-end ({@code cardgate serve}, default framing): N
 * connections, requests offered at a constant total rate round-robin over them, each due at
 * {@code start + i / rate} whatever happened to earlier ones. Latency runs from that intended
 * send time to the answer's arrival, so a stall in the server, the network or this generator
 * shows in every request it delays: no coordinated omission. The send lag (how late this
 * generator itself wrote each request) is recorded beside it as the client's own share.
 *
 * <p>One thread, plain NIO, nothing allocated per request. Answers are matched by STAN (the
 * request index modulo a million, so at most a million may be outstanding).
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.cardgate.benchmarks.load.LoadGenerator
 * [--target 127.0.0.1:8583] [--connections 1,64,1000] [--rates 10000,50000] [--seconds 10]
 * [--warmup-seconds 3] [--out benchmarks/target/load]}. Prints one line per run and writes
 * each run's latency distribution (microseconds) as a .hgrm file.
 */
public final class LoadGenerator {
    private static final int STAN_MODULUS = 1_000_000;
    private static final long HIGHEST_TRACKABLE_NANOS = 120_000_000_000L;
    private static final long DRAIN_GRACE_NANOS = 10_000_000_000L;
    private static final long PARK_THRESHOLD_NANOS = 60_000;
    private static final long PARK_NANOS = 20_000;

    private final InetSocketAddress target;
    private final RequestTemplate template = new RequestTemplate("4242424242424242");
    private final Iso8583Decoder decoder = new Iso8583Decoder(Dialects.ISO87_ASCII);
    private final long[] intendedNanos = new long[STAN_MODULUS];
    private final Histogram latency = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
    private final Histogram sendLag = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
    private long measureFromNanos;
    private long answered;
    private long measuredAnswers;
    private long lastAnswerNanos;
    private long notApproved;

    private LoadGenerator(final InetSocketAddress target) {
        this.target = target;
    }

    public static void main(final String[] arguments) throws IOException {
        String target = "127.0.0.1:8583";
        int[] connections = {1, 64, 1000};
        int[] rates = {10_000, 50_000};
        int seconds = 10;
        int warmupSeconds = 3;
        Path out = Path.of("benchmarks", "target", "load");
        for (int i = 0; i + 1 < arguments.length; i += 2) {
            final String value = arguments[i + 1];
            switch (arguments[i]) {
                case "--target" -> target = value;
                case "--connections" -> connections = parseList(value);
                case "--rates" -> rates = parseList(value);
                case "--seconds" -> seconds = Integer.parseInt(value);
                case "--warmup-seconds" -> warmupSeconds = Integer.parseInt(value);
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + arguments[i]);
            }
        }
        Files.createDirectories(out);
        final int colon = target.lastIndexOf(':');
        final InetSocketAddress address = new InetSocketAddress(target.substring(0, colon),
            Integer.parseInt(target.substring(colon + 1)));
        final PrintStream print = System.out;
        print.println("connections  offered/s  achieved/s      p50 us      p99 us    p99.9 us      max us"
            + "   send-lag p99 us  not-00  load-avg");
        for (final int connectionCount : connections) {
            for (final int rate : rates) {
                final LoadGenerator run = new LoadGenerator(address);
                final String loadAverage = loadAverage();
                run.run(connectionCount, rate, seconds, warmupSeconds);
                print.println(run.summary(connectionCount, rate, seconds, loadAverage));
                try (PrintStream hgrm = new PrintStream(Files.newOutputStream(
                    out.resolve("frontend-" + connectionCount + "c-" + rate + ".hgrm")))) {
                    run.latency.outputPercentileDistribution(hgrm, 1000.0);
                }
            }
        }
    }

    private void run(final int connectionCount, final int rate, final int seconds, final int warmupSeconds)
        throws IOException {
        try (Selector selector = Selector.open()) {
            final LoadConnection[] connections = new LoadConnection[connectionCount];
            for (int i = 0; i < connectionCount; i++) {
                connections[i] = new LoadConnection(target, selector);
            }
            final long total = (long)rate * (seconds + warmupSeconds);
            final double intervalNanos = 1e9 / rate;
            final long start = System.nanoTime() + 10_000_000;
            measureFromNanos = start + warmupSeconds * 1_000_000_000L;
            final long deadline = start + (seconds + warmupSeconds) * 1_000_000_000L + DRAIN_GRACE_NANOS;
            final LoadConnection.AnswerHandler onAnswer = this::onAnswer;
            long sent = 0;
            while ((sent < total || answered < sent) && System.nanoTime() - deadline < 0) {
                final long now = System.nanoTime();
                boolean busy = false;
                while (sent < total) {
                    final long due = start + (long)(sent * intervalNanos);
                    if (due - now > 0) {
                        break;
                    }
                    final LoadConnection connection = connections[(int)(sent % connectionCount)];
                    if (!connection.hasRoom(template.length())) {
                        connection.flush();
                        if (!connection.hasRoom(template.length())) {
                            break;
                        }
                    }
                    final int stan = (int)(sent % STAN_MODULUS);
                    template.writeInto(connection.outbound(), stan);
                    intendedNanos[stan] = due;
                    connection.flush();
                    if (due - measureFromNanos >= 0) {
                        sendLag.recordValue(Math.max(0, System.nanoTime() - due));
                    }
                    sent++;
                    busy = true;
                }
                if (selector.selectNow() > 0) {
                    busy = true;
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
                }
                if (!busy) {
                    idle(sent < total ? start + (long)(sent * intervalNanos) - System.nanoTime() : Long.MAX_VALUE,
                        selector);
                }
            }
            for (final LoadConnection connection : connections) {
                connection.close();
            }
        }
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
            java.util.concurrent.locks.LockSupport.parkNanos(PARK_NANOS);
        }
        else {
            Thread.onSpinWait();
        }
    }

    private void onAnswer(final UnsafeBuffer buffer, final int offset, final int length) {
        final long now = System.nanoTime();
        decoder.wrap(buffer, offset, length);
        int stan = 0;
        for (int i = 0; i < 6; i++) {
            stan = stan * 10 + decoder.valueAt(11, i) - '0';
        }
        if (decoder.valueAt(39, 0) != '0' || decoder.valueAt(39, 1) != '0') {
            notApproved++;
        }
        answered++;
        final long intended = intendedNanos[stan];
        if (intended - measureFromNanos >= 0) {
            latency.recordValue(Math.min(HIGHEST_TRACKABLE_NANOS, now - intended));
            measuredAnswers++;
            lastAnswerNanos = now;
        }
    }

    private String summary(final int connections, final int rate, final int seconds, final String loadAverage) {
        final double measuredSeconds = Math.max((lastAnswerNanos - measureFromNanos) / 1e9, seconds);
        return String.format(Locale.ROOT, "%11d %10d %11.0f %11.1f %11.1f %11.1f %11.1f %17.1f %7d  %s",
            connections, rate, measuredAnswers / measuredSeconds, micros(latency.getValueAtPercentile(50)),
            micros(latency.getValueAtPercentile(99)), micros(latency.getValueAtPercentile(99.9)),
            micros(latency.getMaxValue()), micros(sendLag.getValueAtPercentile(99)), notApproved, loadAverage);
    }

    private static double micros(final long nanos) {
        return nanos / 1000.0;
    }

    private static String loadAverage() {
        try {
            final String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        }
        catch (final IOException | RuntimeException unavailable) {
            return "n/a";
        }
    }

    private static int[] parseList(final String text) {
        final String[] parts = text.split(",");
        final int[] values = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Integer.parseInt(parts[i].trim().replace("_", ""));
        }
        return values;
    }
}
