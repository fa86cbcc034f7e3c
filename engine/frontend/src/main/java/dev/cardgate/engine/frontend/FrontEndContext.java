package dev.cardgate.engine.frontend;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.cardgate.codec.framing.FrameFormat;
import dev.cardgate.engine.config.FrontEndConfiguration;
import dev.cardgate.engine.counters.ComponentCounters;
import dev.cardgate.engine.counters.CounterRegistry;
import io.netty.channel.EventLoop;

/**
 * What every connection of one front-end shares: the settings, the counters and log, the
 * submitter and the answer outbox of each I/O thread, and the number of requests in the engine
 * from all connections.
 *
 * <p>Threading: immutable after construction except {@link #inFlight()}, an atomic counter.
 */
final class FrontEndContext {
    private final FrontEndConfiguration configuration;
    private final FrameFormat frameFormat;
    private final ComponentCounters<FrontEndCounter> counters;
    private final FrontEndLog log;
    private final Map<EventLoop, RequestSubmitter> submitters;
    private final Map<EventLoop, AnswerOutbox> outboxes;
    private final AtomicLong inFlight = new AtomicLong();
    private final long frameTimeoutNanos;

    FrontEndContext(final FrontEndConfiguration configuration, final CounterRegistry counters, final FrontEndLog log,
        final Map<EventLoop, RequestSubmitter> submitters, final Map<EventLoop, AnswerOutbox> outboxes) {
        this.configuration = configuration;
        this.frameFormat = configuration.frameFormat();
        this.counters = counters.component(FrontEndCounter.class);
        this.log = log;
        this.submitters = new IdentityHashMap<>(submitters);
        this.outboxes = new IdentityHashMap<>(outboxes);
        this.frameTimeoutNanos = configuration.frameTimeout().toNanos();
    }

    FrontEndConfiguration configuration() {
        return configuration;
    }

    FrameFormat frameFormat() {
        return frameFormat;
    }

    ComponentCounters<FrontEndCounter> counters() {
        return counters;
    }

    FrontEndLog log() {
        return log;
    }

    /** Frames read by all the I/O threads' decoders (tests show a request is decoded once). */
    long decoderWraps() {
        long wraps = 0;
        for (final RequestSubmitter submitter : submitters.values()) {
            wraps += submitter.decoderWraps();
        }
        return wraps;
    }

    /** The submitter of the I/O thread that runs {@code eventLoop}. */
    RequestSubmitter submitterFor(final EventLoop eventLoop) {
        return ofThread(submitters, eventLoop, "request submitter");
    }

    /** The outbox through which the reply thread hands answers to the I/O thread of {@code eventLoop}. */
    AnswerOutbox outboxFor(final EventLoop eventLoop) {
        return ofThread(outboxes, eventLoop, "answer outbox");
    }

    private static <T> T ofThread(final Map<EventLoop, T> perThread, final EventLoop eventLoop, final String what) {
        final T found = perThread.get(eventLoop);
        if (found == null) {
            throw new IllegalStateException("no " + what + " for I/O thread " + eventLoop);
        }
        return found;
    }

    /** Requests of every connection that are in the engine and not yet answered. */
    AtomicLong inFlight() {
        return inFlight;
    }

    long frameTimeoutNanos() {
        return frameTimeoutNanos;
    }
}
