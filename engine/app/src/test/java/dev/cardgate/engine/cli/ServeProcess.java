package dev.cardgate.engine.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code cardgate serve} in a child JVM, as bin/cardgate runs it (config/jvm.options, the
 * shipped configuration from the project's home, overrides in the environment), for the tests
 * that need a real process: SIGTERM, {@code kill -9}, restart.
 */
final class ServeProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("cardgate listening on ([0-9.]+):(\\d+) .*");

    final Process process;
    final BufferedReader out;
    final List<String> printed = new ArrayList<>();
    final String host;
    final int port;

    private ServeProcess(final Process process) throws IOException {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        final Matcher listening = awaitListening();
        this.host = listening.group(1);
        this.port = Integer.parseInt(listening.group(2));
    }

    /** Starts serve with {@code environment} added to this JVM's, its standard error to {@code errors}; returns once it listens. */
    static ServeProcess start(final Map<String, String> environment, final Path errors) throws IOException {
        final Path home = UpstreamHost.HOME;
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        final ProcessBuilder builder = new ProcessBuilder(List.of(java, "@" + home.resolve("config/jvm.options"),
            "-D" + ConfigurationOption.HOME_PROPERTY + "=" + home, "-cp", System.getProperty("java.class.path"),
            CardgateCommand.class.getName(), "serve"));
        builder.environment().put("CARDGATE_FRONTEND_PORT", "0");
        builder.environment().putAll(environment);
        builder.redirectError(errors.toFile());
        return new ServeProcess(builder.start());
    }

    private Matcher awaitListening() throws IOException {
        while (true) {
            final String line = out.readLine();
            assertNotNull(line, "serve ended before listening: " + printed);
            printed.add(line);
            final Matcher listening = LISTENING.matcher(line);
            if (listening.matches()) {
                return listening;
            }
        }
    }

    /** SIGKILL: no shutdown hook, no drain, no flush. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        out.close();
    }
}
