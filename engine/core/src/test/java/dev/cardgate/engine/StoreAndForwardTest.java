package dev.cardgate.engine;

import static dev.cardgate.engine.UpstreamEngines.CLEAN_PAN;
import static dev.cardgate.engine.UpstreamEngines.await;
import static dev.cardgate.engine.UpstreamEngines.purchase;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.token.CardToken;
import dev.cardgate.engine.upstream.LinkState;
import dev.cardgate.engine.upstream.TestUpstreamLink;
import dev.cardgate.engine.upstream.UpstreamFlowCounter;

/** Store and forward: advices and reversals kept on the disk, sent in order, repeated, expired, never lost. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StoreAndForwardTest {
    private static final java.util.function.UnaryOperator<dev.cardgate.engine.config.EngineConfiguration.Builder> FAST =
        s -> s.standIn(i -> i.safRetryInterval(Duration.ofMillis(20)));

    @TempDir
    Path dataDirectory;

    @Test
    void advicesSurviveARestartAndAreEachSentOnceInOrder() throws Exception {
        final UpstreamEngines engines = new UpstreamEngines(dataDirectory);
        try (AuthorizationEngine engine = engines.launch(new TestUpstreamLink(LinkState.DOWN, 4), true, FAST)) {
            for (int stan = 1; stan <= 3; stan++) {
                assertTrue(await(engine.authorizeAsync(CLEAN_PAN, purchase(stan, 1_000))).approved());
            }
            assertEquals(3, engine.counters().value(UpstreamFlowCounter.SAF_DEPTH));
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
            dataDirectory.resolve("saf.dat"))));
        final TestUpstreamLink up = new TestUpstreamLink(LinkState.UP, 4);
        try (AuthorizationEngine engine = engines.launch(up, true, FAST)) {
            for (int stan = 1; stan <= 3; stan++) {
                final TestUpstreamLink.StoredSend advice = up.awaitStored();
                assertEquals(120, advice.messageType());
                assertEquals(stan, advice.systemTraceAuditNumber());
                up.answerStored(advice, 0);
            }
            assertNull(up.pollStored(200), "an advice answered is not sent again");
            awaitValue(engine, UpstreamFlowCounter.SAF_ACKED, 3);
            assertEquals(0, engine.counters().value(UpstreamFlowCounter.SAF_DEPTH));
        }
        final TestUpstreamLink again = new TestUpstreamLink(LinkState.UP, 4);
        try (AuthorizationEngine engine = engines.launch(again, true, FAST)) {
            assertNull(again.pollStored(200), "nothing is owed after every advice was answered");
        }
    }

    @Test
    void anUnansweredAdviceIsSentAgainOnlyAsARepeatAlsoAfterARestart() throws Exception {
        final UpstreamEngines engines = new UpstreamEngines(dataDirectory);
        final TestUpstreamLink link = new TestUpstreamLink(LinkState.DOWN, 4);
        try (AuthorizationEngine engine = engines.launch(link, false, FAST)) {
            assertTrue(await(engine.authorizeAsync(CLEAN_PAN, purchase(1, 1_000))).approved());
            link.state(LinkState.UP);
            final TestUpstreamLink.StoredSend first = link.awaitStored();
            assertEquals(120, first.messageType());
            link.leaveStoredUnanswered(first);
            final TestUpstreamLink.StoredSend second = link.awaitStored();
            assertEquals(121, second.messageType());
            assertEquals(first.storedId(), second.storedId());
            awaitValue(engine, UpstreamFlowCounter.SAF_REPEATS, 1);
        }
        final TestUpstreamLink restarted = new TestUpstreamLink(LinkState.UP, 4);
        try (AuthorizationEngine engine = engines.launch(restarted, false, FAST)) {
            final TestUpstreamLink.StoredSend afterRestart = restarted.awaitStored();
            assertEquals(121, afterRestart.messageType(), "sent once before the restart: a repeat from now on");
            restarted.answerStored(afterRestart, 0);
        }
    }

    @Test
    void aMessageOlderThanTheExpiryIsExpiredCountedAndNoLongerSent() throws Exception {
        final UpstreamEngines engines = new UpstreamEngines(dataDirectory);
        final TestUpstreamLink link = new TestUpstreamLink(LinkState.DOWN, 4);
        try (AuthorizationEngine engine = engines.launch(link, false,
            s -> s.standIn(i -> i.safRetryInterval(Duration.ofMillis(20)).safExpiry(Duration.ofHours(1))))) {
            assertTrue(await(engine.authorizeAsync(CLEAN_PAN, purchase(1, 1_000))).approved());
            engines.clock.addAndGet(Duration.ofHours(1).toMillis());
            awaitValue(engine, UpstreamFlowCounter.SAF_EXPIRED, 1);
            link.state(LinkState.UP);
            assertNull(link.pollStored(200));
            assertEquals(0, engine.counters().value(UpstreamFlowCounter.SAF_DEPTH));
        }
    }

    @Test
    void theFileHoldsTheFrameSealedNeverTheClearPanAndTheAdviceCarriesTheFrame() throws Exception {
        final UpstreamEngines engines = new UpstreamEngines(dataDirectory);
        final TestUpstreamLink link = new TestUpstreamLink(LinkState.DOWN, 4);
        final byte[] frame = ("0100 PAN " + CLEAN_PAN + " as a terminal sent it").getBytes(StandardCharsets.US_ASCII);
        try (AuthorizationEngine engine = engines.launch(link, false, FAST)) {
            final AtomicInteger code = new AtomicInteger(-1);
            final long sequence = engine.claim();
            final CardToken token = new CardToken();
            new TestTokenizer().tokenize(CLEAN_PAN, token);
            final AuthorizationEvent event = TestEngines.fill(engine.claimedEvent(sequence), 77).cardToken(token)
                .maskedPan(16, 411111, 1111).requestBytes(new UnsafeBuffer(frame), 0, frame.length)
                .listener(answered -> code.set(answered.responseCode()));
            assertEquals(77, event.systemTraceAuditNumber());
            engine.publish(sequence);
            while (code.get() < 0) {
                Thread.onSpinWait();
            }
            assertEquals(0, code.get());
            final String file = new String(Files.readAllBytes(dataDirectory.resolve("saf.dat")),
                StandardCharsets.ISO_8859_1);
            assertFalse(file.contains(CLEAN_PAN), "the clear PAN is in the store-and-forward file");
            link.state(LinkState.UP);
            final TestUpstreamLink.StoredSend advice = link.awaitStored();
            assertArrayEquals(frame, advice.request());
            link.answerStored(advice, 0);
        }
    }

    @Test
    void anOperatorListsWithMaskedPansDropsOneAndSendsAnExpiredOneAgain() throws Exception {
        final UpstreamEngines engines = new UpstreamEngines(dataDirectory);
        final java.util.function.UnaryOperator<dev.cardgate.engine.config.EngineConfiguration.Builder> expiring =
            s -> s.standIn(i -> i.safRetryInterval(Duration.ofMillis(20)).safExpiry(Duration.ofHours(1)));
        try (AuthorizationEngine engine = engines.launch(new TestUpstreamLink(LinkState.DOWN, 4), false, expiring)) {
            assertTrue(await(engine.authorizeAsync(CLEAN_PAN, purchase(1, 1_000))).approved());
            assertTrue(await(engine.authorizeAsync(CLEAN_PAN, purchase(2, 1_000))).approved());
            engines.clock.addAndGet(Duration.ofHours(1).toMillis());
            awaitValue(engine, UpstreamFlowCounter.SAF_EXPIRED, 2);
        }
        final java.util.List<dev.cardgate.engine.saf.StoredMessage> listed =
            dev.cardgate.engine.saf.StoreAndForwardOperator.list(dataDirectory);
        assertEquals(2, listed.size());
        final String line = dev.cardgate.engine.saf.StoreAndForwardOperator.describe(listed.get(0), engines.clock.get());
        assertTrue(line.contains("411111******1111") && line.contains("expired") && !line.contains(CLEAN_PAN), line);
        assertTrue(dev.cardgate.engine.saf.StoreAndForwardOperator.drop(dataDirectory, listed.get(0).storedId()));
        assertTrue(dev.cardgate.engine.saf.StoreAndForwardOperator.retry(dataDirectory, listed.get(1).storedId(),
            engines.clock.get()));
        assertFalse(dev.cardgate.engine.saf.StoreAndForwardOperator.retry(dataDirectory, 99, engines.clock.get()));
        final TestUpstreamLink up = new TestUpstreamLink(LinkState.UP, 4);
        try (AuthorizationEngine engine = engines.launch(up, false, expiring)) {
            final TestUpstreamLink.StoredSend again = up.awaitStored();
            assertEquals(2, again.systemTraceAuditNumber());
            assertEquals(121, again.messageType(), "an entry retried by the operator goes as a repeat");
            up.answerStored(again, 0);
            assertNull(up.pollStored(200), "the dropped entry is not sent");
        }
    }

    private static void awaitValue(final AuthorizationEngine engine, final UpstreamFlowCounter counter,
        final long expected) {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (engine.counters().value(counter) != expected) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(counter + " is " + engine.counters().value(counter) + ", expected " + expected);
            }
            Thread.onSpinWait();
        }
    }
}
