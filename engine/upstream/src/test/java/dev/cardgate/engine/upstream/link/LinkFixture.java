package dev.cardgate.engine.upstream.link;

import java.time.Duration;
import java.util.function.Consumer;

import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.config.UpstreamConfiguration;
import dev.cardgate.engine.counters.CounterRegistry;
import dev.cardgate.engine.upstream.simulator.IssuerSimulator;
import dev.cardgate.engine.upstream.simulator.IssuerSimulatorSettings;

/** A link against simulators on loopback, with fast timers, its counters and a recording listener. */
final class LinkFixture implements AutoCloseable {
    final CounterRegistry counters = CounterRegistry.inMemory();
    final RecordingListener listener = new RecordingListener();
    final NettyUpstreamLink link;

    LinkFixture(final String endpoints, final Consumer<UpstreamConfiguration.Builder> settings) {
        final UpstreamConfiguration configuration = EngineConfiguration.builder()
            .upstream(upstream -> upstream.enabled(true).endpoints(endpoints)
                .set(UpstreamConfiguration.TIMEOUT, Duration.ofMillis(300))
                .set(UpstreamConfiguration.RECONNECT_MIN, Duration.ofMillis(20))
                .set(UpstreamConfiguration.RECONNECT_MAX, Duration.ofMillis(200))
                .set(UpstreamConfiguration.CONNECT_TIMEOUT, Duration.ofMillis(500))
                .with(settings))
            .build().upstream();
        link = new NettyUpstreamLink(configuration, TestRequests.TERMINAL_DIALECT, TestRequests.TERMINAL_FORMAT, counters);
    }

    LinkFixture start() {
        link.start(listener);
        return this;
    }

    /** Starts the link reporting to {@code other} instead of the recording listener. */
    LinkFixture start(final dev.cardgate.engine.upstream.UpstreamListener other) {
        link.start(other);
        return this;
    }

    long count(final UpstreamCounter counter) {
        return counters.value(counter);
    }

    static IssuerSimulator simulator() throws InterruptedException {
        final IssuerSimulator simulator = new IssuerSimulator(new IssuerSimulatorSettings().port(0));
        simulator.start();
        return simulator;
    }

    static String endpoint(final IssuerSimulator simulator) {
        return "127.0.0.1:" + simulator.port();
    }

    @Override
    public void close() {
        link.close();
    }
}
