package dev.cardgate.engine.decision;

import dev.cardgate.engine.check.DecisionStage;
import dev.cardgate.engine.rules.EngineRules;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionReason;
import dev.cardgate.engine.rules.ActiveRules;

/**
 * Declines a currency (field 49) the rules file's {@code accept-currencies} does not list; every
 * currency is accepted when it lists none. Decision thread only; allocates nothing.
 */
public final class CurrencyCheck extends SingleRuleCheck {
    /** Rule id of this check. */
    public static final int RULE_ID = EngineRules.CARD_DATA_BASE + 7;

    private final ActiveRules rules;

    public CurrencyCheck(final ActiveRules rules) {
        super(DecisionStage.CARD_DATA, RULE_ID, "currency-not-accepted");
        this.rules = rules;
    }

    @Override
    public DecisionReason evaluate(final AuthorizationEvent request, final long nowEpochMillis) {
        return rules.current().acceptsCurrency(request.currencyCode()) ? null : DecisionReason.CURRENCY_NOT_ACCEPTED;
    }
}
