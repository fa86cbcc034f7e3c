package dev.cardgate.engine.decision;

import dev.cardgate.engine.check.DecisionStage;
import dev.cardgate.engine.rules.EngineRules;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionReason;

/**
 * Declines with 14 a request whose PAN the producer could not tokenize (not 12 to 19 digits):
 * such a card cannot be looked up, so no later check can vouch for it; and, as its own rule, a
 * PAN whose Luhn check digit is wrong (the producer computes that from the clear PAN, which never
 * enters the ring). Stateless apart from which of its two rules fired last.
 */
public final class CardNumberCheck extends SingleRuleCheck {
    /** Rule id of this check: the PAN is not 12 to 19 digits. */
    public static final int RULE_ID = EngineRules.CARD_DATA_BASE + 1;
    /** The PAN's Luhn check digit is wrong. */
    public static final int LUHN_RULE_ID = EngineRules.CARD_DATA_BASE + 2;

    private int fired = RULE_ID;

    public CardNumberCheck() {
        super(DecisionStage.CARD_DATA, RULE_ID, "card-number-format");
    }

    @Override
    public String nameOf(final int ruleId) {
        if (ruleId == LUHN_RULE_ID) {
            return "card-number-luhn";
        }
        return ruleId == RULE_ID ? ruleName() : null;
    }

    @Override
    public int firedRuleId() {
        return fired;
    }

    @Override
    public DecisionReason evaluate(final AuthorizationEvent request, final long nowEpochMillis) {
        if (!request.cardTokenPresent()) {
            fired = RULE_ID;
            return DecisionReason.INVALID_CARD_NUMBER;
        }
        if (!request.panLuhnValid()) {
            fired = LUHN_RULE_ID;
            return DecisionReason.CARD_LUHN_INVALID;
        }
        return null;
    }
}
