package dev.cardgate.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionReason;

/** RiskState on its own: what it learns from decided events (velocity, duplicates) and what a reversal gives back. */
class RiskStateTest {
    private static final long NOW = 1_800_000_000_000L;
    private static final RuleSet RULES = RulesParser.parse("test rules", List.of(
        "velocity 511 three-per-minute", "  window 1m", "  max-count 3", "end"));

    private final RiskState risk = new RiskState(1_000, 100, 1_000, RULES, new RequestFacts(), event -> 276);

    @Test
    void countsApprovalsPerCardWithinTheWindowOnly() {
        risk.onDecided(approved(1, 1, 500, NOW));
        risk.onDecided(approved(2, 1, 700, NOW + 10_000));
        risk.onDecided(approved(3, 2, 900, NOW + 20_000));
        assertEquals(2, risk.velocityCount(0, 1, 1, NOW + 30_000));
        assertEquals(1_200, risk.velocityAmount(0, 1, 1, NOW + 30_000));
        assertEquals(1, risk.velocityCount(0, 1, 2, NOW + 30_000), "another card counts apart");
        assertEquals(0, risk.velocityCount(0, 1, 1, NOW + 120_000), "outside the one-minute window");
    }

    @Test
    void aDeclineIsNotCounted() {
        final AuthorizationEvent declined = request(1, 1, 500);
        declined.decline(DecisionReason.CARD_STOLEN, 301, NOW);
        risk.onDecided(declined);
        assertEquals(0, risk.velocityCount(0, 1, 1, NOW));
    }

    @Test
    void aRepeatedRequestGetsTheFirstDecision() {
        final AuthorizationEvent first = approved(7, 1, 500, NOW);
        risk.onDecided(first);
        final AuthorizationEvent repeat = request(7, 1, 500);
        assertTrue(risk.repeatIfDuplicate(repeat, NOW + 1_000));
        assertEquals(DecisionReason.APPROVED, repeat.reason());
        assertEquals(first.authorizationId(), repeat.authorizationId());
        assertFalse(risk.repeatIfDuplicate(request(8, 1, 500), NOW + 1_000), "another STAN is a new request");
    }

    @Test
    void aReversalGivesBackWhatItsOriginalConsumed() {
        risk.onDecided(approved(1, 1, 500, NOW));
        risk.onDecided(approved(2, 1, 700, NOW + 1_000));
        final AuthorizationEvent reversal = request(9, 1, 700).messageTypeIndicator(400)
            .originalDataElements(100, 2, 1125143000L);
        reversal.acknowledge(DecisionReason.REVERSAL_ACCEPTED, NOW + 2_000);
        risk.onDecided(reversal);
        assertEquals(1, risk.velocityCount(0, 1, 1, NOW + 3_000));
        assertEquals(500, risk.velocityAmount(0, 1, 1, NOW + 3_000));
        risk.onDecided(reversal);
        assertEquals(1, risk.velocityCount(0, 1, 1, NOW + 3_000), "a repeated reversal gives back nothing more");
    }

    @Test
    void rulesReinstalledWithTheSameVelocityRuleKeepItsCounters() {
        risk.onDecided(approved(1, 1, 500, NOW));
        final RuleSet same = RulesParser.parse("reloaded", List.of(
            "velocity 511 three-per-minute", "  window 1m", "  max-count 3", "end"));
        risk.install(same, risk.prepareLanes(same));
        assertEquals(1, risk.velocityCount(0, 1, 1, NOW + 1_000));
        final RuleSet longer = RulesParser.parse("reloaded", List.of(
            "velocity 511 three-per-hour", "  window 1h", "  max-count 3", "end"));
        risk.install(longer, risk.prepareLanes(longer));
        assertEquals(0, risk.velocityCount(0, 1, 1, NOW + 1_000), "another window starts from zero");
    }

    private static AuthorizationEvent approved(final int stan, final long tokenLow, final long amount, final long at) {
        final AuthorizationEvent event = request(stan, tokenLow, amount);
        event.approve(stan * 1_000L, at);
        return event;
    }

    private static AuthorizationEvent request(final int stan, final long tokenLow, final long amount) {
        return new AuthorizationEvent().messageTypeIndicator(100).systemTraceAuditNumber(stan)
            .transmissionDateTime(1125143000L).terminalId("TERM0001").cardToken(1, tokenLow).amountMinor(amount);
    }
}
