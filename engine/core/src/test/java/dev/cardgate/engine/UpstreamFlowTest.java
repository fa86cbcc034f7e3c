package dev.cardgate.engine;

import static dev.cardgate.engine.UpstreamEngines.CLEAN_PAN;
import static dev.cardgate.engine.UpstreamEngines.STOLEN_PAN;
import static dev.cardgate.engine.UpstreamEngines.await;
import static dev.cardgate.engine.UpstreamEngines.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.AuthorizationIds;
import dev.cardgate.engine.event.DecisionReason;
import dev.cardgate.engine.rules.EngineRules;
import dev.cardgate.engine.upstream.LinkState;
import dev.cardgate.engine.upstream.TestUpstreamLink;
import dev.cardgate.engine.upstream.UpstreamFlowCounter;

/** The forwarded path: what the terminal gets for each fate of a forwarded request. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UpstreamFlowTest {
    @TempDir
    Path dataDirectory;

    private static final long NETWORK_ID = 1_234_567L;

    @Test
    void forwardedApprovalIsAnsweredWithTheNetworksAuthorizationId() throws Exception {
        final TestUpstreamLink link = new TestUpstreamLink(LinkState.UP, 16);
        try (AuthorizationEngine engine = new UpstreamEngines(dataDirectory).launch(link, false, s -> s)) {
            final CompletableFuture<Decision> answer = engine.authorizeAsync(CLEAN_PAN, purchase(1, 1_000));
            final AuthorizationEvent forwarded = link.awaitForwarded();
            assertFalse(answer.isDone(), "the terminal is not answered before the network");
            assertEquals(1, forwarded.systemTraceAuditNumber());
            link.answer(forwarded, 0, NETWORK_ID);
            final Decision decision = await(answer);
            assertTrue(decision.approved());
            assertEquals(AuthorizationIds.toString(NETWORK_ID), decision.authorizationId());
            assertEquals(1, engine.counters().value(UpstreamFlowCounter.FORWARDED));
            assertEquals(1, engine.counters().value(UpstreamFlowCounter.NETWORK_APPROVALS));
        }
    }

    @Test
    void networkDeclineIsPassedThroughWithItsCode() throws Exception {
        final TestUpstreamLink link = new TestUpstreamLink(LinkState.UP, 16);
        try (AuthorizationEngine engine = new UpstreamEngines(dataDirectory).launch(link, false, s -> s)) {
            final CompletableFuture<Decision> answer = engine.authorizeAsync(CLEAN_PAN, purchase(2, 1_000));
            link.answer(link.awaitForwarded(), 51, AuthorizationEvent.NO_AUTHORIZATION_ID);
            final Decision decision = await(answer);
            assertEquals(51, decision.responseCode());
            assertEquals(DecisionReason.NETWORK_DECLINED, decision.reason());
            assertEquals(EngineRules.NETWORK_DECLINE, decision.ruleId());
            assertNull(decision.authorizationId());
        }
    }

    @Test
    void localDeclineIsAnsweredAtOnceAndNeverForwarded() throws Exception {
        final TestUpstreamLink link = new TestUpstreamLink(LinkState.UP, 16);
        try (AuthorizationEngine engine = new UpstreamEngines(dataDirectory).launch(link, false, s -> s)) {
            final Decision decision = await(engine.authorizeAsync(STOLEN_PAN, purchase(3, 1_000)));
            assertEquals(43, decision.responseCode());
            assertEquals(0, link.forwardedWaiting());
            assertEquals(0, engine.counters().value(UpstreamFlowCounter.FORWARDED));
        }
    }

    @Test
    void timeoutIsAnswered91AndItsReversalIsSent() throws Exception {
        final TestUpstreamLink link = new TestUpstreamLink(LinkState.UP, 16);
        try (AuthorizationEngine engine = new UpstreamEngines(dataDirectory).launch(link, false,
            s -> s.standIn(saf -> saf.safRetryInterval(java.time.Duration.ofMillis(20))))) {
            final CompletableFuture<Decision> answer = engine.authorizeAsync(CLEAN_PAN, purchase(4, 1_000));
            link.timeOut(link.awaitForwarded());
            final Decision decision = await(answer);
            assertEquals(91, decision.responseCode());
            assertEquals(DecisionReason.UPSTREAM_NO_ANSWER, decision.reason());
            assertEquals(EngineRules.UPSTREAM_TIMEOUT, decision.ruleId());
            final TestUpstreamLink.StoredSend reversal = link.awaitStored();
            assertEquals(420, reversal.messageType());
            assertEquals(4, reversal.systemTraceAuditNumber());
            assertEquals(1, engine.counters().value(UpstreamFlowCounter.TIMEOUTS_ANSWERED));
        }
    }

    @Test
    void linkLostIsAnsweredAsATimeout() throws Exception {
        final TestUpstreamLink link = new TestUpstreamLink(LinkState.UP, 16);
        try (AuthorizationEngine engine = new UpstreamEngines(dataDirectory).launch(link, false, s -> s)) {
            final CompletableFuture<Decision> answer = engine.authorizeAsync(CLEAN_PAN, purchase(5, 1_000));
            link.lose(link.awaitForwarded());
            final Decision decision = await(answer);
            assertEquals(91, decision.responseCode());
            assertEquals(EngineRules.UPSTREAM_LINK_LOST, decision.ruleId());
        }
    }

    @Test
    void requestTheLinkDoesNotTakeIsAnsweredAsLinkLostAtOnce() throws Exception {
        final TestUpstreamLink link = new TestUpstreamLink(LinkState.UP, 0);
        try (AuthorizationEngine engine = new UpstreamEngines(dataDirectory).launch(link, false, s -> s)) {
            for (int stan = 10; stan < 600; stan++) {
                final Decision decision = await(engine.authorizeAsync(CLEAN_PAN, purchase(stan, 1_000)));
                assertEquals(91, decision.responseCode());
                assertEquals(EngineRules.UPSTREAM_LINK_LOST, decision.ruleId());
            }
            assertEquals(590, engine.counters().value(UpstreamFlowCounter.TIMEOUTS_ANSWERED));
        }
    }

    @Test
    void lateApprovalIsUndoneByTheTimeoutsOneReversalAndTheTerminalIsAnsweredOnce() throws Exception {
        final TestUpstreamLink link = new TestUpstreamLink(LinkState.UP, 16);
        try (AuthorizationEngine engine = new UpstreamEngines(dataDirectory).launch(link, false,
            s -> s.standIn(saf -> saf.safRetryInterval(java.time.Duration.ofMillis(20))))) {
            final java.util.concurrent.atomic.AtomicInteger answers = new java.util.concurrent.atomic.AtomicInteger();
            final CompletableFuture<Decision> answer = engine.authorizeAsync(CLEAN_PAN, purchase(6, 1_000));
            answer.thenRun(answers::incrementAndGet);
            final AuthorizationEvent forwarded = link.awaitForwarded();
            link.timeOut(forwarded);
            assertEquals(91, await(answer).responseCode());
            final TestUpstreamLink.StoredSend reversal = link.awaitStored();
            assertEquals(420, reversal.messageType());
            assertEquals(6, reversal.systemTraceAuditNumber());
            link.approveLate(forwarded, NETWORK_ID);
            final long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (engine.counters().value(UpstreamFlowCounter.LATE_APPROVALS_REVERSED) == 0
                && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(1, engine.counters().value(UpstreamFlowCounter.LATE_APPROVALS_REVERSED));
            assertNull(link.pollStored(300), "the timeout's reversal covers the late approval: no second 0420");
            assertEquals(1, engine.counters().value(UpstreamFlowCounter.REVERSALS_QUEUED));
            assertEquals(1, answers.get());
            assertEquals(0, engine.counters().value(UpstreamFlowCounter.NETWORK_APPROVALS));
        }
    }

    @Test
    void terminalReversalOfANetworkApprovalIsAcknowledgedAndQueuedUpstream() throws Exception {
        final TestUpstreamLink link = new TestUpstreamLink(LinkState.UP, 16);
        try (AuthorizationEngine engine = new UpstreamEngines(dataDirectory).launch(link, false,
            s -> s.standIn(saf -> saf.safRetryInterval(java.time.Duration.ofMillis(20))))) {
            final CompletableFuture<Decision> answer = engine.authorizeAsync(CLEAN_PAN, purchase(7, 1_000));
            link.answer(link.awaitForwarded(), 0, NETWORK_ID);
            assertTrue(await(answer).approved());
            final AuthorizationRequestData reversal = AuthorizationRequestData.builder().messageTypeIndicator(400)
                .systemTraceAuditNumber(8).terminalId("TERM0001").merchantId("MERCHANT0000001").amountMinor(1_000)
                .currencyCode(978).expiryYearMonth(4912).originalDataElements(100, 7, 1_204_040_007L).build();
            final Decision acknowledged = await(engine.authorizeAsync(CLEAN_PAN, reversal));
            assertEquals(0, acknowledged.responseCode());
            assertEquals(DecisionReason.REVERSAL_ACCEPTED, acknowledged.reason());
            final TestUpstreamLink.StoredSend queued = link.awaitStored();
            assertEquals(420, queued.messageType());
            assertEquals(8, queued.systemTraceAuditNumber());
        }
    }

    @Test
    void withoutALinkTheEngineAnswersAloneAsBefore() throws Exception {
        final TestUpstreamLink link = new TestUpstreamLink(LinkState.DISABLED, 16);
        try (AuthorizationEngine engine = new UpstreamEngines(dataDirectory).launch(link, false, s -> s)) {
            final Decision decision = await(engine.authorizeAsync(CLEAN_PAN, purchase(9, 1_000)));
            assertTrue(decision.approved());
            assertFalse(dev.cardgate.engine.upstream.UpstreamFlow.isStandInId(idOf(decision)));
            assertEquals(0, link.forwardedWaiting());
        }
    }

    @Test
    void velocityCountsOnlyApprovalsTheNetworkGave() throws Exception {
        final Path rules = dataDirectory.resolve("rules.conf");
        java.nio.file.Files.writeString(rules, "velocity 511 one-per-hour\n  window 1h\n  max-count 1\nend\n");
        final TestUpstreamLink link = new TestUpstreamLink(LinkState.UP, 16);
        try (AuthorizationEngine engine = new UpstreamEngines(dataDirectory).launch(link, false,
            s -> s.rulesFile(rules))) {
            final CompletableFuture<Decision> declinedUpstream = engine.authorizeAsync(CLEAN_PAN, purchase(20, 1_000));
            link.answer(link.awaitForwarded(), 5, AuthorizationEvent.NO_AUTHORIZATION_ID);
            assertEquals(5, await(declinedUpstream).responseCode());
            final CompletableFuture<Decision> pending = engine.authorizeAsync(CLEAN_PAN, purchase(21, 1_000));
            final AuthorizationEvent firstForwarded = link.awaitForwarded();
            final CompletableFuture<Decision> whilePending = engine.authorizeAsync(CLEAN_PAN, purchase(22, 1_000));
            final AuthorizationEvent secondForwarded = link.awaitForwarded();
            link.answer(firstForwarded, 0, NETWORK_ID);
            assertTrue(await(pending).approved());
            link.answer(secondForwarded, 51, AuthorizationEvent.NO_AUTHORIZATION_ID);
            assertEquals(51, await(whilePending).responseCode());
            final Decision overVelocity = await(engine.authorizeAsync(CLEAN_PAN, purchase(23, 1_000)));
            assertEquals(65, overVelocity.responseCode());
            assertEquals(0, link.forwardedWaiting());
        }
    }

    @Test
    void theJournalShowsHowEachAnswerCameAbout() throws Exception {
        final TestUpstreamLink link = new TestUpstreamLink(LinkState.UP, 16);
        try (AuthorizationEngine engine = new UpstreamEngines(dataDirectory).launch(link, true, s -> s)) {
            final CompletableFuture<Decision> answer = engine.authorizeAsync(CLEAN_PAN, purchase(30, 1_000));
            link.answer(link.awaitForwarded(), 0, NETWORK_ID);
            assertTrue(await(answer).approved());
            link.state(LinkState.DOWN);
            assertTrue(await(engine.authorizeAsync(CLEAN_PAN, purchase(31, 1_000))).approved());
        }
        final java.util.List<String> lines = new java.util.ArrayList<>();
        final java.util.List<String> json = new java.util.ArrayList<>();
        final dev.cardgate.engine.journal.JournalStatistics statistics =
            new dev.cardgate.engine.journal.JournalStatistics(86_400_000L);
        new dev.cardgate.engine.journal.JournalReader(dataDirectory.resolve("journal"), problem -> {
            throw new AssertionError(problem);
        }).read(dev.cardgate.engine.journal.JournalQuery.ALL, record -> {
            lines.add(dev.cardgate.engine.journal.RecordFormatter.outcomeName(record));
            json.add(dev.cardgate.engine.journal.RecordFormatter.json(record));
            statistics.add(record);
        });
        assertEquals(java.util.List.of("forwarded", "network", "stand-in-approval"), lines);
        assertTrue(json.get(1).contains("\"outcome\":\"network\"") && json.get(1).contains("\"upstreamStan\":900030")
            && json.get(1).contains("\"networkResponseCode\":0"), json.get(1));
        assertTrue(json.get(2).contains("\"storedMessages\":1") && json.get(2).contains("\"authorizationId\":\"S"),
            json.get(2));
        final java.util.Map<String, Long> counts = statistics.countsByInterval().values().iterator().next();
        assertEquals(1L, counts.get("outcome.stand-in-approval"));
        assertEquals(1L, counts.get("outcome.forwarded"));
    }

    static long idOf(final Decision decision) {
        return Long.parseLong(decision.authorizationId(), 36);
    }
}
