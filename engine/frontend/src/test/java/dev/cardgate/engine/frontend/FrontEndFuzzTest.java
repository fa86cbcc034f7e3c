package dev.cardgate.engine.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jpos.iso.ISOMsg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.AuthorizationEngine;

/**
 * Random and mutated frames over real sockets while valid traffic flows on other connections:
 * every valid request is answered correctly throughout, and the front-end still serves new
 * connections afterwards. Runs 3 seconds by default; {@code -Dcardgate.fuzz.seconds=N} for longer.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FrontEndFuzzTest {
    private static final int GOOD_TERMINALS = 4;
    private static final int FUZZING_TERMINALS = 4;

    @TempDir
    Path dataDirectory;

    @Test
    void validTrafficIsAnsweredCorrectlyWhileOtherConnectionsSendGarbage() throws Exception {
        final long seconds = Long.getLong("cardgate.fuzz.seconds", 3);
        final long seed = Long.getLong("cardgate.fuzz.seed", System.nanoTime());
        try (AuthorizationEngine engine = TestFrontEnds.launchEngine(dataDirectory);
            FrontEnd frontEnd = FrontEnd.start(engine, TestFrontEnds.frontEnd(settings -> settings.maxFrameBytes(2048)))) {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            final ConcurrentLinkedQueue<String> wrongAnswers = new ConcurrentLinkedQueue<>();
            final AtomicLong validAnswered = new AtomicLong();
            final AtomicLong garbageFrames = new AtomicLong();
            final List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < GOOD_TERMINALS; i++) {
                threads.add(thread(() -> {
                    try (RawTerminal terminal = new RawTerminal(frontEnd.localAddress())) {
                        for (int stan = 1; System.nanoTime() - deadline < 0; stan = stan % 999_999 + 1) {
                            final boolean stolen = stan % 5 == 0;
                            terminal.send(RawTerminal.frame(JposMessages.authorization(
                                stolen ? TestFrontEnds.STOLEN_CARD : TestFrontEnds.CLEAN_CARD, stan)));
                            final ISOMsg answer = terminal.receive();
                            final String expected = (stolen ? "43 " : "00 ") + String.format("%06d", stan);
                            final String actual = answer.getString(39) + " " + answer.getString(11);
                            if (!expected.equals(actual)) {
                                wrongAnswers.add("expected " + expected + ", got " + actual);
                            }
                            validAnswered.incrementAndGet();
                        }
                    }
                }, wrongAnswers));
            }
            for (int i = 0; i < FUZZING_TERMINALS; i++) {
                final Random random = new Random(seed + i);
                threads.add(thread(() -> {
                    // a terminal of its own: a mutated copy that still decodes must not share the valid
                    // traffic's terminal, time and card, or it would be a duplicate of a later valid request
                    final ISOMsg template = JposMessages.authorization(TestFrontEnds.CLEAN_CARD, 1);
                    template.set(41, "FUZZ0001");
                    final byte[] valid = RawTerminal.frame(template);
                    while (System.nanoTime() - deadline < 0) {
                        try (RawTerminal fuzzer = new RawTerminal(frontEnd.localAddress())) {
                            for (int frame = 0; frame < 20; frame++) {
                                fuzzer.send(random.nextInt(4) == 0 ? randomBytes(random) : mutated(valid, random));
                                garbageFrames.incrementAndGet();
                                // a pause keeps 2 shared cores for the valid traffic this test watches
                                Thread.sleep(1);
                            }
                        }
                        catch (final IOException closedByServer) {
                            // the front-end closed this connection: expected for unreadable frames
                        }
                    }
                }, null));
            }
            for (final Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(seconds + 30));
            }
            assertTrue(wrongAnswers.isEmpty(), "seed " + seed + ": " + wrongAnswers);
            assertTrue(validAnswered.get() > 10 * GOOD_TERMINALS, "valid traffic flowed: " + validAnswered);
            assertTrue(garbageFrames.get() > 100, "garbage was sent: " + garbageFrames);
            assertTrue(engine.counters().value(FrontEndCounter.FRAMES_UNREADABLE) + engine.counters().value(FrontEndCounter.FRAMES_MALFORMED) > 0);
            try (RawTerminal afterwards = new RawTerminal(frontEnd.localAddress())) {
                afterwards.send(RawTerminal.frame(JposMessages.authorization(TestFrontEnds.CLEAN_CARD, 7)));
                assertEquals("00", afterwards.receive().getString(39));
            }
        }
    }

    private static byte[] randomBytes(final Random random) {
        final byte[] bytes = new byte[1 + random.nextInt(300)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A valid frame with a few bytes changed, cut short, or lengthened; the length header sometimes too. */
    private static byte[] mutated(final byte[] valid, final Random random) {
        final byte[] bytes = java.util.Arrays.copyOf(valid, valid.length + (random.nextBoolean() ? 0 : random.nextInt(8)));
        final int changes = 1 + random.nextInt(4);
        for (int i = 0; i < changes; i++) {
            final int at = random.nextInt(10) == 0 ? random.nextInt(4) : 4 + random.nextInt(bytes.length - 4);
            bytes[at] = random.nextInt(3) == 0 ? (byte)random.nextInt(256) : (byte)('0' + random.nextInt(10));
        }
        return random.nextInt(5) == 0 ? java.util.Arrays.copyOf(bytes, 1 + random.nextInt(bytes.length)) : bytes;
    }

    private static Thread thread(final Work work, final ConcurrentLinkedQueue<String> failures) {
        final Thread thread = new Thread(() -> {
            try {
                work.run();
            }
            catch (final Exception failure) {
                if (failures != null) {
                    failures.add(failure.toString());
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }
}
