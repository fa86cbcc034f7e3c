package dev.cardgate.engine.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.Await;
import dev.cardgate.engine.AuthorizationEngine;
import dev.cardgate.engine.decision.DecisionCounter;

/**
 * Closing under load: terminals pipeline requests as fast as they can while the front-end and
 * then the engine close. Every request the engine took must reach its terminal; none may be
 * left unanswered.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FrontEndShutdownTest {
    private static final int TERMINALS = 8;

    @TempDir
    Path dataDirectory;

    @Test
    void closingUnderLoadAnswersEveryRequestTaken() throws Exception {
        final AuthorizationEngine engine = TestFrontEnds.launchEngine(dataDirectory);
        final FrontEnd frontEnd = FrontEnd.start(engine, TestFrontEnds.frontEnd(settings -> { }));
        final AtomicLong answers = new AtomicLong();
        final List<Thread> threads = new ArrayList<>();
        final List<RawTerminal> terminals = new ArrayList<>();
        final byte[] burst = burstOf(50);
        for (int i = 0; i < TERMINALS; i++) {
            final RawTerminal terminal = new RawTerminal(frontEnd.localAddress());
            terminals.add(terminal);
            threads.add(start(() -> {
                while (true) {
                    terminal.send(burst);
                }
            }));
            threads.add(start(() -> {
                // like a real terminal, it closes its side once the host has closed its own
                try (terminal) {
                    while (true) {
                        terminal.receive();
                        answers.incrementAndGet();
                    }
                }
            }));
        }
        // load flows once terminals have answers back; a bounded wait for it rather than a fixed sleep
        Await.until("answers flowing to the terminals", Duration.ofSeconds(20), () -> answers.get() >= 100);
        final long decidedBefore = decided(engine);
        final long inFlightAtClose = frontEnd.inFlight();
        assertTrue(frontEnd.close(java.time.Duration.ofSeconds(10)), "every request taken was answered in time");
        engine.close();
        for (final Thread thread : threads) {
            thread.join(10_000);
        }
        final long decided = decided(engine);
        // under load either requests are still being decided or decided ones wait for their answers
        assertTrue(decidedBefore > 0 && (decided > decidedBefore || inFlightAtClose > 0),
            "load was flowing: " + decidedBefore + " decided, " + inFlightAtClose + " in flight at close");
        assertEquals(decided, answers.get(), "answers received for the requests the engine decided");
        for (final RawTerminal terminal : terminals) {
            terminal.close();
        }
    }

    private static long decided(final AuthorizationEngine engine) {
        return engine.counters().value(DecisionCounter.APPROVALS) + engine.counters().value(DecisionCounter.DECLINES);
    }

    private static byte[] burstOf(final int requests) throws Exception {
        final ByteArrayOutputStream burst = new ByteArrayOutputStream();
        for (int stan = 1; stan <= requests; stan++) {
            burst.writeBytes(RawTerminal.frame(JposMessages.authorization(TestFrontEnds.CLEAN_CARD, stan)));
        }
        return burst.toByteArray();
    }

    /** Runs {@code work} until it fails with an I/O error (the connection closed). */
    private static Thread start(final SocketWork work) {
        final Thread thread = new Thread(() -> {
            try {
                work.run();
            }
            catch (final IOException | org.jpos.iso.ISOException closed) {
                // the front-end closed the connection: this terminal is done
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @FunctionalInterface
    private interface SocketWork {
        void run() throws IOException, org.jpos.iso.ISOException;
    }
}
