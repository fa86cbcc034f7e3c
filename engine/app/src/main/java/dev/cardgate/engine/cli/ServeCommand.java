package dev.cardgate.engine.cli;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.cardgate.engine.AuthorizationEngine;
import dev.cardgate.engine.blocklist.BlocklistException;
import dev.cardgate.engine.config.ConfigurationException;
import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.config.FrontEndConfiguration;
import dev.cardgate.engine.config.ObservabilityConfiguration;
import dev.cardgate.engine.frontend.FrontEnd;
import dev.cardgate.engine.metrics.EngineReadiness;
import dev.cardgate.engine.metrics.MetricsHttpEndpoint;
import dev.cardgate.engine.metrics.StructuredLogFormatter;
import dev.cardgate.engine.token.TokenKeyException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cardgate serve}: launches the engine and its TCP front-end on the configuration and
 * serves terminals until SIGTERM (or SIGINT): then it stops accepting, answers what it took,
 * closes the engine's files and exits 0; a second signal, or the shutdown timeout passed twice
 * over, ends the process at once.
 *
 * <p>With {@code metrics.http.enabled} it also serves {@code /metrics} and {@code /health}
 * (stopped last, so that a scrape during the shutdown sees it); log lines are written in
 * {@code log.format}.
 *
 * <p>Exit status: 0 after a clean shutdown, 1 when requests were left unanswered, 2 when it
 * cannot start (configuration, key, map file or address; the message says which).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve terminals: ISO 8583 over TCP on the configured address (default 127.0.0.1:8583).")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    private ConfigurationOption configurationOption;

    @Option(names = "--new-blocklist", description = "start with a new, empty blocklist although the data folder "
        + "has a journal or terminals (its blocklist was lost); sets blocklist.new=true for this start")
    private boolean newBlocklist;

    @Override
    public Integer call() throws InterruptedException {
        // before anything logs: logging then lasts until the graceful shutdown has finished
        System.setProperty("java.util.logging.manager", ShutdownLogManager.class.getName());
        final PrintStream out = System.out;
        final EngineConfiguration configuration;
        try {
            final Map<String, String> environment = new HashMap<>(System.getenv());
            if (newBlocklist) {
                environment.put(EngineConfiguration.NEW_BLOCKLIST.environmentVariable(), "true");
            }
            configuration = configurationOption.load(environment);
        }
        catch (final ConfigurationException invalid) {
            out.println(invalid.getMessage());
            return 2;
        }
        StructuredLogFormatter.install(configuration.observability().logFormat());
        final AuthorizationEngine engine;
        try {
            engine = AuthorizationEngine.launch(configuration, UpstreamLinks.forServe(configuration));
        }
        catch (final TokenKeyException | BlocklistException | java.io.UncheckedIOException cannotStart) {
            out.println("cannot start the engine: " + cannotStart.getMessage());
            return 2;
        }
        final FrontEnd frontEnd;
        try {
            frontEnd = FrontEnd.start(engine);
        }
        catch (final IllegalStateException cannotListen) {
            out.println("cannot start the front-end: " + cannotListen.getMessage());
            engine.close();
            return 2;
        }
        final MetricsHttpEndpoint metrics;
        try {
            metrics = startMetrics(configuration.observability(), engine, frontEnd);
        }
        catch (final java.io.UncheckedIOException cannotListen) {
            out.println("cannot start the metrics endpoint: " + cannotListen.getMessage());
            frontEnd.close();
            engine.close();
            return 2;
        }
        final GracefulShutdown shutdown = new GracefulShutdown(frontEnd, engine, configuration.shutdownTimeout(), out);
        shutdown.install();
        printStarted(out, configuration, frontEnd);
        out.println("  counters  " + engine.countersFile().toAbsolutePath().normalize() + " (cardgate stat)");
        out.println("  metrics   " + (metrics == null ? "off (metrics.http.enabled = false)"
            : metrics.url() + "/metrics and /health"));
        out.println("stop with SIGTERM or Ctrl-C (a second one forces the exit)");
        out.flush();
        try {
            return shutdown.awaitCompletion() ? 0 : 1;
        }
        finally {
            if (metrics != null) {
                metrics.close();
            }
        }
    }

    /** The HTTP endpoint when {@code metrics.http.enabled}; null when off. */
    private static MetricsHttpEndpoint startMetrics(final ObservabilityConfiguration settings,
        final AuthorizationEngine engine, final FrontEnd frontEnd) {
        if (!settings.metricsHttpEnabled()) {
            return null;
        }
        return MetricsHttpEndpoint.start(settings.metricsHttpAddress(), settings.metricsHttpPort(),
            engine.counters(), new EngineReadiness(engine, frontEnd));
    }

    private static void printStarted(final PrintStream out, final EngineConfiguration configuration,
        final FrontEnd frontEnd) {
        final FrontEndConfiguration frontEndConfiguration = configuration.frontEnd();
        out.println("cardgate listening on " + frontEnd.localAddress().getHostString() + ":"
            + frontEnd.localAddress().getPort() + " (" + frontEnd.transportName()
            + (frontEndConfiguration.tlsEnabled() ? ", TLS client-auth " + frontEndConfiguration.tlsClientAuth()
                .configName() : ", plain TCP") + ")");
        out.println("  dialect   " + frontEndConfiguration.dialect().name()
            + (frontEndConfiguration.dialectName().equals(frontEndConfiguration.dialect().name()) ? ""
                : " (" + frontEndConfiguration.dialectName() + ")"));
        out.println("  framing   " + frontEndConfiguration.framingDescription() + ", frames up to "
            + frontEndConfiguration.maxFrameBytes() + " bytes");
        out.println("  data      " + configuration.dataDirectory().toAbsolutePath().normalize());
        out.println("  token key " + (configuration.tokenKeyHex() != null ? "from the environment"
            : configuration.tokenKeyFile().toAbsolutePath().normalize().toString()));
        out.println("  blocklist " + configuration.blocklistFile().toAbsolutePath().normalize());
        out.println("  rules     " + (configuration.rulesFile() == null ? "built-in defaults (rules.file = none)"
            : configuration.rulesFile().toAbsolutePath().normalize().toString()));
        out.println("  terminals " + (configuration.refuseUnknownTerminals() ? "unregistered ones refused (58)"
            : "unregistered ones let through (terminal.unknown = allow)") + ", sign-on "
            + (configuration.signOnRequiredOfEveryTerminal() ? "required of every terminal" : "as registered"));
    }
}
