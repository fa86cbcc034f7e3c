package dev.cardgate.engine.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.List;
import java.util.function.Supplier;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import dev.cardgate.engine.counters.CounterRegistry;

/**
 * The optional HTTP endpoint of {@code cardgate serve} ({@code metrics.http.*}): {@code /metrics}
 * in the Prometheus text format (or protobuf, or OpenMetrics, as the scraper asks; written by the
 * Prometheus client) from {@link PrometheusCounters}, {@link BuildInfo} and the client's JVM and
 * process metrics ({@link JvmMetrics}: memory, GC, threads, classes, CPU, open files), and
 * {@code /health} ({@link HealthHandler}). Its threads are the client's; none of the pipeline's.
 */
public final class MetricsHttpEndpoint implements AutoCloseable {
    private final HTTPServer server;
    private final String address;

    private MetricsHttpEndpoint(final HTTPServer server, final String address) {
        this.server = server;
        this.address = address;
    }

    /**
     * Listens on {@code address:port} (port 0 picks a free one).
     *
     * @param healthProblems what is not ready now; empty when ready
     * @throws UncheckedIOException when it cannot listen there
     */
    public static MetricsHttpEndpoint start(final String address, final int port, final CounterRegistry counters,
        final Supplier<List<String>> healthProblems) {
        final PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new PrometheusCounters(counters));
        registry.register(BuildInfo.ofThisBuild());
        JvmMetrics.builder().register(registry);
        try {
            return new MetricsHttpEndpoint(HTTPServer.builder()
                .inetAddress(InetAddress.getByName(address))
                .port(port)
                .registry(registry)
                .registerHealthHandler(false)
                .defaultHandler(new HealthHandler(healthProblems))
                .buildAndStart(), address);
        }
        catch (final IOException failure) {
            throw new UncheckedIOException("cannot serve metrics on " + address + ":" + port
                + " (metrics.http.address, metrics.http.port): " + failure.getMessage(), failure);
        }
    }

    /** The port it listens on (the one chosen when 0 was configured). */
    public int port() {
        return server.getPort();
    }

    /** {@code http://address:port}. */
    public String url() {
        return "http://" + (address.contains(":") ? "[" + address + "]" : address) + ":" + port();
    }

    @Override
    public void close() {
        server.close();
    }
}
