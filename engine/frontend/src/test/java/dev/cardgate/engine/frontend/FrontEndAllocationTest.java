package dev.cardgate.engine.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.cardgate.engine.AuthorizationEngine;
import dev.cardgate.engine.config.ThreadLayout;

/**
 * Bytes allocated per request over a socket round trip, per server thread (ThreadMXBean), in
 * steady state: the decision thread allocates nothing of its own (the blocking wait strategy's
 * lock allocates a node when the thread sleeps); the I/O and reply threads allocate only what
 * Netty does now and then (reads, handing a write from the reply thread to the I/O thread),
 * a few bytes per request on average. The figures are printed (see benchmarks/RESULTS.md) and
 * bounded here so that a regression shows.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FrontEndAllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
    private static final int BURST = 50;

    @TempDir
    Path dataDirectory;

    @ParameterizedTest
    @EnumSource(ThreadLayout.class)
    void decisionThreadAllocatesNothingAndTheOthersLittlePerRequest(final ThreadLayout layout) throws Exception {
        try (AuthorizationEngine engine = TestFrontEnds.launchEngine(dataDirectory.resolve(layout.configName()),
                settings -> settings.threadLayout(layout));
            FrontEnd frontEnd = FrontEnd.start(engine, TestFrontEnds.frontEnd(settings -> settings.ioThreads(1)));
            RawTerminal terminal = new RawTerminal(frontEnd.localAddress())) {
            final byte[] burst = burst();
            roundTrips(terminal, burst, 40_000);
            final Map<String, Long> before = serverThreadAllocations();
            final int requests = roundTrips(terminal, burst, 40_000);
            final Map<String, Long> after = serverThreadAllocations();
            final Map<String, Double> perRequest = new TreeMap<>();
            after.forEach((thread, bytes) -> perRequest.put(thread,
                (bytes - before.getOrDefault(thread, 0L)) / (double)requests));
            System.out.println("bytes allocated per request, by server thread: " + perRequest);
            if (layout == ThreadLayout.THREAD_PER_STAGE) {
                // the blocking wait strategy's condition allocates a node each time the thread sleeps
                assertTrue(perRequest.get("cardgate-main-decision") < 1, perRequest.toString());
                assertTrue(perRequest.get("cardgate-main-reply") < 64, perRequest.toString());
            }
            else {
                // one thread decides, journals and answers: the answers' pooled buffers, as the reply
                // thread's above (AllocationPerDecisionTest holds its decisions to zero)
                assertTrue(perRequest.get("cardgate-main-pipeline") < 64, perRequest.toString());
            }
            perRequest.forEach((thread, bytes) -> assertTrue(!thread.startsWith("cardgate-main-io-") || bytes < 64,
                perRequest.toString()));
        }
    }

    private static int roundTrips(final RawTerminal terminal, final byte[] burst, final int requests) throws Exception {
        for (int sent = 0; sent < requests; sent += BURST) {
            terminal.send(burst);
            for (int i = 0; i < BURST; i++) {
                assertEquals("00", terminal.receive().getString(39));
            }
        }
        return requests;
    }

    private static byte[] burst() throws Exception {
        final ByteArrayOutputStream burst = new ByteArrayOutputStream();
        for (int stan = 1; stan <= BURST; stan++) {
            burst.writeBytes(RawTerminal.frame(JposMessages.authorization(TestFrontEnds.CLEAN_CARD, stan)));
        }
        return burst.toByteArray();
    }

    private static Map<String, Long> serverThreadAllocations() {
        final Map<String, Long> bytes = new TreeMap<>();
        for (final Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("cardgate-main-")) {
                bytes.put(thread.getName(), THREADS.getThreadAllocatedBytes(thread.getId()));
            }
        }
        return bytes;
    }
}
