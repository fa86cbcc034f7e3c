package dev.cardgate.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jpos.iso.channel.ASCIIChannel;
import org.jpos.iso.packager.ISO87APackager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;

import dev.cardgate.engine.AuthorizationEngine;
import dev.cardgate.engine.config.EngineConfigurationLoader;
import dev.cardgate.engine.frontend.JposMessages;
import dev.cardgate.engine.counters.CountersFile;
import dev.cardgate.engine.counters.CountersFileDescriptor;
import picocli.CommandLine;

/**
 * {@code cardgate stat} reads the counters of an engine that runs in another process: a child
 * JVM serving terminals, as bin/cardgate runs it. What stat and {@code /metrics} show agrees
 * exactly with the requests a terminal sent, and its JSON log keeps card numbers and the token
 * key out; without a counters file, or with a stale one,
 * stat says so and exits 3.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StatCommandTest {
    private static final Pattern LISTENING = Pattern.compile("cardgate listening on ([0-9.]+):(\\d+) .*");
    private static final Pattern METRICS = Pattern.compile("\\s*metrics\\s+(http://\\S+)/metrics and /health");
    private static final String APPROVED_CARD = "4242424242424242";
    private static final String LUHN_INVALID_CARD = "4242424242424241";
    private static final int APPROVALS = 30;
    private static final int DECLINES = 12;
    private static final String TOKEN_KEY_HEX = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @TempDir
    Path folder;

    @Test
    void statFromAnotherProcessAndMetricsCountExactlyTheRequestsSent() throws Exception {
        final Path configuration = configuration("metrics.http.enabled = true\nmetrics.http.port = 0\n"
            + "log.format = json\n");
        final Process serve = startServe(configuration);
        final List<String> printed = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(),
            StandardCharsets.UTF_8))) {
            final Matcher listening = readUntil(out, printed, LISTENING);
            final String metricsUrl = readUntil(out, printed, METRICS).group(1);
            sendRequests(listening.group(1), Integer.parseInt(listening.group(2)));

            final StringWriter statOutput = new StringWriter();
            assertEquals(0, stat(statOutput, "--once", "--config", configuration.toString()));
            final String stat = statOutput.toString();
            System.out.println(stat);
            assertEquals(APPROVALS + DECLINES, statValue(stat, "requests"), stat);
            assertEquals(APPROVALS, statValue(stat, "approvals"), stat);
            assertEquals(DECLINES, statValue(stat, "declines"), stat);
            assertEquals(DECLINES, statValue(stat, "declines.by-reason reason=CARD_LUHN_INVALID"), stat);
            assertEquals(DECLINES, statValue(stat, "declines.by-code code=14"), stat);
            assertEquals(1, statValue(stat, "connections.open"), stat);
            assertTrue(stat.contains("round-trip"), stat);

            final String metrics = get(metricsUrl + "/metrics").body();
            assertEquals(APPROVALS + DECLINES, metricValue(metrics, "cardgate_requests_total"), metrics);
            assertEquals(APPROVALS, metricValue(metrics, "cardgate_approvals_total"), metrics);
            assertEquals(DECLINES, metricValue(metrics, "cardgate_declines_total"), metrics);
            assertEquals(DECLINES, metricValue(metrics, "cardgate_declines_by_code_total{code=\"14\"}"), metrics);
            assertTrue(metrics.contains("cardgate_latency_seconds_count{stage=\"decision\"}"), metrics);

            final HttpResponse<String> health = get(metricsUrl + "/health");
            assertEquals(200, health.statusCode(), health.body());
            assertEquals("ready\n", health.body());

            serve.toHandle().destroy();
            assertTrue(serve.waitFor(30, TimeUnit.SECONDS), "serve ends after SIGTERM");
        }
        finally {
            serve.destroyForcibly();
        }
        assertLogIsJsonWithoutCardNumbers(folder.resolve("serve.err"));
        final String log = Files.readString(folder.resolve("serve.err"));
        assertTrue(log.contains("token key = (hidden)  (environment CARDGATE_TOKEN_KEY)"), log);
        assertFalse(log.contains(TOKEN_KEY_HEX), log);
    }

    @Test
    void statWithoutACountersFileSaysSoAndExitsWith3() throws Exception {
        final Path configuration = configuration("");
        final StringWriter output = new StringWriter();
        assertEquals(3, stat(output, "--once", "--config", configuration.toString()));
        assertTrue(output.toString().startsWith("no counters file at " + folder.resolve("data")
            .resolve(CountersFileDescriptor.FILE_NAME)), output.toString());
        assertTrue(output.toString().contains("is `cardgate serve` running with data.dir " + folder.resolve("data")),
            output.toString());
    }

    @Test
    void statOnAFileWhoseEngineStoppedPublishingSaysItIsStaleAndExitsWith3() throws Exception {
        final Path configuration = configuration("");
        Files.createDirectories(folder.resolve("data"));
        final long aMinuteAgo = System.currentTimeMillis() - 60_000;
        CountersFile.create(folder.resolve("data").resolve(CountersFileDescriptor.FILE_NAME), () -> aMinuteAgo);
        final StringWriter output = new StringWriter();
        assertEquals(3, stat(output, "--once", "--config", configuration.toString()));
        assertTrue(output.toString().contains("is stale"), output.toString());
        assertTrue(output.toString().contains("60 s ago") || output.toString().contains("61 s ago"),
            output.toString());
    }

    @Test
    void statAfterTheEngineClosedSaysItStoppedAndExitsWith3() throws Exception {
        final Path configuration = configuration("");
        AuthorizationEngine.launch(EngineConfigurationLoader.load(configuration, Map.of())).close();
        final StringWriter output = new StringWriter();
        assertEquals(3, stat(output, "--once", "--config", configuration.toString()));
        assertTrue(output.toString().contains("has stopped; is `cardgate serve` running"), output.toString());
    }

    @Test
    void intoAPipeReadingsFollowEachOtherWithoutEscapeCodesAndRedrawClearsTheScreen() throws Exception {
        final Path configuration = configuration("");
        try (AuthorizationEngine engine = AuthorizationEngine.launch(EngineConfigurationLoader.load(configuration,
            Map.of()))) {
            final StringWriter piped = new StringWriter();
            assertEquals(0, stat(piped, "--count", "2", "--config", configuration.toString()));
            assertFalse(piped.toString().contains("\033"), piped.toString());
            assertEquals(2, piped.toString().lines().filter(line -> line.startsWith("cardgate stat:")).count(),
                piped.toString());
            final StringWriter redrawn = new StringWriter();
            assertEquals(0, stat(redrawn, "--count", "2", "--redraw", "--config", configuration.toString()));
            assertTrue(redrawn.toString().startsWith("\033[H\033[2J"), redrawn.toString());
        }
    }

    @Test
    void anIntervalUnderOneSecondIsRefused() throws Exception {
        final StringWriter output = new StringWriter();
        assertEquals(2, stat(output, "--interval", "0", "--config", configuration("").toString()));
        assertTrue(output.toString().contains("--interval must be at least 1 second"), output.toString());
    }

    private Path configuration(final String extra) throws IOException {
        final Path file = folder.resolve("cardgate.properties");
        Files.writeString(file, "data.dir = " + folder.resolve("data") + "\nfrontend.port = 0\n"
            + "blocklist.capacity = 1000\n" + extra);
        return file;
    }

    private static int stat(final StringWriter output, final String... arguments) {
        return new CommandLine(new CardgateCommand()).setOut(new PrintWriter(output, true))
            .execute(prepend("stat", arguments));
    }

    private static String[] prepend(final String first, final String... rest) {
        final String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static void sendRequests(final String host, final int port) throws Exception {
        final ASCIIChannel terminal = new ASCIIChannel(host, port, new ISO87APackager());
        terminal.setTimeout(10_000);
        terminal.connect();
        for (int stan = 1; stan <= APPROVALS + DECLINES; stan++) {
            terminal.send(JposMessages.authorization(stan <= APPROVALS ? APPROVED_CARD : LUHN_INVALID_CARD, stan));
            assertEquals(stan <= APPROVALS ? "00" : "14", terminal.receive().getString(39));
        }
    }

    /** The value stat printed for {@code label}. */
    private static long statValue(final String stat, final String label) {
        final Matcher row = Pattern.compile("(?m)^" + Pattern.quote(label) + "\\s+(\\d+)").matcher(stat);
        assertTrue(row.find(), "no row " + label + " in\n" + stat);
        return Long.parseLong(row.group(1));
    }

    private static long metricValue(final String metrics, final String series) {
        final Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        assertTrue(line.find(), "no series " + series);
        return (long)Double.parseDouble(line.group(1));
    }

    private static HttpResponse<String> get(final String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    /**
     * How the JVM itself starts the lines it writes to standard error (on Java 23+, that
     * Chronicle calls sun.misc.Unsafe), outside any logging framework and so outside log.format.
     */
    private static final String JVM_WARNING = "WARNING: ";

    private static void assertLogIsJsonWithoutCardNumbers(final Path log) throws IOException {
        final List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertFalse(lines.isEmpty(), "serve logged nothing");
        final JsonFactory json = new JsonFactory();
        for (final String line : lines) {
            assertFalse(line.contains(APPROVED_CARD) || line.contains(LUHN_INVALID_CARD), line);
            if (line.startsWith(JVM_WARNING)) {
                continue;
            }
            try (JsonParser parser = json.createParser(line)) {
                while (parser.nextToken() != null) {
                    assertNotNull(parser.currentToken());
                }
            }
        }
    }

    private Process startServe(final Path configuration) throws IOException {
        final Path home = Path.of("../..").toAbsolutePath().normalize();
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        final ProcessBuilder builder = new ProcessBuilder(List.of(java, "@" + home.resolve("config/jvm.options"),
            "-D" + ConfigurationOption.HOME_PROPERTY + "=" + home, "-cp", System.getProperty("java.class.path"),
            CardgateCommand.class.getName(), "serve", "--config", configuration.toString()))
            .redirectError(folder.resolve("serve.err").toFile());
        builder.environment().put("CARDGATE_TOKEN_KEY", TOKEN_KEY_HEX);
        return builder.start();
    }

    private static Matcher readUntil(final BufferedReader out, final List<String> printed, final Pattern pattern)
        throws IOException {
        while (true) {
            final String line = out.readLine();
            assertNotNull(line, "serve ended before a line matching " + pattern + ": " + printed);
            printed.add(line);
            final Matcher matcher = pattern.matcher(line);
            if (matcher.matches()) {
                return matcher;
            }
        }
    }
}
