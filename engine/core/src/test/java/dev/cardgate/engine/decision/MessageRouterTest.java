package dev.cardgate.engine.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cardgate.engine.counters.CounterRegistry;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionReason;
import dev.cardgate.engine.rules.ActiveRules;
import dev.cardgate.engine.rules.RequestFacts;
import dev.cardgate.engine.rules.RiskState;
import dev.cardgate.engine.rules.RuleSet;
import dev.cardgate.engine.rules.RulesCounter;
import dev.cardgate.engine.rules.RulesParser;
import dev.cardgate.engine.terminal.InMemoryTerminals;

/** MessageRouter on its own: network management and reversals are decided before the chain, duplicates repeated, reloaded rules installed between events. */
class MessageRouterTest {
    private static final long NOW = 1_800_000_000_000L;

    private final RequestFacts facts = new RequestFacts();
    private final ActiveRules rules = new ActiveRules(RuleSet.defaults());
    private final RiskState risk = new RiskState(100, 10, 100, RuleSet.defaults(), facts, event -> 0);
    private final CounterRegistry counters = CounterRegistry.inMemory();
    private final MessageRouter router = new MessageRouter(rules, risk,
        new TerminalCheck(new InMemoryTerminals(), rules, facts, false, 91, 60_000), facts, counters);

    @Test
    void networkManagementIsDecidedByTheTerminalCheckAndCounted() {
        final AuthorizationEvent echo = new AuthorizationEvent().messageTypeIndicator(800).networkManagementCode(301)
            .terminalId("TERM0001").fieldPresent(41);
        assertTrue(router.decideBeforeChain(echo, NOW));
        assertEquals(DecisionReason.NETWORK_MANAGEMENT_ACCEPTED, echo.reason());
        assertEquals(1, counters.value(RulesCounter.NETWORK_MANAGEMENT));
    }

    @Test
    void aReversalIsAcknowledgedWith00() {
        final AuthorizationEvent reversal = new AuthorizationEvent().messageTypeIndicator(420).terminalId("TERM0001");
        assertTrue(router.decideBeforeChain(reversal, NOW));
        assertEquals(DecisionReason.REVERSAL_ACCEPTED, reversal.reason());
        assertEquals(0, reversal.responseCode());
    }

    @Test
    void aNewAuthorizationGoesThroughTheChainAndARepeatOfADecidedOneDoesNot() {
        final AuthorizationEvent first = authorization();
        assertFalse(router.decideBeforeChain(first, NOW), "a new request goes through the chain");
        first.decline(DecisionReason.CARD_STOLEN, 301, NOW);
        risk.onDecided(first);
        final AuthorizationEvent repeat = authorization();
        assertTrue(router.decideBeforeChain(repeat, NOW + 1));
        assertEquals(DecisionReason.CARD_STOLEN, repeat.reason());
    }

    @Test
    void offeredRulesAreInstalledBeforeTheNextEventAndCounted() {
        final RuleSet reloaded = RulesParser.parse("reloaded", List.of("accept-currencies 978"));
        rules.offer(reloaded, risk.prepareLanes(reloaded));
        router.decideBeforeChain(authorization(), NOW);
        assertEquals(reloaded, rules.current());
        assertEquals(1, counters.value(RulesCounter.RELOADS));
    }

    private static AuthorizationEvent authorization() {
        return new AuthorizationEvent().messageTypeIndicator(100).systemTraceAuditNumber(5)
            .transmissionDateTime(1125143000L).terminalId("TERM0001").cardToken(3, 4).amountMinor(100);
    }
}
