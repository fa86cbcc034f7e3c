package dev.cardgate.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Reading a scrape and taking a quantile from two scrapes' buckets, as histogram_quantile does. */
class MetricsScrapeTest {
    private static final String FIRST = """
        # TYPE cardgate_requests_total counter
        cardgate_requests_total 10.0
        cardgate_declines_by_code_total{code="14"} 1.0
        cardgate_declines_by_code_total{code="43"} 2.0
        cardgate_latency_seconds_bucket{stage="round-trip",le="0.001"} 4
        cardgate_latency_seconds_bucket{stage="round-trip",le="0.002"} 10
        cardgate_latency_seconds_bucket{stage="round-trip",le="+Inf"} 10
        cardgate_latency_seconds_bucket{stage="decision",le="0.001"} 99
        """;
    private static final String SECOND = """
        cardgate_requests_total 110.0
        cardgate_declines_by_code_total{code="14"} 3.0
        cardgate_declines_by_code_total{code="43"} 4.0
        cardgate_latency_seconds_bucket{stage="round-trip",le="0.001"} 54
        cardgate_latency_seconds_bucket{stage="round-trip",le="0.002"} 110
        cardgate_latency_seconds_bucket{stage="round-trip",le="+Inf"} 110
        """;

    @Test
    void readsPlainAndLabelledSamples() {
        final MetricsScrape scrape = MetricsScrape.parse(FIRST, 1_000);
        assertEquals(10.0, scrape.value("cardgate_requests_total"));
        assertEquals(3.0, scrape.value("cardgate_declines_by_code_total"));
        assertEquals(2.0, scrape.sum("cardgate_declines_by_code_total", Map.of("code", "43")));
        assertEquals(3, scrape.buckets("cardgate_latency_seconds", Map.of("stage", "round-trip")).size());
    }

    @Test
    void interpolatesTheQuantileWithinTheBucketOfTheIncrease() {
        final Map<String, String> roundTrip = Map.of("stage", "round-trip");
        final MetricsScrape before = MetricsScrape.parse(FIRST, 1_000);
        final MetricsScrape after = MetricsScrape.parse(SECOND, 2_000);
        // the increase: 50 values up to 1 ms, 50 more up to 2 ms; the median is the first bucket's top
        assertEquals(0.001, MetricsScrape.quantile(0.5, before.buckets("cardgate_latency_seconds", roundTrip),
            after.buckets("cardgate_latency_seconds", roundTrip)), 1e-12);
        // p99 is 49 of the second bucket's 50 values in: 1 ms + 0.98 ms
        assertEquals(0.001_98, MetricsScrape.quantile(0.99, before.buckets("cardgate_latency_seconds", roundTrip),
            after.buckets("cardgate_latency_seconds", roundTrip)), 1e-12);
        assertTrue(Double.isNaN(MetricsScrape.quantile(0.5, after.buckets("cardgate_latency_seconds", roundTrip),
            after.buckets("cardgate_latency_seconds", roundTrip))), "nothing counted between the two");
    }
}
