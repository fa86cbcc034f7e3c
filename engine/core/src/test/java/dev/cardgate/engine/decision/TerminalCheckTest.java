package dev.cardgate.engine.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionReason;
import dev.cardgate.engine.rules.ActiveRules;
import dev.cardgate.engine.rules.RequestFacts;
import dev.cardgate.engine.rules.RulesParser;
import dev.cardgate.engine.terminal.InMemoryTerminals;
import dev.cardgate.engine.terminal.TerminalRecord;
import dev.cardgate.engine.terminal.TerminalStatus;

/** TerminalCheck on its own, over a plain map of terminals (no Chronicle Map): each objection in its order. */
class TerminalCheckTest {
    private static final long NOW = 1_800_000_000_000L;
    private static final long INTERVAL = 60_000;

    private final InMemoryTerminals terminals = new InMemoryTerminals();
    private final RequestFacts facts = new RequestFacts();
    private final ActiveRules rules = new ActiveRules(RulesParser.parse("test rules",
        List.of("minimum-software A920 2.4.0")));

    @Test
    void aRequestWithoutField41IsAFormatError() {
        final TerminalCheck check = check(true);
        assertEquals(DecisionReason.FORMAT_ERROR, check.evaluate(new AuthorizationEvent(), NOW));
        assertEquals(TerminalCheck.FIELD_41_RULE_ID, check.firedRuleId());
        assertEquals("terminal-id-missing", check.nameOf(check.firedRuleId()));
    }

    @Test
    void anUnregisteredTerminalIsRefused58OrLetThroughAsConfigured() {
        assertEquals(DecisionReason.TERMINAL_UNKNOWN, check(true).evaluate(request("TERM0009"), NOW));
        assertNull(check(false).evaluate(request("TERM0009"), NOW));
        assertEquals(5411, facts.merchantCategoryCode, "an unregistered terminal is judged on the request's MCC");
    }

    @Test
    void disabledSuspendedAndFaultyTerminalsAreRefusedTheFaultyOneWithTheConfiguredCode() {
        terminals.add(terminal("TERM0001", TerminalStatus.DISABLED, "2.5.0", false))
            .add(terminal("TERM0002", TerminalStatus.SUSPENDED, "2.5.0", false))
            .add(terminal("TERM0003", TerminalStatus.FAULTY, "2.5.0", false));
        final TerminalCheck check = check(true);
        assertEquals(DecisionReason.TERMINAL_DISABLED, check.evaluate(request("TERM0001"), NOW));
        assertEquals(DecisionReason.TERMINAL_SUSPENDED, check.evaluate(request("TERM0002"), NOW));
        assertEquals(DecisionReason.TERMINAL_FAULTY, check.evaluate(request("TERM0003"), NOW));
        assertEquals(TerminalCheck.FAULTY_RULE_ID, check.firedRuleId());
        assertEquals(96, check.firedResponseCode(DecisionReason.TERMINAL_FAULTY));
    }

    @Test
    void softwareOlderThanTheRulesMinimumForItsModelIsRefused() {
        terminals.add(terminal("TERM0001", TerminalStatus.ACTIVE, "2.3.9", false))
            .add(terminal("TERM0002", TerminalStatus.ACTIVE, "2.4.0", false));
        final TerminalCheck check = check(true);
        assertEquals(DecisionReason.TERMINAL_SOFTWARE_OUTDATED, check.evaluate(request("TERM0001"), NOW));
        assertNull(check.evaluate(request("TERM0002"), NOW));
        assertEquals(276, facts.countryCode, "a registered terminal is judged on its registered country");
    }

    @Test
    void anotherMerchantThanTheRegisteredOneIs03() {
        terminals.add(terminal("TERM0001", TerminalStatus.ACTIVE, "2.5.0", false));
        final AuthorizationEvent request = request("TERM0001").merchantId("MERCHANT0000002");
        assertEquals(DecisionReason.MERCHANT_MISMATCH, check(true).evaluate(request, NOW));
    }

