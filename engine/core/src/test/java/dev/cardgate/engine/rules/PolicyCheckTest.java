package dev.cardgate.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cardgate.engine.counters.CounterRegistry;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionReason;
import dev.cardgate.engine.terminal.AsciiCodes;

/** PolicyCheck on its own, on facts set by hand: first match decides, allow ends the stage, dry-run only notes. */
class PolicyCheckTest {
    private static final RuleSet RULES = RulesParser.parse("test rules", List.of(
        "policy 401 trusted-merchant", "  allow", "  merchants MERCHANT0000001", "end",
        "policy 402 no-gambling", "  decline 57", "  merchant-categories 7995", "end",
        "policy 403 no-fallback", "  decline 62", "  entry-modes 80", "end",
        "policy 406 trial-bin", "  decline 62", "  cards 499999", "  dry-run", "end"));

    private final RequestFacts facts = new RequestFacts();
    private final CounterRegistry counters = CounterRegistry.inMemory();
    private final PolicyCheck check = new PolicyCheck(new ActiveRules(RULES), facts, counters);

    @Test
    void theFirstMatchingDeclineRuleDeclinesWithItsCode() {
        shop("MERCHANT0000002", 7995, 5, 424242);
        assertEquals(DecisionReason.POLICY_DECLINED, check.evaluate(new AuthorizationEvent(), 0));
        assertEquals(402, check.firedRuleId());
        assertEquals(57, check.firedResponseCode(DecisionReason.POLICY_DECLINED));
        assertEquals("policy.no-gambling", check.nameOf(402));
    }

    @Test
    void anAllowRuleEndsThePolicyStageBeforeLaterDeclines() {
        shop("MERCHANT0000001", 7995, 80, 424242);
        assertNull(check.evaluate(new AuthorizationEvent(), 0));
    }

    @Test
    void aRequestNoRuleMatchesPasses() {
        shop("MERCHANT0000002", 5411, 5, 424242);
        assertNull(check.evaluate(new AuthorizationEvent(), 0));
    }

    @Test
    void aDryRunRuleIsNotedAndCountedButDoesNotDecline() {
        shop("MERCHANT0000002", 5411, 5, 499999);
        final AuthorizationEvent request = new AuthorizationEvent();
        assertNull(check.evaluate(request, 0));
        assertEquals(406, request.dryRunRuleId());
        assertEquals(1, counters.value(RulesCounter.DRY_RUN_DECLINES));
    }

    private void shop(final String merchantId, final int merchantCategoryCode, final int panEntryMode, final int bin) {
        facts.merchantHigh = AsciiCodes.merchantHigh(merchantId);
        facts.merchantLow = AsciiCodes.merchantLow(merchantId);
        facts.merchantCategoryCode = merchantCategoryCode;
        facts.panEntryMode = panEntryMode;
        facts.bin = bin;
    }
}
