package dev.cardgate.engine.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A stage's cumulative buckets: each sampled interval is added under every bound it fits, the
 * counts never fall between scrapes, a value beyond the recorders' ten seconds lands in the last
 * finite bucket (it is clamped there), and the sum is the values' total.
 */
class LatencyBucketsTest {
    @Test
    void countsEachValueUnderEveryBoundAtOrAboveItAcrossIntervals() {
        final StageLatency stage = new StageLatency("decision");
        stage.record(5_000);                 // 5 µs
        stage.record(30_000);                // 30 µs
        stage.sampleInterval();
        stage.record(2_000_000);             // 2 ms
        stage.record(20_000_000_000L);       // 20 s, clamped to 10 s
        stage.sampleInterval();
        stage.sampleInterval();              // an empty interval adds nothing

        final LatencyBuckets buckets = stage.sinceLaunch();
        assertEquals(4, buckets.count());
        assertEquals(1, countAt(buckets, 0.000_010));
        assertEquals(1, countAt(buckets, 0.000_025));
        assertEquals(2, countAt(buckets, 0.000_050));
        assertEquals(2, countAt(buckets, 0.001));
        assertEquals(3, countAt(buckets, 0.002_5));
        assertEquals(3, countAt(buckets, 5.0));
        assertEquals(4, countAt(buckets, 10.0));
        assertEquals(10.002_035, buckets.sumSeconds(), 10.002_035 * 0.001);
    }

    @Test
    void boundsRiseFromTenMicrosecondsToTheRecordersHighest() {
        assertEquals(0.000_010, LatencyBuckets.upperBoundSeconds(0), 1e-12);
        for (int i = 1; i < LatencyBuckets.boundCount(); i++) {
            assertTrue(LatencyBuckets.upperBoundSeconds(i) > LatencyBuckets.upperBoundSeconds(i - 1));
        }
        assertEquals(StageLatency.HIGHEST_TRACKABLE_NANOS / 1e9,
            LatencyBuckets.upperBoundSeconds(LatencyBuckets.boundCount() - 1), 1e-12);
    }

    private static long countAt(final LatencyBuckets buckets, final double boundSeconds) {
        for (int i = 0; i < LatencyBuckets.boundCount(); i++) {
            if (Math.abs(LatencyBuckets.upperBoundSeconds(i) - boundSeconds) < 1e-12) {
                return buckets.countAtOrUnder(i);
            }
        }
        throw new AssertionError("no bound at " + boundSeconds + " s");
    }
}
