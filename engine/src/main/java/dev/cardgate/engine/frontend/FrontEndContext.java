package dev.cardgate.engine.frontend;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.cardgate.codec.framing.FrameFormat;
import dev.cardgate.engine.config.FrontEndConfiguration;
import dev.cardgate.engine.pipeline.EngineCounters;
import io.netty.channel.EventLoop;

/**
 * What every connection of one front-end shares: the settings, the counters and log, the
 * submitter of each I/O thread, and the number of requests in the engine from all connections.
 *
 * <p>Threading: immutable after construction except {@link #inFlight()}, an atomic counter.
 */
final class FrontEndContext {
    private final FrontEndConfiguration configuration;
    private final FrameFormat frameFormat;
    private final EngineCounters counters;
    private final FrontEndLog log;
    private final Map<EventLoop, RequestSubmitter> submitters;
    private final AtomicLong inFlight = new AtomicLong();
    private final long frameTimeoutNanos;

    FrontEndContext(final FrontEndConfiguration configuration, final EngineCounters counters, final FrontEndLog log,
        final Map<EventLoop, RequestSubmitter> submitters) {
        this.configuration = configuration;
        this.frameFormat = configuration.frameFormat();
        this.counters = counters;
        this.log = log;
        this.submitters = new IdentityHashMap<>(submitters);
        this.frameTimeoutNanos = configuration.frameTimeout().toNanos();
    }

    FrontEndConfiguration configuration() {
        return configuration;
    }

    FrameFormat frameFormat() {
        return frameFormat;
    }

    EngineCounters counters() {
        return counters;
    }

    FrontEndLog log() {
        return log;
    }

    /** The submitter of the I/O thread that runs {@code eventLoop}. */
    RequestSubmitter submitterFor(final EventLoop eventLoop) {
        final RequestSubmitter submitter = submitters.get(eventLoop);
        if (submitter == null) {
            throw new IllegalStateException("no request submitter for I/O thread " + eventLoop);
        }
        return submitter;
    }

    /** Requests of every connection that are in the engine and not yet answered. */
    AtomicLong inFlight() {
        return inFlight;
    }

    long frameTimeoutNanos() {
        return frameTimeoutNanos;
    }
}
