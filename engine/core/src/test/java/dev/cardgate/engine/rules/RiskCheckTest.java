package dev.cardgate.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cardgate.engine.counters.CounterRegistry;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionReason;
import dev.cardgate.engine.terminal.AsciiCodes;
import dev.cardgate.engine.terminal.InMemoryTerminals;
import dev.cardgate.engine.terminal.TerminalRecord;
import dev.cardgate.engine.terminal.TerminalStatus;

/**
 * RiskCheck on its own, over a RiskState fed decided events and a plain map of terminals: amount
 * limits, velocity per card, card testing at a terminal (which suspends it), impossible travel.
 */
class RiskCheckTest {
    private static final long NOW = 1_800_000_000_000L;
    private static final RuleSet RULES = RulesParser.parse("test rules", List.of(
        "limit 501 single-amount-cap", "  max-amount 500000", "end",
        "velocity 511 three-per-minute", "  window 1m", "  max-count 3", "end",
        "card-testing 521 many-cards", "  window 2m", "  max-distinct-cards 3", "  suspend-terminal", "end",
        "impossible-travel 531 two-countries", "  window 2h", "end"));

    private final RequestFacts facts = new RequestFacts();
    private final RiskState state = new RiskState(1_000, 100, 1_000, RULES, facts, event -> 276);
    private final InMemoryTerminals terminals = new InMemoryTerminals().add(new TerminalRecord("TERM0001",
        "MERCHANT0000001", 5411, 276, "EU", "shops", TerminalStatus.ACTIVE, "A920", "2.5.0", false, false, 0));
    private final RiskCheck check = new RiskCheck(new ActiveRules(RULES), facts, state, terminals,
        CounterRegistry.inMemory());

    @Test
    void anAmountOverTheLimitIsDeclined() {
        atTerminal(276);
        assertEquals(DecisionReason.AMOUNT_LIMIT, check.evaluate(request(1, 1, 500_001), NOW));
        assertEquals(501, check.firedRuleId());
        assertNull(check.evaluate(request(2, 1, 500_000), NOW));
    }

    @Test
    void theFourthApprovalOfACardWithinAMinuteIsDeclined() {
        atTerminal(276);
        for (int stan = 1; stan <= 3; stan++) {
            assertNull(check.evaluate(request(stan, 1, 100), NOW + stan));
            state.onDecided(approved(request(stan, 1, 100), NOW + stan));
        }
        assertEquals(DecisionReason.VELOCITY_COUNT, check.evaluate(request(4, 1, 100), NOW + 10));
        assertEquals(511, check.firedRuleId());
        assertNull(check.evaluate(request(5, 2, 100), NOW + 10), "another card has its own count");
    }

    @Test
    void manyCardsAtOneTerminalAreCardTestingAndSuspendTheTerminal() {
        atTerminal(276);
        for (int card = 1; card <= 3; card++) {
            state.onDecided(approved(request(card, card, 100), NOW + card));
        }
        assertEquals(DecisionReason.CARD_TESTING, check.evaluate(request(4, 4, 100), NOW + 10));
        assertEquals(TerminalStatus.SUSPENDED, terminals.terminal("TERM0001").status());
    }

    @Test
    void aCardApprovedInAnotherCountryWithinTheWindowIsImpossibleTravel() {
        atTerminal(276);
        state.onDecided(approved(request(1, 1, 100), NOW));
        atTerminal(840);
        assertEquals(DecisionReason.IMPOSSIBLE_TRAVEL, check.evaluate(request(2, 1, 100), NOW + 60_000));
        assertEquals(531, check.firedRuleId());
        assertNull(check.evaluate(request(3, 1, 100), NOW + 3 * 3_600_000L), "after the window");
    }

    private void atTerminal(final int countryCode) {
        facts.terminalKey = AsciiCodes.pack("TERM0001");
        facts.terminalRegistered = true;
        facts.countryCode = countryCode;
        facts.resolvedFor = null;
    }

    private static AuthorizationEvent approved(final AuthorizationEvent request, final long at) {
        request.approve(request.systemTraceAuditNumber(), at);
        return request;
    }

    private static AuthorizationEvent request(final int stan, final long tokenLow, final long amount) {
        return new AuthorizationEvent().messageTypeIndicator(100).systemTraceAuditNumber(stan)
            .transmissionDateTime(1125143000L + stan).terminalId("TERM0001").cardToken(1, tokenLow).amountMinor(amount);
    }
}
