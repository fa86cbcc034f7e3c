package dev.cardgate.engine.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.channel.ASCIIChannel;
import org.jpos.iso.packager.ISO87APackager;

import dev.cardgate.engine.AuthorizationEngine;
import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.config.EngineConfigurationLoader;
import dev.cardgate.engine.config.Setting;
import dev.cardgate.engine.config.StandInConfiguration;
import dev.cardgate.engine.config.UpstreamConfiguration;
import dev.cardgate.engine.frontend.FrontEnd;
import dev.cardgate.engine.frontend.JposMessages;
import dev.cardgate.engine.upstream.UpstreamFlowCounter;
import dev.cardgate.engine.upstream.simulator.IssuerSimulator;
import dev.cardgate.engine.upstream.simulator.IssuerSimulatorSettings;

/**
 * An acquirer host as {@code cardgate serve} wires it (the shipped configuration, the link from
 * {@link UpstreamLinks#forServe}, the TCP front-end), with settings given as the environment
 * overrides an operator would set, fast upstream timers, and jPOS terminals on loopback.
 */
final class UpstreamHost implements AutoCloseable {
    static final Path HOME = Path.of("../..").toAbsolutePath().normalize();
    static final Duration WAIT = Duration.ofSeconds(15);

    final AuthorizationEngine engine;
    final FrontEnd frontEnd;

    private UpstreamHost(final EngineConfiguration configuration) {
        engine = AuthorizationEngine.launch(configuration, UpstreamLinks.forServe(configuration));
        frontEnd = FrontEnd.start(engine);
    }

    /** The shipped configuration with the link on toward {@code endpoints}, then {@code overrides}. */
    static UpstreamHost start(final Path dataDirectory, final String endpoints, final Map<Setting<?>, String> overrides) {
        return new UpstreamHost(configuration(dataDirectory, endpoints, overrides));
    }

    static EngineConfiguration configuration(final Path dataDirectory, final String endpoints,
        final Map<Setting<?>, String> overrides) {
        final Map<String, String> environment = new HashMap<>(environment(dataDirectory, endpoints));
        overrides.forEach((setting, value) -> environment.put(setting.environmentVariable(), value));
        return EngineConfigurationLoader.loadBuilder(HOME.resolve("config/cardgate.properties"), environment)
            .baseDirectory(HOME).build();
    }

    /** What every host here runs with: its own data folder, any free port, no rules, fast timers. */
    static Map<String, String> environment(final Path dataDirectory, final String endpoints) {
        final Map<String, String> environment = new HashMap<>();
        environment.put(EngineConfiguration.DATA_DIR.environmentVariable(), dataDirectory.toString());
        environment.put("CARDGATE_FRONTEND_PORT", "0");
        // the shipped rules' velocity and card-testing limits would decline these scenarios' repeats
        environment.put(EngineConfiguration.RULES_FILE.environmentVariable(), "none");
        environment.put(UpstreamConfiguration.ENABLED.environmentVariable(), "true");
        environment.put(UpstreamConfiguration.ENDPOINTS.environmentVariable(), endpoints);
        environment.put(UpstreamConfiguration.TIMEOUT.environmentVariable(), "400");
        environment.put(UpstreamConfiguration.CONNECT_TIMEOUT.environmentVariable(), "500");
        environment.put(UpstreamConfiguration.RECONNECT_MIN.environmentVariable(), "20");
        environment.put(UpstreamConfiguration.RECONNECT_MAX.environmentVariable(), "200");
        environment.put(StandInConfiguration.SAF_RETRY_INTERVAL.environmentVariable(), "100");
        return environment;
    }

    /** A loopback port nothing listens on (for now). */
    static int closedPort() throws IOException {
        try (ServerSocket reserved = new ServerSocket(0)) {
            return reserved.getLocalPort();
        }
    }

    static IssuerSimulator simulator(final int port) throws InterruptedException {
        final IssuerSimulator simulator = new IssuerSimulator(new IssuerSimulatorSettings().port(port));
        simulator.start();
        return simulator;
    }

    static String endpoint(final IssuerSimulator simulator) {
        return "127.0.0.1:" + simulator.port();
    }

    /** A jPOS terminal connected to the front-end. */
    Terminal terminal() throws IOException {
        return terminal("127.0.0.1", frontEnd.localAddress().getPort());
    }

    /** A jPOS terminal connected to a front-end at {@code host}:{@code port} (a serve process's). */
    static Terminal terminal(final String host, final int port) throws IOException {
        final ASCIIChannel channel = new ASCIIChannel(host, port, new ISO87APackager());
        channel.setTimeout((int) WAIT.toMillis());
        channel.connect();
        return new Terminal(channel);
    }

    /** A 0100 of {@code amountMinor} for {@code pan} at {@code terminalId} of {@code merchantId}. */
    static ISOMsg authorization(final String pan, final int stan, final long amountMinor, final String terminalId,
        final String merchantId) throws ISOException {
        final ISOMsg request = JposMessages.authorization(pan, stan);
        request.set(4, String.format("%012d", amountMinor));
        request.set(41, terminalId);
        request.set(42, merchantId);
        return request;
    }

    /** A jPOS channel to the front-end, closed with the test's resources (jPOS 2's channel is not AutoCloseable). */
    record Terminal(ASCIIChannel channel) implements AutoCloseable {
        /** Sends {@code request} and returns the answer. */
        ISOMsg exchange(final ISOMsg request) throws IOException, ISOException {
            channel.send(request);
            return channel.receive();
        }

        @Override
        public void close() throws IOException {
            channel.disconnect();
        }
    }

    long count(final UpstreamFlowCounter counter) {
        return engine.counters().value(counter);
    }

    /** Waits, bounded, for {@code condition}: the link and the store-and-forward sender run on their own threads. */
    static void await(final BooleanSupplier condition, final String what) throws InterruptedException {
        final long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            Thread.sleep(5);
        }
    }

    @Override
    public void close() {
        frontEnd.close();
        engine.close();
    }
}
