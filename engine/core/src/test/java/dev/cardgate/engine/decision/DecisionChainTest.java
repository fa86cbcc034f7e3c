package dev.cardgate.engine.decision;

import dev.cardgate.engine.check.DecisionStage;
import dev.cardgate.engine.check.DecisionCheck;
import dev.cardgate.engine.rules.EngineRules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionReason;

class DecisionChainTest {
    private final List<String> calls = new ArrayList<>();
    private final AuthorizationIdGenerator authorizationIds = new AuthorizationIdGenerator(new Random(5));

    @Test
    void runsChecksInStageOrderWhateverOrderTheyAreGivenIn() {
        final DecisionChain chain = new DecisionChain(List.of(
            check(DecisionStage.RISK, 501, null),
            check(DecisionStage.TERMINAL, 101, null),
            check(DecisionStage.BLOCKLIST, 301, null),
            check(DecisionStage.POLICY, 401, null),
            check(DecisionStage.CARD_DATA, 201, null)));

        final AuthorizationEvent event = new AuthorizationEvent();
        chain.decide(event, 1_000, authorizationIds);

        assertEquals(List.of("TERMINAL", "CARD_DATA", "BLOCKLIST", "POLICY", "RISK"), calls);
        assertTrue(event.approved());
        assertTrue(event.authorizationId() >= 0);
        assertEquals(1_000, event.decisionTimeEpochMillis());
    }

    @Test
    void theFirstObjectionDecidesAndLaterChecksDoNotRun() {
        final DecisionChain chain = new DecisionChain(List.of(
            check(DecisionStage.BLOCKLIST, 301, DecisionReason.CARD_STOLEN),
            check(DecisionStage.CARD_DATA, 201, DecisionReason.INVALID_CARD_NUMBER),
            check(DecisionStage.RISK, 501, null)));

        final AuthorizationEvent event = new AuthorizationEvent();
        chain.decide(event, 2_000, authorizationIds);

        assertEquals(List.of("CARD_DATA"), calls);
        assertEquals(DecisionReason.INVALID_CARD_NUMBER, event.reason());
        assertEquals(14, event.responseCode());
        assertEquals(201, event.ruleId());
        assertEquals(AuthorizationEvent.NO_AUTHORIZATION_ID, event.authorizationId());
        assertEquals("check-201", chain.ruleName(201));
    }

    @Test
    void refusesTwoChecksWithOneRuleId() {
        final IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () ->
            new DecisionChain(List.of(check(DecisionStage.POLICY, 401, null), check(DecisionStage.RISK, 401, null))));
        assertTrue(refused.getMessage().contains("share rule id 401"), refused.getMessage());
    }

    @Test
    void refusesTheRuleIdsTheEngineReserves() {
        assertThrows(IllegalArgumentException.class, () ->
            new DecisionChain(List.of(check(DecisionStage.POLICY, EngineRules.STAGE_FAILURE, null))));
        assertThrows(IllegalArgumentException.class, () ->
            new DecisionChain(List.of(check(DecisionStage.POLICY, EngineRules.NONE, null))));
    }

    private DecisionCheck check(final DecisionStage stage, final int ruleId, final DecisionReason objection) {
        return new DecisionCheck() {
            @Override
            public DecisionStage stage() {
                return stage;
            }

            @Override
            public int ruleId() {
                return ruleId;
            }

            @Override
            public String ruleName() {
                return "check-" + ruleId;
            }

            @Override
            public DecisionReason evaluate(final AuthorizationEvent request, final long nowEpochMillis) {
                calls.add(stage.name());
                return objection;
            }
        };
    }
}
