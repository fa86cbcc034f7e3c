package dev.cardgate.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_33_5.Metrics.Bucket;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_33_5.Metrics.LabelPair;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_33_5.Metrics.Metric;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_33_5.Metrics.MetricFamily;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_33_5.Metrics.MetricType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.AuthorizationEngine;
import dev.cardgate.engine.AuthorizationRequestData;
import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.frontend.FrontEnd;

/**
 * {@code /metrics} of a live engine with its front-end, after real requests, read back the way
 * Prometheus reads it: the protobuf exposition parsed by the Prometheus client's own generated
 * parser (types, buckets, values), and the text format held to the format's grammar line by line
 * ({@link TextExpositionGrammar}). Latency is a histogram per stage in seconds, totals are
 * counters, the heartbeat is seconds, every cardgate metric has a real help text, and the
 * client's JVM and process metrics and the build info are there.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PrometheusMetricsTest {
    private static final String PROTOBUF = "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;"
        + " encoding=delimited";
    private static final int REQUESTS = 25;
    private static final long AWAIT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path folder;

    @Test
    void aScrapeParsesAsPrometheusReadsItWithTheTypesPrometheusUsersExpect() throws Exception {
        try (AuthorizationEngine engine = AuthorizationEngine.launch(configuration());
             FrontEnd frontEnd = FrontEnd.start(engine);
             MetricsHttpEndpoint endpoint = MetricsHttpEndpoint.start("127.0.0.1", 0, engine.counters(),
                 new EngineReadiness(engine, frontEnd))) {
            authorize(engine);
            final Map<String, MetricFamily> families = awaitScrape(endpoint,
                scraped -> histogramCount(scraped, "round-trip") >= REQUESTS);

            final MetricFamily latency = families.get("cardgate_latency_seconds");
            assertEquals(MetricType.HISTOGRAM, latency.getType());
            assertEquals(List.of("decision", "journal", "round-trip"),
                latency.getMetricList().stream().map(metric -> label(metric, "stage")).toList());
            for (final Metric stage : latency.getMetricList()) {
                final List<Bucket> buckets = stage.getHistogram().getBucketList();
                assertTrue(buckets.size() >= 19, "fixed buckets, 10 µs to 10 s: " + buckets);
                assertEquals(0.000_01, buckets.get(0).getUpperBound(), 1e-12);
                for (int i = 1; i < buckets.size(); i++) {
                    assertTrue(buckets.get(i).getUpperBound() > buckets.get(i - 1).getUpperBound());
                    assertTrue(buckets.get(i).getCumulativeCount() >= buckets.get(i - 1).getCumulativeCount(),
                        "cumulative: " + buckets);
                }
                assertTrue(buckets.get(buckets.size() - 1).getCumulativeCount() <= stage.getHistogram().getSampleCount());
            }
            final Metric roundTrip = latency.getMetric(2);
            assertTrue(roundTrip.getHistogram().getSampleCount() >= REQUESTS);
            assertTrue(roundTrip.getHistogram().getSampleSum() > 0, "the round trips take time");

            assertEquals(MetricType.COUNTER, families.get("cardgate_requests_total").getType());
            assertTrue(families.get("cardgate_requests_total").getMetric(0).getCounter().getValue() >= REQUESTS);
            assertEquals(MetricType.COUNTER, families.get("cardgate_declines_by_code_total").getType());
            assertEquals(MetricType.GAUGE, families.get("cardgate_ring_occupancy").getType());
            assertEquals(MetricType.GAUGE, families.get("cardgate_connections_open").getType());

            final double heartbeat = families.get("cardgate_heartbeat_seconds").getMetric(0).getGauge().getValue();
            final double now = System.currentTimeMillis() / 1e3;
            assertTrue(heartbeat > now - 60 && heartbeat <= now + 1, "epoch seconds: " + heartbeat + " vs " + now);

            final Metric build = families.get("cardgate_build_info").getMetric(0);
            assertEquals(BuildInfo.ofThisBuild().version(), label(build, "version"));
            assertTrue(label(build, "version").matches("\\d+\\.\\d+\\.\\d+.*"), label(build, "version"));
            assertTrue(label(build, "commit").matches("[0-9a-f]{7,40}|unknown"), label(build, "commit"));

            assertEquals(MetricType.GAUGE, families.get("jvm_memory_used_bytes").getType());
            assertEquals(MetricType.COUNTER, families.get("process_cpu_seconds_total").getType());
            assertNotNull(families.get("jvm_threads_current"), families.keySet().toString());

            assertFalse(families.containsKey("cardgate_latency_samples"), "the per-second gauges are gone");
            for (final MetricFamily family : families.values()) {
                if (family.getName().startsWith("cardgate_")) {
                    assertFalse(family.getHelp().isBlank() || family.getHelp().startsWith(UndeclaredCounterHelp.UNDESCRIBED)
                        || family.getHelp().startsWith("cardgate counter"), family.getName() + ": " + family.getHelp());
                }
            }
        }
    }

    @Test
    void theTextFormatKeepsToTheExpositionGrammar() throws Exception {
        try (AuthorizationEngine engine = AuthorizationEngine.launch(configuration());
             FrontEnd frontEnd = FrontEnd.start(engine);
             MetricsHttpEndpoint endpoint = MetricsHttpEndpoint.start("127.0.0.1", 0, engine.counters(),
                 new EngineReadiness(engine, frontEnd))) {
            authorize(engine);
            awaitScrape(endpoint, scraped -> histogramCount(scraped, "round-trip") >= REQUESTS);
            final String text = http.send(HttpRequest.newBuilder(URI.create(endpoint.url() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();

            final Map<String, String> types = TextExpositionGrammar.check(text);
            assertEquals("histogram", types.get("cardgate_latency_seconds"));
            assertEquals("counter", types.get("cardgate_requests_total"));
            assertEquals("gauge", types.get("cardgate_heartbeat_seconds"));
            assertTrue(text.contains("cardgate_latency_seconds_bucket{stage=\"round-trip\",le=\"+Inf\"} "), text);
            assertTrue(text.contains("cardgate_latency_seconds_bucket{stage=\"decision\",le=\"1.0E-5\"} ")
                || text.contains("cardgate_latency_seconds_bucket{stage=\"decision\",le=\"1e-05\"} "), text);
            assertFalse(text.contains("quantile="), "no per-second percentile gauges: " + text);
        }
    }

    private EngineConfiguration configuration() {
        return EngineConfiguration.builder().dataDirectory(folder.resolve("data")).blocklistCapacity(1_000)
            .frontEnd(frontEnd -> frontEnd.port(0)).build();
    }

    private static void authorize(final AuthorizationEngine engine) {
        final AuthorizationRequestData request = AuthorizationRequestData.builder().terminalId("TERM0001")
            .merchantId("MERCHANT0000001").expiryYearMonth(2812).amountMinor(1_000).currencyCode(978)
            .merchantCategoryCode(5411).build();
        for (int i = 0; i < REQUESTS; i++) {
            engine.authorize(i % 2 == 0 ? "4111111111111111" : "4111111111111112", request);
        }
    }

    /** Scrapes until {@code condition} holds (the metrics agent publishes once a second); fails after 30 s. */
    private Map<String, MetricFamily> awaitScrape(final MetricsHttpEndpoint endpoint,
        final Predicate<Map<String, MetricFamily>> condition) throws Exception {
        final long deadline = System.nanoTime() + AWAIT_NANOS;
        Map<String, MetricFamily> families = scrapeProtobuf(endpoint);
        while (!condition.test(families)) {
            assertTrue(System.nanoTime() < deadline, "the scrape never met the condition: " + families.keySet());
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            families = scrapeProtobuf(endpoint);
        }
        return families;
    }

    private Map<String, MetricFamily> scrapeProtobuf(final MetricsHttpEndpoint endpoint) throws Exception {
        final HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(endpoint.url()
            + "/metrics")).header("Accept", PROTOBUF).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/vnd.google.protobuf"),
            response.headers().toString());
        final Map<String, MetricFamily> families = new LinkedHashMap<>();
        try (InputStream body = response.body()) {
            for (MetricFamily family = MetricFamily.parseDelimitedFrom(body); family != null;
                 family = MetricFamily.parseDelimitedFrom(body)) {
                assertEquals(null, families.put(family.getName(), family), "family twice: " + family.getName());
            }
        }
        return families;
    }

    private static long histogramCount(final Map<String, MetricFamily> families, final String stage) {
        final MetricFamily latency = families.get("cardgate_latency_seconds");
        if (latency == null) {
            return -1;
        }
        return latency.getMetricList().stream().filter(metric -> stage.equals(label(metric, "stage")))
            .mapToLong(metric -> metric.getHistogram().getSampleCount()).findFirst().orElse(-1);
    }

    private static String label(final Metric metric, final String name) {
        return metric.getLabelList().stream().filter(pair -> pair.getName().equals(name)).map(LabelPair::getValue)
            .findFirst().orElse(null);
    }
}
