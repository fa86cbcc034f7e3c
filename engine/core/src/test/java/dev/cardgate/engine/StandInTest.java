package dev.cardgate.engine;

import static dev.cardgate.engine.UpstreamEngines.CLEAN_PAN;
import static dev.cardgate.engine.UpstreamEngines.await;
import static dev.cardgate.engine.UpstreamEngines.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.event.DecisionReason;
import dev.cardgate.engine.rules.EngineRules;
import dev.cardgate.engine.upstream.LinkState;
import dev.cardgate.engine.upstream.TestUpstreamLink;
import dev.cardgate.engine.upstream.UpstreamFlow;
import dev.cardgate.engine.upstream.UpstreamFlowCounter;

/** Stand-in: what the engine approves alone while the link is not up, and each limit that stops it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StandInTest {
    @TempDir
    Path dataDirectory;

    @Test
    void linkDownAtStartIsStandInFromTheFirstRequestAndItsAdviceIsSentWhenTheLinkComesUp() throws Exception {
        final TestUpstreamLink link = new TestUpstreamLink(LinkState.DOWN, 16);
        try (AuthorizationEngine engine = new UpstreamEngines(dataDirectory).launch(link, false,
            s -> s.standIn(saf -> saf.safRetryInterval(Duration.ofMillis(20))))) {
            final Decision decision = await(engine.authorizeAsync(CLEAN_PAN, purchase(1, 1_000)));
            assertTrue(decision.approved());
            assertTrue(decision.authorizationId().startsWith("S"), decision.authorizationId());
            assertTrue(UpstreamFlow.isStandInId(UpstreamFlowTest.idOf(decision)));
            assertEquals(0, link.forwardedWaiting());
            assertEquals(1, engine.counters().value(UpstreamFlowCounter.STAND_IN_APPROVALS));
            assertEquals(1, engine.counters().value(UpstreamFlowCounter.STAND_IN_ACTIVE));
            assertEquals(1_000, engine.counters().value(UpstreamFlowCounter.STAND_IN_EXPOSURE));
            link.state(LinkState.UP);
            final TestUpstreamLink.StoredSend advice = link.awaitStored();
            assertEquals(120, advice.messageType());
            assertEquals(1, advice.systemTraceAuditNumber());
            assertEquals(0, engine.counters().value(UpstreamFlowCounter.STAND_IN_ACTIVE));
        }
    }

    @Test
    void healthIsDegradedWhileTheLinkIsNotUp() throws Exception {
        final TestUpstreamLink link = new TestUpstreamLink(LinkState.CONNECTING, 4);
        try (AuthorizationEngine engine = new UpstreamEngines(dataDirectory).launch(link, false, s -> s)) {
            assertEquals(1, engine.healthDegradations().size());
            assertTrue(engine.healthDegradations().get(0).startsWith(AuthorizationEngine.DEGRADED + "the upstream link is "
                + "CONNECTING"), engine.healthDegradations().get(0));
            link.state(LinkState.UP);
            assertTrue(engine.healthDegradations().isEmpty());
        }
    }

    @Test
    void amountAboveTheFloorLimitIsDeclined91() throws Exception {
        assertStandInDecline(s -> s, new long[] {5_001}, EngineRules.STAND_IN_FLOOR_LIMIT,
            UpstreamFlowCounter.STAND_IN_FLOOR_LIMIT_EXCEEDED);
    }

    @Test
    void floorLimitOfTheMerchantCategoryWinsOverTheDefault() throws Exception {
        assertStandInDecline(s -> s.standIn(i -> i.floorLimits("5411:*=100, *:276=900")), new long[] {101},
            EngineRules.STAND_IN_FLOOR_LIMIT, UpstreamFlowCounter.STAND_IN_FLOOR_LIMIT_EXCEEDED);
    }

    @Test
    void cardCapReachedIsDeclined91() throws Exception {
        assertStandInDecline(s -> s.standIn(i -> i.cardCapMinor(3_000)), new long[] {2_000, 2_000},
            EngineRules.STAND_IN_CARD_CAP, UpstreamFlowCounter.STAND_IN_CARD_CAP_REACHED);
    }

    @Test
    void terminalCapReachedIsDeclined91() throws Exception {
        assertStandInDecline(s -> s.standIn(i -> i.terminalCapMinor(3_000)), new long[] {2_000, 2_000},
            EngineRules.STAND_IN_TERMINAL_CAP, UpstreamFlowCounter.STAND_IN_TERMINAL_CAP_REACHED);
    }

    @Test
    void merchantCapReachedIsDeclined91() throws Exception {
        assertStandInDecline(s -> s.standIn(i -> i.merchantCapMinor(3_000)), new long[] {2_000, 2_000},
            EngineRules.STAND_IN_MERCHANT_CAP, UpstreamFlowCounter.STAND_IN_MERCHANT_CAP_REACHED);
    }

    @Test
    void exposureBudgetReachedIsDeclined91() throws Exception {
        assertStandInDecline(s -> s.standIn(i -> i.exposureBudgetMinor(3_000)), new long[] {2_000, 2_000},
            EngineRules.STAND_IN_EXPOSURE_BUDGET, UpstreamFlowCounter.STAND_IN_BUDGET_REACHED);
    }

    @Test
    void standInSwitchedOffDeclines91() throws Exception {
        assertStandInDecline(s -> s.standIn(i -> i.enabled(false)), new long[] {100}, EngineRules.STAND_IN_DISABLED,
            UpstreamFlowCounter.STAND_IN_DECLINES);
    }

    @Test
    void capsStartAgainWhenTheWindowEnds() throws Exception {
        final UpstreamEngines engines = new UpstreamEngines(dataDirectory);
        try (AuthorizationEngine engine = engines.launch(new TestUpstreamLink(LinkState.DOWN, 4), false,
            s -> s.standIn(i -> i.cardCapMinor(3_000).window(Duration.ofHours(1))))) {
            assertTrue(await(engine.authorizeAsync(CLEAN_PAN, purchase(1, 2_000))).approved());
            assertEquals(91, await(engine.authorizeAsync(CLEAN_PAN, purchase(2, 2_000))).responseCode());
            engines.clock.addAndGet(Duration.ofHours(1).toMillis());
            assertTrue(await(engine.authorizeAsync(CLEAN_PAN, purchase(3, 2_000))).approved());
        }
    }

    @Test
    void replayOfTheJournalRebuildsTheExposure() throws Exception {
        final UpstreamEngines engines = new UpstreamEngines(dataDirectory);
        final java.util.function.UnaryOperator<dev.cardgate.engine.config.EngineConfiguration.Builder> capped =
            s -> s.standIn(i -> i.cardCapMinor(3_000));
        try (AuthorizationEngine engine = engines.launch(new TestUpstreamLink(LinkState.DOWN, 4), true, capped)) {
            assertTrue(await(engine.authorizeAsync(CLEAN_PAN, purchase(1, 2_000))).approved());
        }
        try (AuthorizationEngine engine = engines.launch(new TestUpstreamLink(LinkState.DOWN, 4), true, capped)) {
            assertEquals(2_000, engine.counters().value(UpstreamFlowCounter.STAND_IN_EXPOSURE));
            final Decision over = await(engine.authorizeAsync(CLEAN_PAN, purchase(2, 2_000)));
            assertEquals(91, over.responseCode());
            assertEquals(EngineRules.STAND_IN_CARD_CAP, over.ruleId());
            assertTrue(await(engine.authorizeAsync(CLEAN_PAN, purchase(3, 1_000))).approved());
        }
        assertTrue(Files.exists(dataDirectory.resolve("saf.dat")));
    }

    /** The last of {@code amounts} (each a request of the same card, terminal and merchant in stand-in) is declined. */
    private void assertStandInDecline(
        final java.util.function.UnaryOperator<dev.cardgate.engine.config.EngineConfiguration.Builder> settings,
        final long[] amounts, final int expectedRule, final UpstreamFlowCounter expectedCounter) throws Exception {
        final TestUpstreamLink link = new TestUpstreamLink(LinkState.CONNECTING, 4);
        try (AuthorizationEngine engine = new UpstreamEngines(dataDirectory).launch(link, false, settings)) {
            for (int i = 0; i < amounts.length - 1; i++) {
                assertTrue(await(engine.authorizeAsync(CLEAN_PAN, purchase(i + 1, amounts[i]))).approved());
            }
            final Decision declined = await(engine.authorizeAsync(CLEAN_PAN,
                purchase(amounts.length, amounts[amounts.length - 1])));
            assertEquals(91, declined.responseCode());
            assertEquals(DecisionReason.STAND_IN_LIMIT, declined.reason());
            assertEquals(expectedRule, declined.ruleId());
            assertEquals(1, engine.counters().value(expectedCounter));
            assertEquals(1, engine.counters().value(UpstreamFlowCounter.STAND_IN_DECLINES));
        }
    }
}