    @Test
    void aTerminalThatMustSignOnIsRefusedUntilItDoes() {
        terminals.add(terminal("TERM0001", TerminalStatus.ACTIVE, "2.5.0", true));
        final TerminalCheck check = check(true);
        assertEquals(DecisionReason.TERMINAL_NOT_SIGNED_ON, check.evaluate(request("TERM0001"), NOW));

        final AuthorizationEvent signOn = request("TERM0001").messageTypeIndicator(800)
            .networkManagementCode(TerminalCheck.SIGN_ON_CODE);
        check.decideNetworkManagement(signOn, NOW);
        assertEquals(DecisionReason.NETWORK_MANAGEMENT_ACCEPTED, signOn.reason());
        assertTrue(terminals.terminal("TERM0001").signedOn());
        assertNull(check.evaluate(request("TERM0001"), NOW + 1));
    }

    @Test
    void withSignOnRequiredOfEveryTerminalEvenOneWhoseEntryDoesNotAskMustSignOn() {
        terminals.add(terminal("TERM0001", TerminalStatus.ACTIVE, "2.5.0", false));
        assertNull(check(true).evaluate(request("TERM0001"), NOW));
        assertEquals(DecisionReason.TERMINAL_NOT_SIGNED_ON,
            check(true).signOnRequiredOfEveryTerminal(true).evaluate(request("TERM0001"), NOW));
    }

    @Test
    void theLastHeardTimeIsWrittenAtMostOncePerInterval() {
        terminals.add(terminal("TERM0001", TerminalStatus.ACTIVE, "2.5.0", false));
        final TerminalCheck check = check(true);
        check.evaluate(request("TERM0001"), NOW);
        check.evaluate(request("TERM0001"), NOW + INTERVAL - 1);
        assertEquals(1, terminals.lastHeardWrites());
        check.evaluate(request("TERM0001"), NOW + INTERVAL);
        assertEquals(2, terminals.lastHeardWrites());
        assertEquals(NOW + INTERVAL, terminals.terminal("TERM0001").lastHeardEpochMillis());
    }

    @Test
    void networkManagementFromADisabledOrUnknownTerminalIsRefusedAsConfigured() {
        terminals.add(terminal("TERM0001", TerminalStatus.DISABLED, "2.5.0", false));
        final AuthorizationEvent fromDisabled = request("TERM0001").messageTypeIndicator(800).networkManagementCode(301);
        check(true).decideNetworkManagement(fromDisabled, NOW);
        assertEquals(DecisionReason.TERMINAL_DISABLED, fromDisabled.reason());
        final AuthorizationEvent fromUnknown = request("TERM0009").messageTypeIndicator(800).networkManagementCode(301);
        check(true).decideNetworkManagement(fromUnknown, NOW);
        assertEquals(DecisionReason.TERMINAL_UNKNOWN, fromUnknown.reason());
        final AuthorizationEvent allowed = request("TERM0009").messageTypeIndicator(800).networkManagementCode(301);
        check(false).decideNetworkManagement(allowed, NOW);
        assertEquals(DecisionReason.NETWORK_MANAGEMENT_ACCEPTED, allowed.reason());
    }

    private TerminalCheck check(final boolean refuseUnknown) {
        return new TerminalCheck(terminals, rules, facts, refuseUnknown, 96, INTERVAL);
    }

    private static AuthorizationEvent request(final String terminalId) {
        return new AuthorizationEvent().messageTypeIndicator(100).terminalId(terminalId).merchantId("MERCHANT0000001")
            .merchantCategoryCode(5411).countryCode(250).fieldPresent(41).fieldPresent(42);
    }

    private static TerminalRecord terminal(final String terminalId, final TerminalStatus status,
        final String softwareVersion, final boolean signOnRequired) {
        return new TerminalRecord(terminalId, "MERCHANT0000001", 5999, 276, "EU", "shops", status, "A920",
            softwareVersion, signOnRequired, false, 0);
    }
}
