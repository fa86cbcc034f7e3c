package dev.cardgate.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import dev.cardgate.engine.config.ConfigurationException;
import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.counters.CounterValue;
import dev.cardgate.engine.counters.CountersFileDescriptor;
import dev.cardgate.engine.counters.CountersFileException;
import dev.cardgate.engine.counters.CountersFileReader;
import dev.cardgate.engine.metrics.CountersTable;
import dev.cardgate.engine.counters.MetricsAgent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cardgate stat}: shows a running engine's counters and latency, read from its counters
 * file in the data folder (read-only, from this separate process), refreshed like top.
 *
 * <p>It clears the screen between readings only on a terminal ({@code System.console()}, or
 * {@code --redraw}); into a pipe each reading follows the last, with no escape codes.
 *
 * <p>Exit status: 0 after {@code --once} or {@code --count}, 2 for a bad configuration, 3 when there is no counters
 * file or its engine has stopped publishing (the message says which).
 */
@Command(name = "stat", mixinStandardHelpOptions = true,
    description = "Show a running engine's counters (value and rate per second) and latency percentiles.")
final class StatCommand implements Callable<Integer> {
    /** A heartbeat older than this means the engine that wrote the file is gone. */
    static final Duration STALE_AFTER = Duration.ofSeconds(5);
    private static final String CLEAR_SCREEN = "\033[H\033[2J";

    @Mixin
    private ConfigurationOption configurationOption;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "1",
        description = "seconds between refreshes (default: ${DEFAULT-VALUE})")
    private int intervalSeconds;

    @Option(names = "--once", description = "print one reading and exit")
    private boolean once;

    @Option(names = "--count", paramLabel = "N", description = "print N readings and exit (default: until Ctrl-C)")
    private Integer count;

    @Option(names = "--redraw", negatable = true, description = "clear the screen before each reading "
        + "(default: only when standard output is a terminal; into a pipe or a file, plain readings one after another)")
    private Boolean redraw;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        final PrintWriter out = spec.commandLine().getOut();
        if (intervalSeconds < 1) {
            out.println("--interval must be at least 1 second, not " + intervalSeconds);
            return 2;
        }
        if (count != null && count < 1) {
            out.println("--count must be at least 1, not " + count);
            return 2;
        }
        final int readings = once ? 1 : count == null ? Integer.MAX_VALUE : count;
        // escape codes only for a terminal: a pipe, a file or a log gets plain lines
        final boolean clearScreen = readings > 1 && (redraw != null ? redraw : System.console() != null);
        final EngineConfiguration configuration;
        try {
            configuration = configurationOption.load(System.getenv());
        }
        catch (final ConfigurationException invalid) {
            out.println(invalid.getMessage());
            return 2;
        }
        final Path dataDirectory = configuration.dataDirectory().toAbsolutePath().normalize();
        final Path file = dataDirectory.resolve(CountersFileDescriptor.FILE_NAME);
        final CountersFileReader reader;
        try {
            reader = CountersFileReader.open(file);
        }
        catch (final CountersFileException unreadable) {
            out.println(unreadable.getMessage() + ": is `cardgate serve` running with data.dir " + dataDirectory + "?");
            out.flush();
            return 3;
        }
        final CountersTable table = new CountersTable();
        for (int reading = 1; ; reading++) {
            final List<CounterValue> values = reader.read();
            final long now = System.currentTimeMillis();
            final String stale = staleness(reader, values, now);
            if (stale != null) {
                out.println(stale);
                out.flush();
                return 3;
            }
            out.print((clearScreen ? CLEAR_SCREEN : reading > 1 ? System.lineSeparator() : "") + header(reader, now)
                + table.render(values, now, reader.startTimeMillis()));
            out.flush();
            if (reading >= readings) {
                return 0;
            }
            Thread.sleep(intervalSeconds * 1000L);
        }
    }

    private static String staleness(final CountersFileReader reader, final List<CounterValue> values, final long now) {
        final long heartbeat = CountersFileReader.heartbeatMillis(values);
        if (heartbeat == MetricsAgent.HEARTBEAT_STOPPED) {
            return "the engine (process " + reader.processId() + ") that wrote the counters file at " + reader.file()
                + " has stopped; is `cardgate serve` running with this data.dir?";
        }
        final long last = heartbeat == 0 ? reader.startTimeMillis() : heartbeat;
        if (now - last <= STALE_AFTER.toMillis()) {
            return null;
        }
        return "the counters file at " + reader.file() + " is stale: engine process " + reader.processId()
            + " last published at " + Instant.ofEpochMilli(last) + ", " + Duration.ofMillis(now - last).toSeconds()
            + " s ago; is `cardgate serve` running with this data.dir?";
    }

    private static String header(final CountersFileReader reader, final long now) {
        final Duration up = Duration.ofMillis(now - reader.startTimeMillis());
        return String.format("cardgate stat: engine process %d, up %d:%02d:%02d, %s, at %s%n%n", reader.processId(),
            up.toHours(), up.toMinutesPart(), up.toSecondsPart(), reader.file(), Instant.ofEpochMilli(now));
    }
}
