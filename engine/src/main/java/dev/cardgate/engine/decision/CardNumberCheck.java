package dev.cardgate.engine.decision;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionReason;

/**
 * Declines with 14 a request whose PAN the producer could not tokenize (not 12 to 19 digits):
 * such a card cannot be looked up, so no later check can vouch for it. Stateless.
 */
public final class CardNumberCheck implements DecisionCheck {
    /** Rule id of this check. */
    public static final int RULE_ID = EngineRules.CARD_DATA_BASE + 1;

    @Override
    public DecisionStage stage() {
        return DecisionStage.CARD_DATA;
    }

    @Override
    public int ruleId() {
        return RULE_ID;
    }

    @Override
    public String ruleName() {
        return "card-number-format";
    }

    @Override
    public DecisionReason evaluate(final AuthorizationEvent request, final long nowEpochMillis) {
        return request.cardTokenPresent() ? null : DecisionReason.INVALID_CARD_NUMBER;
    }
}
