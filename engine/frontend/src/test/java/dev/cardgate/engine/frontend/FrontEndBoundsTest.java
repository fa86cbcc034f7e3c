package dev.cardgate.engine.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jpos.iso.ISOMsg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.AuthorizationEngine;
import dev.cardgate.engine.counters.CounterRegistry;

/**
 * The front-end's bounds over real sockets: unreadable frames, oversized frames, slow senders,
 * idle connections, the connection limit and the in-flight bound. Each bad connection is closed
 * (or answered 30) and counted, and a good connection beside it never notices.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FrontEndBoundsTest {
    @TempDir
    static Path dataDirectory;

    private static AuthorizationEngine engine;

    @BeforeAll
    static void launch() {
        engine = TestFrontEnds.launchEngine(dataDirectory);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void unreadableLengthHeaderClosesOnlyThatConnection() throws Exception {
        try (FrontEnd frontEnd = FrontEnd.start(engine, TestFrontEnds.frontEnd(settings -> { }));
            RawTerminal good = new RawTerminal(frontEnd.localAddress());
            RawTerminal bad = new RawTerminal(frontEnd.localAddress())) {
            final long unreadableBefore = counters().value(FrontEndCounter.FRAMES_UNREADABLE);
            bad.send("12X4garbage".getBytes(StandardCharsets.US_ASCII));
            assertTrue(bad.closedByServerWithin(5_000));
            assertEquals(unreadableBefore + 1, counters().value(FrontEndCounter.FRAMES_UNREADABLE));
            assertApproved(good, 11);
        }
    }

    @Test
    void messageWithoutReadableTypeClosesTheConnectionAndOneWithTypeAndStanIsAnswered30() throws Exception {
        try (FrontEnd frontEnd = FrontEnd.start(engine, TestFrontEnds.frontEnd(settings -> { }));
            RawTerminal terminal = new RawTerminal(frontEnd.localAddress());
            RawTerminal noType = new RawTerminal(frontEnd.localAddress())) {
            final byte[] valid = RawTerminal.frame(JposMessages.authorization(TestFrontEnds.CLEAN_CARD, 21));
            final byte[] truncated = Arrays.copyOf(valid, valid.length - 20);
            final byte[] reframed = RawTerminal.frame(Arrays.copyOfRange(truncated, 4, truncated.length));
            final long malformedBefore = counters().value(FrontEndCounter.FRAMES_MALFORMED);
            terminal.send(reframed);
            final ISOMsg answer = terminal.receive();
            assertEquals("30", answer.getString(39));
            assertEquals("000021", answer.getString(11));
            assertEquals(malformedBefore + 1, counters().value(FrontEndCounter.FRAMES_MALFORMED));
            assertApproved(terminal, 22);

            noType.send(RawTerminal.frame("01X0zzzzzzzzzzzzzzzzzzzz".getBytes(StandardCharsets.US_ASCII)));
            assertTrue(noType.closedByServerWithin(5_000));
        }
    }

    @Test
    void frameOverTheMaximumClosesTheConnection() throws Exception {
        try (FrontEnd frontEnd = FrontEnd.start(engine, TestFrontEnds.frontEnd(settings -> settings.maxFrameBytes(256)));
            RawTerminal terminal = new RawTerminal(frontEnd.localAddress())) {
            terminal.send("0999".getBytes(StandardCharsets.US_ASCII));
            assertTrue(terminal.closedByServerWithin(5_000));
        }
    }

    @Test
    void slowSenderIsCutAfterTheFrameTimeout() throws Exception {
        try (FrontEnd frontEnd = FrontEnd.start(engine, TestFrontEnds.frontEnd(settings -> settings
                .frameTimeout(Duration.ofMillis(300))));
            RawTerminal slow = new RawTerminal(frontEnd.localAddress());
            RawTerminal good = new RawTerminal(frontEnd.localAddress())) {
            final long cutBefore = counters().value(FrontEndCounter.SLOW_SENDERS_CUT);
            final byte[] frame = RawTerminal.frame(JposMessages.authorization(TestFrontEnds.CLEAN_CARD, 31));
            slow.send(Arrays.copyOf(frame, frame.length / 2));
            assertApproved(good, 32);
            assertTrue(slow.closedByServerWithin(5_000));
            assertEquals(cutBefore + 1, counters().value(FrontEndCounter.SLOW_SENDERS_CUT));
        }
    }

    @Test
    void silentConnectionIsClosedAfterTheIdleTimeoutAndEchoesKeepOneOpen() throws Exception {
        try (FrontEnd frontEnd = FrontEnd.start(engine, TestFrontEnds.frontEnd(settings -> settings
                .idleTimeout(Duration.ofMillis(600))));
            RawTerminal silent = new RawTerminal(frontEnd.localAddress());
            RawTerminal echoing = new RawTerminal(frontEnd.localAddress())) {
            final long idleBefore = counters().value(FrontEndCounter.IDLE_CLOSED);
            for (int stan = 1; stan <= 6; stan++) {
                echoing.send(RawTerminal.frame(JposMessages.networkManagement("301", stan)));
                assertEquals("00", echoing.receive().getString(39));
                Thread.sleep(200);
            }
            assertTrue(silent.closedByServerWithin(3_000));
            assertEquals(idleBefore + 1, counters().value(FrontEndCounter.IDLE_CLOSED));
            assertFalse(echoing.closedByServerWithin(100));
        }
    }

    @Test
    void connectionsOverTheLimitAreClosedOnAccept() throws Exception {
        try (FrontEnd frontEnd = FrontEnd.start(engine, TestFrontEnds.frontEnd(settings -> settings.maxConnections(2)));
            RawTerminal first = new RawTerminal(frontEnd.localAddress());
            RawTerminal second = new RawTerminal(frontEnd.localAddress())) {
            assertApproved(first, 41);
            assertApproved(second, 42);
            final long refusedBefore = counters().value(FrontEndCounter.CONNECTIONS_REFUSED);
            try (RawTerminal third = new RawTerminal(frontEnd.localAddress())) {
                assertTrue(third.closedByServerWithin(5_000));
            }
            assertEquals(refusedBefore + 1, counters().value(FrontEndCounter.CONNECTIONS_REFUSED));
            assertApproved(first, 43);
        }
    }

    @Test
    void connectionAtItsInFlightBoundStopsReadingAndStillAnswersEverything() throws Exception {
        try (FrontEnd frontEnd = FrontEnd.start(engine, TestFrontEnds.frontEnd(settings -> settings
                .maxInFlightPerConnection(2)));
            RawTerminal terminal = new RawTerminal(frontEnd.localAddress())) {
            final int requests = 500;
            final java.io.ByteArrayOutputStream burst = new java.io.ByteArrayOutputStream();
            for (int stan = 1; stan <= requests; stan++) {
                burst.writeBytes(RawTerminal.frame(JposMessages.authorization(TestFrontEnds.CLEAN_CARD, stan)));
            }
            final long pausedBefore = counters().value(FrontEndCounter.READING_PAUSED);
            terminal.send(burst.toByteArray());
            final Map<String, String> codes = new HashMap<>();
            for (int i = 0; i < requests; i++) {
                final ISOMsg answer = terminal.receive();
                codes.put(answer.getString(11), answer.getString(39));
            }
            assertEquals(requests, codes.size());
            assertTrue(codes.values().stream().allMatch("00"::equals), codes.toString());
            assertTrue(counters().value(FrontEndCounter.READING_PAUSED) > pausedBefore, "the connection paused at its bound");
        }
    }

    private static void assertApproved(final RawTerminal terminal, final int stan) throws Exception {
        terminal.send(RawTerminal.frame(JposMessages.authorization(TestFrontEnds.CLEAN_CARD, stan)));
        final ISOMsg answer = terminal.receive();
        assertEquals("00", answer.getString(39));
        assertEquals(String.format("%06d", stan), answer.getString(11));
    }

    private static CounterRegistry counters() {
        return engine.counters();
    }
}
