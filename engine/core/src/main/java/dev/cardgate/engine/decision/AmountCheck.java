package dev.cardgate.engine.decision;

import dev.cardgate.engine.check.DecisionStage;
import dev.cardgate.engine.rules.EngineRules;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionReason;

/**
 * Declines with 13 an amount (field 4) that is zero, negative or longer than the field's twelve
 * digits. Stateless; allocates nothing.
 */
public final class AmountCheck extends SingleRuleCheck {
    /** Rule id of this check. */
    public static final int RULE_ID = EngineRules.CARD_DATA_BASE + 6;
    /** The largest amount field 4 can carry. */
    public static final long MAX_AMOUNT_MINOR = 999_999_999_999L;

    public AmountCheck() {
        super(DecisionStage.CARD_DATA, RULE_ID, "invalid-amount");
    }

    @Override
    public DecisionReason evaluate(final AuthorizationEvent request, final long nowEpochMillis) {
        final long amount = request.amountMinor();
        return amount <= 0 || amount > MAX_AMOUNT_MINOR ? DecisionReason.INVALID_AMOUNT : null;
    }
}
