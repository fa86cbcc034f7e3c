package dev.cardgate.engine.counters;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * The latency of one stage of the pipeline, in nanoseconds: one thread records (the stage's),
 * one thread samples intervals (the housekeeping agent's).
 *
 * <p>{@link #record} goes into a pre-sized {@link SingleWriterRecorder}: no allocation, no lock,
 * and a value beyond {@link #HIGHEST_TRACKABLE_NANOS} is clamped rather than thrown on.
 */
public final class StageLatency {
    /** Ten seconds: anything slower is recorded as ten seconds. */
    public static final long HIGHEST_TRACKABLE_NANOS = 10_000_000_000L;
    private static final int SIGNIFICANT_DIGITS = 3;

    private final String stage;
    private final SingleWriterRecorder recorder = new SingleWriterRecorder(HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);
    private final Histogram interval = new Histogram(HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);
    private final LatencyBuckets sinceLaunch = new LatencyBuckets();

    /** @param stage the name it is published under: decision, journal, round-trip */
    public StageLatency(final String stage) {
        this.stage = stage;
    }

    public String stage() {
        return stage;
    }

    /** The stage's thread only. */
    public void record(final long nanos) {
        recorder.recordValue(nanos < 0 ? 0 : Math.min(nanos, HIGHEST_TRACKABLE_NANOS));
    }

    /** Every interval sampled so far, under fixed bounds: what {@code /metrics} exposes. */
    public LatencyBuckets sinceLaunch() {
        return sinceLaunch;
    }

    /**
     * The sampling thread only: what was recorded since the previous call, also added to
     * {@link #sinceLaunch()}. The histogram
     * returned is reused by the next call.
     */
    public Histogram sampleInterval() {
        recorder.getIntervalHistogramInto(interval);
        sinceLaunch.add(interval);
        return interval;
    }
}
