package dev.cardgate.engine.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import dev.cardgate.engine.upstream.simulator.IssuerSimulator;
import dev.cardgate.engine.upstream.simulator.IssuerSimulatorSettings;
import dev.cardgate.engine.upstream.simulator.SimulatorCommands;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cardgate issuer-sim}: runs the issuer simulator (docs/upstream.md) for the upstream link
 * to talk to, configured by {@code config/issuer-sim.conf}, and takes its commands one a line on
 * stdin ({@code help} lists them, {@code quit} stops it). When stdin ends it keeps answering until
 * the process is stopped.
 *
 * <p>Exit status: 0 after {@code quit} or a stop, 1 when it cannot listen, 2 for a bad configuration.
 */
@Command(name = "issuer-sim", mixinStandardHelpOptions = true,
    description = "Run the issuer simulator: an ISO 8583 network peer for the upstream link, controlled on stdin.")
final class IssuerSimCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
        description = "simulator configuration (default: <cardgate.home>/config/issuer-sim.conf, else config/issuer-sim.conf)")
    private Path configFile;

    @Option(names = "--port", paramLabel = "PORT", description = "listen on PORT instead of issuer-sim.port (0: any free port)")
    private Integer port;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        final PrintWriter out = spec.commandLine().getOut();
        final Path file = configFile();
        final IssuerSimulatorSettings settings;
        try {
            settings = Files.exists(file) || configFile != null ? IssuerSimulatorSettings.load(file)
                : new IssuerSimulatorSettings();
        }
        catch (final IOException | IllegalArgumentException | java.io.UncheckedIOException bad) {
            out.println("cannot use the simulator configuration " + file + ":\n" + bad.getMessage());
            return 2;
        }
        if (port != null) {
            settings.port(port);
        }
        try (IssuerSimulator simulator = new IssuerSimulator(settings)) {
            try {
                simulator.start();
            }
            catch (final IllegalStateException cannotBind) {
                out.println(cannotBind.getMessage());
                return 1;
            }
            out.println("issuer simulator listening on " + settings.bindAddress() + ":" + simulator.port() + " ("
                + settings.dialect().name() + ", " + settings.frameFormat() + "); rules: " + simulator.rules());
            out.println("commands on stdin, one a line ('help' lists them, 'quit' stops)");
            out.flush();
            final CountDownLatch stopped = new CountDownLatch(1);
            final Thread hook = new Thread(stopped::countDown, "issuer-sim-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            if (readCommands(simulator, out)) {
                Runtime.getRuntime().removeShutdownHook(hook);
                return 0;
            }
            stopped.await();
        }
        return 0;
    }

    /** @return true after {@code quit}, false when stdin ended */
    private static boolean readCommands(final IssuerSimulator simulator, final PrintWriter out) {
        final SimulatorCommands commands = new SimulatorCommands(simulator);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.strip().equals("quit")) {
                    return true;
                }
                out.println(commands.run(line));
                out.flush();
            }
        }
        catch (final IOException unreadable) {
            out.println("stdin cannot be read (" + unreadable.getMessage() + "); answering until stopped");
        }
        return false;
    }

    private Path configFile() {
        if (configFile != null) {
            return configFile;
        }
        final Path home = ConfigurationOption.home();
        final Path relative = Path.of("config", "issuer-sim.conf");
        return home == null ? relative : home.resolve(relative);
    }
}
