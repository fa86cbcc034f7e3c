package dev.cardgate.engine;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.AuthorizationIds;
import dev.cardgate.engine.event.DecisionReason;
import dev.cardgate.engine.event.PanParts;

/**
 * The engine's answer on the convenience API: an immutable copy of the decision fields of a
 * ring entry. The zero-allocation path reads the same fields straight from the {@link
 * AuthorizationEvent} instead.
 */
public final class Decision {
    private final DecisionReason reason;
    private final int ruleId;
    private final String ruleName;
    private final String authorizationId;
    private final long decisionTimeEpochMillis;
    private final int systemTraceAuditNumber;
    private final String maskedPan;
    private final int responseCode;
    private final int dryRunRuleId;

    Decision(final DecisionReason reason, final int ruleId, final String ruleName, final String authorizationId,
        final long decisionTimeEpochMillis, final int systemTraceAuditNumber, final String maskedPan) {
        this.reason = reason;
        this.ruleId = ruleId;
        this.ruleName = ruleName;
        this.authorizationId = authorizationId;
        this.decisionTimeEpochMillis = decisionTimeEpochMillis;
        this.systemTraceAuditNumber = systemTraceAuditNumber;
        this.maskedPan = maskedPan;
        this.responseCode = reason.responseCode();
        this.dryRunRuleId = AuthorizationEvent.NO_RULE;
    }

    private Decision(final AuthorizationEvent event, final String ruleName) {
        this.reason = event.reason();
        this.ruleId = event.ruleId();
        this.ruleName = ruleName;
        this.authorizationId = AuthorizationIds.toString(event.authorizationId());
        this.decisionTimeEpochMillis = event.decisionTimeEpochMillis();
        this.systemTraceAuditNumber = event.systemTraceAuditNumber();
        this.maskedPan = PanParts.toString(event.panLength(), event.panFirstSix(), event.panLastFour());
        this.responseCode = event.responseCode();
        this.dryRunRuleId = event.dryRunRuleId();
    }

    static Decision copyOf(final AuthorizationEvent event, final String ruleName) {
        return new Decision(event, ruleName);
    }

    public boolean approved() {
        return reason.isApproval();
    }

    /** Field 39 as a number: 0 for "00". */
    public int responseCode() {
        return responseCode;
    }

    /** A rule in dry-run mode that would have declined this request; 0 when none. */
    public int dryRunRuleId() {
        return dryRunRuleId;
    }

    /** Field 39 as sent: two digits, "00", "05", "41". */
    public String responseCodeText() {
        final int code = responseCode;
        return code < 10 ? "0" + code : Integer.toString(code);
    }

    /** The engine's own reason, more precise than the response code (CARD_LOST vs CARD_STOLEN). */
    public DecisionReason reason() {
        return reason;
    }

    /** The rule that declined the request; 0 for an approval. */
    public int ruleId() {
        return ruleId;
    }

    /** The name of that rule ("blocklist"), "none" for an approval. */
    public String ruleName() {
        return ruleName;
    }

    /** Field 38, six characters, when approved; null when declined. */
    public String authorizationId() {
        return authorizationId;
    }

    /** The engine's wall-clock time of the decision, epoch milliseconds. */
    public long decisionTimeEpochMillis() {
        return decisionTimeEpochMillis;
    }

    /** Field 11 of the request this answers. */
    public int systemTraceAuditNumber() {
        return systemTraceAuditNumber;
    }

    /** The masked PAN ("411111******1111"); "" when the PAN was not well formed. */
    public String maskedPan() {
        return maskedPan;
    }

    @Override
    public String toString() {
        return (approved() ? "APPROVED " : "DECLINED ") + responseCodeText() + ' ' + reason
            + " rule=" + ruleName + (authorizationId != null ? " authorizationId=" + authorizationId : "")
            + " stan=" + systemTraceAuditNumber + " pan=" + maskedPan + " at=" + decisionTimeEpochMillis;
    }
}
