package dev.cardgate.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.benchmarks.baseline.BaselineAuthorizationListener;
import dev.cardgate.benchmarks.baseline.JposBaselineServer;
import dev.cardgate.benchmarks.blocklist.BlocklistImportThroughput;
import dev.cardgate.benchmarks.engine.EngineLatencyBenchmark;
import dev.cardgate.benchmarks.journal.JournalStartupTime;
import dev.cardgate.benchmarks.load.CardMix;
import dev.cardgate.benchmarks.load.FrontEndComparison;
import dev.cardgate.benchmarks.load.LoadGenerator;
import dev.cardgate.benchmarks.report.MetricsTimeline;

/**
 * Runs every benchmark harness that is not a JMH benchmark once, briefly, so that none rots: the
 * side-by-side front-end comparison (cardgate and jPOS in their own JVMs, the card mix), the load
 * generator's closed loop, the in-process latency harness, the metrics timeline (a load run
 * scraped and drawn), the import and journal start-up timers. The figures of this run mean nothing; that the harnesses start, run and write do.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class HarnessesSmokeTest {
    /** The repository's root: surefire runs in the module's folder. */
    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path folder;

    @Test
    void frontEndComparisonDrivesCardgateAndJposWithTheCardMix() throws Exception {
        FrontEndComparison.main(new String[] {"--home", HOME.toString(), "--servers", "cardgate,jpos",
            "--connections", "2", "--rates", "500", "--seconds", "1", "--warmup-seconds", "0",
            "--blocked-share", "0.05", "--invalid-share", "0.05", "--velocity-share", "0.1",
            "--out", folder.toString()});

        final List<String> summary = Files.readAllLines(folder.resolve("summary.tsv"));
        assertEquals(3, summary.size(), "header, cardgate, jpos: " + summary);
        final String cardgate = summary.get(1);
        assertTrue(cardgate.startsWith("cardgate\t"), cardgate);
        for (final String code : new String[] {"00=", "14=", "43=", "65="}) {
            assertTrue(cardgate.contains(code), "cardgate answered " + code + " for the mix: " + cardgate);
        }
        assertTrue(summary.get(2).startsWith("jpos\t") && summary.get(2).contains("43="), summary.get(2));
        assertTrue(Files.readString(folder.resolve("latency.html")).contains("<polyline"));
    }

    @Test
    void loadGeneratorRunsAClosedLoopOnTheBaseline() throws Exception {
        final int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        // every card the mix sends as blocked, not only the first: a short run under load may never send that one
        final CardMix mix = new CardMix(1, 0, 0);
        final Set<String> blocked = new HashSet<>();
        for (int k = 0; k < CardMix.BLOCKED_CARDS; k++) {
            blocked.add(BaselineAuthorizationListener.sha256(mix.blockedPan(k)));
        }
        try (JposBaselineServer ignored = JposBaselineServer.start(port, JposBaselineServer.Framing.BINARY_2, true,
            blocked, Clock.systemUTC(), 8)) {
            awaitListening(port);
            LoadGenerator.main(new String[] {"--target", "127.0.0.1:" + port, "--dialect", "iso87-binary",
                "--length-header", "binary-2", "--connections", "2", "--closed-loop", "4", "--seconds", "1",
                "--warmup-seconds", "0", "--blocked-share", "0.5", "--out", folder.toString()});
        }
        final String row = Files.readAllLines(folder.resolve("summary.tsv")).get(1);
        assertTrue(row.contains("\tclosed\t2\t0\t") && row.contains("00=") && row.contains("43="), row);
    }

    @Test
    void inProcessLatencyHarnessWritesItsDistribution() throws IOException {
        EngineLatencyBenchmark.main(new String[] {"--rates", "2000", "--seconds", "1", "--warmup-seconds", "0",
            "--layouts", "blocking/single-thread", "--out", folder.toString()});

        assertTrue(Files.exists(folder.resolve("blocking-single-thread-2000.hgrm")));
    }

    @Test
    void metricsTimelineScrapesALoadRunAndDrawsIt() throws Exception {
        MetricsTimeline.main(new String[] {"--rates", "500", "--seconds", "1", "--out", folder.toString()});

        final List<String> rows = Files.readAllLines(folder.resolve("metrics-over-load.tsv"));
        assertTrue(rows.size() >= 2, "header and at least one interval: " + rows);
        assertTrue(rows.stream().skip(1).anyMatch(row -> Double.parseDouble(row.split("\t")[1]) > 0),
            "some interval saw answers: " + rows);
        assertTrue(Files.size(folder.resolve("metrics-over-load.png")) > 1_000);
    }

    @Test
    void importAndJournalStartUpTimersRun() throws Exception {
        final String imported = printedBy(() -> BlocklistImportThroughput.main(new String[] {"2000"}));
        final String startedUp = printedBy(() -> JournalStartupTime.main(new String[] {"2000", "1"}));
        System.out.print(imported + startedUp);

        assertTrue(imported.contains("import file: 2,000 lines"), imported);
        assertTrue(imported.matches("(?s).*new map \\(cold JIT\\).*2001 lines: 2000 added, 0 updated, 0 unchanged, "
            + "0 rejected.*"), imported);
        assertTrue(imported.matches("(?s).*new map \\(warm JIT\\).*2001 lines: 2000 added, 0 updated, 0 unchanged, "
            + "0 rejected.*"), imported);
        assertTrue(imported.matches("(?s).*same file again.*2001 lines: 0 added, 0 updated, 2000 unchanged, "
            + "0 rejected.*"), "an import of the same file changes nothing: " + imported);

        assertTrue(startedUp.contains("wrote 2,000 records"), startedUp);
        for (int run = 1; run <= 3; run++) {
            // the records span a day, the last 43 s ago: a one-minute window replays exactly the last one
            assertTrue(startedUp.matches("(?s).*run " + run + ": scan of 2,000 records in 1 segments [0-9.]+ s; "
                + "replay of 1 records \\(window 1 min\\) [0-9.]+ s; start-up total [0-9.]+ s \\(checksum 1999\\).*"),
                startedUp);
        }
    }

    /** What {@code harness} prints on System.out while it runs (this test's thread only prints then). */
    private static String printedBy(final Harness harness) throws Exception {
        final java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        final java.io.PrintStream original = System.out;
        System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            harness.run();
        }
        finally {
            System.setOut(original);
        }
        return printed.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface Harness {
        void run() throws Exception;
    }

    private static void awaitListening(final int port) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            try {
                new java.net.Socket("127.0.0.1", port).close();
                return;
            }
            catch (final IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("baseline never listened on " + port);
    }
}
