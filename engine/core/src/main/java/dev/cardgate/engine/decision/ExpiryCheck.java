package dev.cardgate.engine.decision;

import dev.cardgate.engine.check.DecisionStage;
import dev.cardgate.engine.rules.EngineRules;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionReason;

/**
 * Declines with 54 a card whose expiry (field 14, YYMM) is before the current month of the
 * engine's clock (UTC); a card is valid through the last day of its expiry month. Years are
 * 2000 to 2099. Stateless; allocates nothing.
 */
public final class ExpiryCheck extends SingleRuleCheck {
    /** Rule id of this check. */
    public static final int RULE_ID = EngineRules.CARD_DATA_BASE + 5;

    public ExpiryCheck() {
        super(DecisionStage.CARD_DATA, RULE_ID, "card-expired");
    }

    @Override
    public DecisionReason evaluate(final AuthorizationEvent request, final long nowEpochMillis) {
        if (!request.isFieldPresent(14)) {
            return null;
        }
        final int expiry = 2000_00 + request.expiryYearMonth();
        return expiry < yearMonth(nowEpochMillis) ? DecisionReason.CARD_EXPIRED : null;
    }

    /** The UTC year and month of an instant as YYYYMM (202612), without allocating. */
    static int yearMonth(final long epochMillis) {
        // civil-from-days (H. Hinnant's algorithm), on days since 1970-01-01
        final long days = Math.floorDiv(epochMillis, 86_400_000L) + 719_468;
        final long era = Math.floorDiv(days, 146_097);
        final long dayOfEra = days - era * 146_097;
        final long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        final long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        final long monthIndex = (5 * dayOfYear + 2) / 153;
        final long month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
        final long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return (int)(year * 100 + month);
    }
}
