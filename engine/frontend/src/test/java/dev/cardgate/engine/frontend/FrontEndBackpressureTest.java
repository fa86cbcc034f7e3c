package dev.cardgate.engine.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jpos.iso.ISOMsg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.AuthorizationEngine;
import dev.cardgate.engine.config.RingFullBehaviour;
import dev.cardgate.engine.event.AuthorizationEvent;

/**
 * A full ring: the test fills a 16-slot ring with its own requests whose listener holds the
 * reply thread, so that the front-end's next claim finds no room. With {@code answer-91} the
 * terminal is answered 91 at once; with {@code stop-reading} it waits, nothing is lost, and it is
 * answered once the ring drains.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FrontEndBackpressureTest {
    private static final int RING_SIZE = 16;

    @TempDir
    Path dataDirectory;

    private AuthorizationEngine engine;
    private final CountDownLatch releaseReplyThread = new CountDownLatch(1);

    @BeforeEach
    void launch() {
        engine = TestFrontEnds.launchEngine(dataDirectory, builder -> builder.ringSize(RING_SIZE));
    }

    @AfterEach
    void close() {
        releaseReplyThread.countDown();
        engine.close();
    }

    @Test
    void fullRingIsAnswered91WhenConfiguredSo() throws Exception {
        try (FrontEnd frontEnd = FrontEnd.start(engine, TestFrontEnds.frontEnd(settings -> settings
                .ringFullBehaviour(RingFullBehaviour.ANSWER_91)));
            RawTerminal terminal = new RawTerminal(frontEnd.localAddress())) {
            fillTheRing();
            final long before = engine.counters().value(FrontEndCounter.ANSWERED_OVERLOADED);
            terminal.send(RawTerminal.frame(JposMessages.authorization(TestFrontEnds.CLEAN_CARD, 1)));
            final ISOMsg answer = terminal.receive();
            assertEquals("91", answer.getString(39));
            assertEquals("000001", answer.getString(11));
            assertEquals(before + 1, engine.counters().value(FrontEndCounter.ANSWERED_OVERLOADED));
        }
    }

    @Test
    void fullRingStopsReadingAndTheRequestIsAnsweredWhenItDrains() throws Exception {
        try (FrontEnd frontEnd = FrontEnd.start(engine, TestFrontEnds.frontEnd(settings -> settings
                .ringFullBehaviour(RingFullBehaviour.STOP_READING)));
            RawTerminal terminal = new RawTerminal(frontEnd.localAddress())) {
            fillTheRing();
            terminal.send(RawTerminal.frame(JposMessages.authorization(TestFrontEnds.CLEAN_CARD, 2)));
            terminal.send(RawTerminal.frame(JposMessages.authorization(TestFrontEnds.STOLEN_CARD, 3)));
            assertThrows(SocketTimeoutException.class, () -> receiveWithin(terminal, 500));
            releaseReplyThread.countDown();
            final ISOMsg first = terminal.receive();
            final ISOMsg second = terminal.receive();
            assertEquals("00", first.getString(39));
            assertEquals("000002", first.getString(11));
            assertEquals("43", second.getString(39));
            assertEquals(0, engine.counters().value(FrontEndCounter.ANSWERED_OVERLOADED));
        }
    }

    /** Claims every slot with requests whose listener blocks the reply thread until released. */
    private void fillTheRing() {
        for (int i = 0; i < RING_SIZE; i++) {
            final long sequence = engine.tryClaim();
            assertEquals(true, sequence >= 0, "slot " + i + " of the ring");
            final AuthorizationEvent event = engine.claimedEvent(sequence);
            event.systemTraceAuditNumber(900 + i).listener(decided -> awaitRelease());
            engine.publish(sequence);
        }
        assertEquals(AuthorizationEngine.RING_FULL, engine.tryClaim());
    }

    private void awaitRelease() {
        try {
            releaseReplyThread.await(30, TimeUnit.SECONDS);
        }
        catch (final InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static ISOMsg receiveWithin(final RawTerminal terminal, final int millis) throws Exception {
        return terminal.receiveWithin(millis);
    }
}
