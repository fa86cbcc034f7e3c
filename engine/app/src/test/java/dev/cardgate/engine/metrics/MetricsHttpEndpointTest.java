package dev.cardgate.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.AuthorizationEngine;
import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.counters.CounterRegistry;
import dev.cardgate.engine.frontend.FrontEnd;

/**
 * The HTTP endpoint over a real socket: {@code /health} is ready while the engine's maps and
 * journal are open and its front-end listens, 503 naming what is not once the front-end stops;
 * {@code /metrics} is the Prometheus text format; a taken port is refused naming the keys.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MetricsHttpEndpointTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path folder;

    @Test
    void healthIsReadyWhileTheFrontEndListensAndNotReadyOnceItStops() throws Exception {
        final EngineConfiguration configuration = EngineConfiguration.builder().dataDirectory(folder.resolve("data"))
            .blocklistCapacity(1_000).frontEnd(frontEnd -> frontEnd.port(0)).build();
        try (AuthorizationEngine engine = AuthorizationEngine.launch(configuration)) {
            final FrontEnd frontEnd = FrontEnd.start(engine);
            try (MetricsHttpEndpoint endpoint = MetricsHttpEndpoint.start("127.0.0.1", 0, engine.counters(),
                new EngineReadiness(engine, frontEnd))) {
                final HttpResponse<String> ready = get(endpoint.url() + "/health");
                assertEquals(200, ready.statusCode());
                assertEquals("ready\n", ready.body());

                final HttpResponse<String> metrics = get(endpoint.url() + "/metrics");
                assertEquals(200, metrics.statusCode());
                assertTrue(metrics.body().contains("# TYPE cardgate_requests_total counter\n"), metrics.body());
                assertTrue(metrics.body().contains("# TYPE cardgate_ring_occupancy gauge\n"), metrics.body());
                assertTrue(metrics.body().contains("# HELP cardgate_connections_open terminal connections open now; "
                    + "the I/O threads\n"), "the front-end's gauge, described by its descriptor: " + metrics.body());
                assertTrue(metrics.body().contains("# TYPE cardgate_connections_open gauge\n"), metrics.body());

                frontEnd.close();
                final HttpResponse<String> notReady = get(endpoint.url() + "/health");
                assertEquals(503, notReady.statusCode());
                assertEquals("not ready:\nthe front-end is not listening\n", notReady.body());
                assertEquals(404, get(endpoint.url() + "/nothing-here").statusCode());
            }
        }
    }

    @Test
    void aPortInUseIsRefusedNamingTheKeys() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            final UncheckedIOException refused = assertThrows(UncheckedIOException.class,
                () -> MetricsHttpEndpoint.start("127.0.0.1", taken.getLocalPort(),
                    CounterRegistry.inMemory(), List::of));
            assertTrue(refused.getMessage().contains("(metrics.http.address, metrics.http.port)"),
                refused.getMessage());
        }
    }

    private HttpResponse<String> get(final String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
