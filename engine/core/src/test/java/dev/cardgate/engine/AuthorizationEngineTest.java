package dev.cardgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.cardgate.engine.blocklist.BlockReason;
import dev.cardgate.engine.blocklist.BlocklistLookup;
import dev.cardgate.engine.decision.BlocklistCheck;
import dev.cardgate.engine.decision.CardNumberCheck;
import dev.cardgate.engine.rules.EngineRules;
import dev.cardgate.engine.event.DecisionReason;
import dev.cardgate.engine.token.CardToken;
import dev.cardgate.engine.decision.DecisionCounter;
import dev.cardgate.engine.pipeline.PipelineCounter;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class AuthorizationEngineTest {
    private static final String CLEAN_CARD = "4111111111111111";
    private static final String BLOCKED_CARD = "5555555555554444";

    @Test
    void approvesCleanCardWithSixCharacterAuthorizationId() {
        try (AuthorizationEngine engine = TestEngines.launch(new InMemoryBlocklist(), settings -> settings)) {
            final Decision decision = engine.authorize(CLEAN_CARD, TestEngines.request(17));

            assertTrue(decision.approved());
            assertEquals("00", decision.responseCodeText());
            assertEquals(DecisionReason.APPROVED, decision.reason());
            assertEquals("none", decision.ruleName());
            assertTrue(decision.authorizationId().matches("[0-9A-Z]{6}"), decision.authorizationId());
            assertEquals(17, decision.systemTraceAuditNumber());
            assertEquals("411111******1111", decision.maskedPan());
            assertTrue(decision.decisionTimeEpochMillis() > 0);
        }
    }

    @ParameterizedTest
    @CsvSource({"LOST, 41, CARD_LOST", "STOLEN, 43, CARD_STOLEN", "FRAUD, 59, CARD_FRAUD",
        "CLOSED, 62, CARD_CLOSED", "OTHER, 04, CARD_BLOCKED_OTHER"})
    void declinesBlockedCardWithTheCodeOfItsBlockReason(final BlockReason blockReason, final String responseCode,
        final DecisionReason reason) {
        final InMemoryBlocklist blocklist = new InMemoryBlocklist().block(BLOCKED_CARD, blockReason);
        try (AuthorizationEngine engine = TestEngines.launch(blocklist, settings -> settings)) {
            final Decision decision = engine.authorize(BLOCKED_CARD, TestEngines.request(1));

            assertFalse(decision.approved());
            assertEquals(responseCode, decision.responseCodeText());
            assertEquals(reason, decision.reason());
            assertEquals(BlocklistCheck.RULE_ID, decision.ruleId());
            assertEquals("blocklist", decision.ruleName());
            assertNull(decision.authorizationId());
        }
    }

    @Test
    void declinesStolenCardWith43ButApprovesTheCleanCardBesideIt() {
        final InMemoryBlocklist blocklist = new InMemoryBlocklist().block(BLOCKED_CARD, BlockReason.STOLEN);
        try (AuthorizationEngine engine = TestEngines.launch(blocklist, settings -> settings)) {
            assertEquals(43, engine.authorize(BLOCKED_CARD, TestEngines.request(1)).responseCode());
            assertEquals(0, engine.authorize(CLEAN_CARD, TestEngines.request(2)).responseCode());
            assertEquals(1, engine.counters().value(DecisionCounter.APPROVALS));
            assertEquals(1, engine.counters().value(DecisionCounter.DECLINES));
        }
    }

    @Test
    void declinesMalformedCardNumberWith14() {
        try (AuthorizationEngine engine = TestEngines.launch(new InMemoryBlocklist(), settings -> settings)) {
            final Decision decision = engine.authorize("4111-1111", TestEngines.request(3));

            assertEquals("14", decision.responseCodeText());
            assertEquals(DecisionReason.INVALID_CARD_NUMBER, decision.reason());
            assertEquals(CardNumberCheck.RULE_ID, decision.ruleId());
            assertEquals("", decision.maskedPan());
        }
    }

    @Test
    void answers96WhenTheLookupFailsCountsItLogsItOnceAndGoesOn() {
        final BlocklistLookup corruptForOneCard = (high, low, now) -> {
            if (low == 5555555555554444L) {
                throw new IllegalStateException("corrupt blocklist entry");
            }
            return null;
        };
        try (AuthorizationEngine engine = TestEngines.launch(corruptForOneCard, settings -> settings)) {
            for (int i = 0; i < 3; i++) {
                final Decision failed = engine.authorize(BLOCKED_CARD, TestEngines.request(i));
                assertEquals("96", failed.responseCodeText());
                assertEquals(DecisionReason.SYSTEM_MALFUNCTION, failed.reason());
                assertEquals(EngineRules.STAGE_FAILURE, failed.ruleId());
            }
            assertTrue(engine.authorize(CLEAN_CARD, TestEngines.request(4)).approved());

            assertEquals(3, engine.counters().value(PipelineCounter.STAGE_FAILURES));
            assertEquals(1, engine.distinctFailures().size());
            final String failure = engine.distinctFailures().keySet().iterator().next();
            assertTrue(failure.contains("corrupt blocklist entry"), failure);
            assertEquals(3L, engine.distinctFailures().get(failure));
        }
    }

    @Test
    void zeroAllocationPathHandsTheDecidedEventToTheListenerWithItsCorrelation() throws InterruptedException {
        final BlockingQueue<String> answers = new ArrayBlockingQueue<>(4);
        final Object connection = new Object();
        final InMemoryBlocklist blocklist = new InMemoryBlocklist().block(BLOCKED_CARD, BlockReason.LOST);
        try (AuthorizationEngine engine = TestEngines.launch(blocklist, settings -> settings)) {
            final CardToken token = new CardToken();
            new TestTokenizer().tokenize(BLOCKED_CARD, token);
            final long sequence = engine.tryClaim();
            assertTrue(sequence >= 0);
            TestEngines.fill(engine.claimedEvent(sequence), 4242)
                .terminalId("TERM0002")
                .cardToken(token)
                .maskedPan(16, 555555, 4444)
                .listener(event -> answers.add(event.correlationId() + " " + (event.attachment() == connection)
                    + " " + event.responseCode() + " " + event.reason() + " " + event.systemTraceAuditNumber()))
                .correlationId(77)
                .attachment(connection);
            engine.publish(sequence);

            assertEquals("77 true 41 CARD_LOST 4242", answers.poll(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void tryClaimReportsAFullRingInsteadOfWaiting() throws Exception {
        final CountDownLatch replyThreadHeld = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger answered = new AtomicInteger();
        try (AuthorizationEngine engine = TestEngines.launch(new InMemoryBlocklist(), settings -> settings.ringSize(16))) {
            int accepted = 0;
            long sequence;
            while ((sequence = engine.tryClaim()) >= 0) {
                final boolean first = accepted == 0;
                engine.claimedEvent(sequence).listener(event -> {
                    if (first) {
                        replyThreadHeld.countDown();
                        awaitQuietly(release);
                    }
                    answered.incrementAndGet();
                });
                engine.publish(sequence);
                accepted++;
                assertTrue(accepted <= 16, "accepted more than the ring holds");
            }

            assertEquals(AuthorizationEngine.RING_FULL, sequence);
            assertEquals(16, accepted);
            assertEquals(1, engine.counters().value(PipelineCounter.REFUSED_RING_FULL));
            final Decision overloaded = engine.authorizeAsync(CLEAN_CARD, TestEngines.request(9)).getNow(null);
            assertEquals(DecisionReason.SYSTEM_OVERLOADED, overloaded.reason());
            assertEquals("91", overloaded.responseCodeText());

            assertTrue(replyThreadHeld.await(5, TimeUnit.SECONDS));
            release.countDown();
            assertTrue(engine.authorize(CLEAN_CARD, TestEngines.request(10)).approved());
            assertEquals(16, answered.get());
        }
    }

    @Test
    void closeAnswersEverythingAcceptedAndRefusesWhatComesAfter() throws Exception {
        final CountDownLatch release = new CountDownLatch(1);
        final CountingResource store = new CountingResource();
        final AuthorizationEngine engine = TestEngines.launch(new InMemoryBlocklist(), settings -> settings, store);
        final CompletableFuture<Decision> held = new CompletableFuture<>();
        final long first = engine.tryClaim();
        engine.claimedEvent(first).listener(event -> {
            awaitQuietly(release);
            held.complete(null);
        });
        engine.publish(first);
        final CompletableFuture<Decision> queued = engine.authorizeAsync(CLEAN_CARD, TestEngines.request(2));

        final CompletableFuture<Void> closing = CompletableFuture.runAsync(engine::close);
        while (!engine.isClosed()) {
            Thread.onSpinWait();
        }
        assertEquals(AuthorizationEngine.CLOSED, engine.tryClaim());
        assertEquals(DecisionReason.SHUTTING_DOWN, engine.authorize(CLEAN_CARD, TestEngines.request(3)).reason());
        assertEquals(DecisionReason.SHUTTING_DOWN,
            engine.authorizeAsync(CLEAN_CARD, TestEngines.request(4)).getNow(null).reason());
        assertFalse(closing.isDone());
        assertEquals(0, store.closes.get(), "files closed before the drain");

        release.countDown();
        closing.get(10, TimeUnit.SECONDS);
        assertTrue(held.isDone());
        assertTrue(queued.getNow(null).approved());
        assertEquals(1, store.closes.get());
        assertEquals(0, engine.inFlight());
        assertTrue(engine.counters().value(PipelineCounter.REFUSED_SHUTTING_DOWN) >= 3);
    }

    @Test
    void closeIsIdempotentAndStopsThePipelineThreads() {
        final CountingResource store = new CountingResource();
        final AuthorizationEngine engine = TestEngines.launch(new InMemoryBlocklist(),
            settings -> settings.engineName("idempotent"), store);
        engine.authorize(CLEAN_CARD, TestEngines.request(1));
        engine.close();
        engine.close();

        assertEquals(1, store.closes.get());
        assertEquals(AuthorizationEngine.CLOSED, engine.tryClaim());
        Thread.getAllStackTraces().keySet().forEach(thread ->
            assertFalse(thread.getName().startsWith("cardgate-idempotent-") && thread.isAlive(), thread.getName()));
    }

    @Test
    void twoEnginesInOneJvmShareNothing() {
        final InMemoryBlocklist blocksTheCard = new InMemoryBlocklist().block(BLOCKED_CARD, BlockReason.FRAUD);
        try (AuthorizationEngine first = TestEngines.launch(blocksTheCard, settings -> settings.engineName("first"));
            AuthorizationEngine second = TestEngines.launch(new InMemoryBlocklist(),
                settings -> settings.engineName("second"))) {
            assertEquals(59, first.authorize(BLOCKED_CARD, TestEngines.request(1)).responseCode());
            assertEquals(0, second.authorize(BLOCKED_CARD, TestEngines.request(1)).responseCode());
            first.close();
            assertTrue(second.authorize(CLEAN_CARD, TestEngines.request(2)).approved());
            assertEquals(2, second.counters().value(DecisionCounter.APPROVALS));
        }
    }

    @Test
    void aListenerThatThrowsIsCountedAndTheNextRequestIsStillAnswered() {
        try (AuthorizationEngine engine = TestEngines.launch(new InMemoryBlocklist(), settings -> settings)) {
            final long sequence = engine.tryClaim();
            engine.claimedEvent(sequence).listener(event -> {
                throw new IllegalStateException("listener bug");
            });
            engine.publish(sequence);

            assertTrue(engine.authorize(CLEAN_CARD, TestEngines.request(5)).approved());
            assertEquals(1, engine.counters().value(PipelineCounter.LISTENER_FAILURES));
            while (engine.inFlight() > 0) {
                Thread.onSpinWait(); // the slots are freed just after the last listener returns
            }
            assertEquals(0, engine.inFlight());
        }
    }

    @Test
    void approvalsOfOneRunGetDistinctAuthorizationIds() {
        try (AuthorizationEngine engine = TestEngines.launch(new InMemoryBlocklist(), settings -> settings)) {
            final String first = engine.authorize(CLEAN_CARD, TestEngines.request(1)).authorizationId();
            final String second = engine.authorize(CLEAN_CARD, TestEngines.request(2)).authorizationId();
            assertNotEquals(first, second);
        }
    }

    private static void awaitQuietly(final CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (final InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stands in for the blocklist store: counts how often the engine closes it. */
    private static final class CountingResource implements AutoCloseable {
        private final AtomicInteger closes = new AtomicInteger();

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }
}
