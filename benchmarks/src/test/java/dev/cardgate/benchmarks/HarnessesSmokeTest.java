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
        BlocklistImportThroughput.main(new String[] {"2000"});
        JournalStartupTime.main(new String[] {"2000", "1"});
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
