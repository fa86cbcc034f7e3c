package dev.cardgate.engine.counters;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import org.HdrHistogram.Histogram;

/**
 * A stage's latency since launch as cumulative counts under fixed upper bounds, what a
 * Prometheus classic histogram exposes: unlike the percentiles of the last interval, these
 * counts only grow, so a scrape at any interval sees all the traffic since the previous one and
 * Prometheus can sum them across instances ({@code histogram_quantile} over {@code rate}).
 *
 * <p>Threading: one writer, the metrics agent, which {@link #add}s each interval's histogram;
 * any thread reads. The writer updates the largest bound first and a reader reads the smallest
 * first, so a reading is cumulative (each count at most the next) even while an interval is
 * being added. The counts are those of HdrHistogram's buckets (3 significant digits), so a
 * value within 0.1% above a bound may be counted under it. Allocates nothing after construction.
 */
public final class LatencyBuckets {
    /** Upper bounds in nanoseconds, 10 µs to 10 s (the recorders' highest), as 1-2.5-5 steps. */
    private static final long[] UPPER_BOUNDS_NANOS = {
        10_000L, 25_000L, 50_000L, 100_000L, 250_000L, 500_000L,
        1_000_000L, 2_500_000L, 5_000_000L, 10_000_000L, 25_000_000L, 50_000_000L,
        100_000_000L, 250_000_000L, 500_000_000L, 1_000_000_000L, 2_500_000_000L, 5_000_000_000L,
        10_000_000_000L};
    private static final double NANOS_PER_SECOND = 1e9;

    /** Index i: values at or under bound i; the last: every value (+Inf). */
    private final AtomicLongArray cumulativeCounts = new AtomicLongArray(UPPER_BOUNDS_NANOS.length + 1);
    private final AtomicLong sumNanos = new AtomicLong();

    /** The number of finite bounds. */
    public static int boundCount() {
        return UPPER_BOUNDS_NANOS.length;
    }

    /** Bound {@code index} in seconds, as Prometheus's {@code le} label shows it. */
    public static double upperBoundSeconds(final int index) {
        return UPPER_BOUNDS_NANOS[index] / NANOS_PER_SECOND;
    }

    /** The metrics agent only: adds one interval's values. */
    public void add(final Histogram interval) {
        final long total = interval.getTotalCount();
        if (total == 0) {
            return;
        }
        sumNanos.setRelease(sumNanos.getPlain() + Math.round(interval.getMean() * total));
        final int last = UPPER_BOUNDS_NANOS.length;
        cumulativeCounts.setRelease(last, cumulativeCounts.getPlain(last) + total);
        for (int i = last - 1; i >= 0; i--) {
            cumulativeCounts.setRelease(i, cumulativeCounts.getPlain(i)
                + interval.getCountBetweenValues(0, UPPER_BOUNDS_NANOS[i]));
        }
    }

    /** Values recorded at or under bound {@code index} since launch; read the bounds in rising order. */
    public long countAtOrUnder(final int index) {
        return cumulativeCounts.getAcquire(index);
    }

    /** Every value recorded since launch (the +Inf bucket). */
    public long count() {
        return cumulativeCounts.getAcquire(UPPER_BOUNDS_NANOS.length);
    }

    /** The sum of the values since launch, in seconds (from each interval's mean, to 3 significant digits). */
    public double sumSeconds() {
        return sumNanos.getAcquire() / NANOS_PER_SECOND;
    }
}
