package dev.cardgate.engine.decision;

import dev.cardgate.engine.check.DecisionStage;
import dev.cardgate.engine.rules.EngineRules;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionReason;
import dev.cardgate.engine.rules.ActiveRules;

/**
 * Declines with 30 a request that lacks a field its message type requires (the rules file's
 * {@code required-fields}, or the defaults), or whose fields are malformed: STAN outside 0 to
 * 999999, an expiry month outside 01 to 12, a currency or merchant category outside its range.
 * Decision thread only; allocates nothing.
 */
public final class RequestFormatCheck extends SingleRuleCheck {
    /** Rule id: a required field is absent. */
    public static final int MISSING_FIELD_RULE_ID = EngineRules.CARD_DATA_BASE + 3;
    /** Rule id: a field is present but malformed. */
    public static final int MALFORMED_FIELD_RULE_ID = EngineRules.CARD_DATA_BASE + 4;

    private final ActiveRules rules;
    private int fired = MISSING_FIELD_RULE_ID;

    public RequestFormatCheck(final ActiveRules rules) {
        super(DecisionStage.CARD_DATA, MISSING_FIELD_RULE_ID, "required-field-missing");
        this.rules = rules;
    }

    @Override
    public String nameOf(final int ruleId) {
        if (ruleId == MALFORMED_FIELD_RULE_ID) {
            return "field-malformed";
        }
        return ruleId == MISSING_FIELD_RULE_ID ? ruleName() : null;
    }

    @Override
    public int firedRuleId() {
        return fired;
    }

    @Override
    public DecisionReason evaluate(final AuthorizationEvent request, final long nowEpochMillis) {
        final long required = rules.current().requiredFields(request.messageTypeIndicator());
        if ((request.presentFields() & required) != required) {
            fired = MISSING_FIELD_RULE_ID;
            return DecisionReason.FORMAT_ERROR;
        }
        final int expiryMonth = request.expiryYearMonth() % 100;
        final boolean malformed = request.systemTraceAuditNumber() < 0 || request.systemTraceAuditNumber() > 999_999
            || (request.isFieldPresent(14) && (expiryMonth < 1 || expiryMonth > 12 || request.expiryYearMonth() > 9999))
            || request.currencyCode() < 0 || request.currencyCode() > 999
            || request.merchantCategoryCode() < 0 || request.merchantCategoryCode() > 9999
            || request.posEntryMode() < 0 || request.posEntryMode() > 999;
        if (malformed) {
            fired = MALFORMED_FIELD_RULE_ID;
            return DecisionReason.FORMAT_ERROR;
        }
        return null;
    }
}
