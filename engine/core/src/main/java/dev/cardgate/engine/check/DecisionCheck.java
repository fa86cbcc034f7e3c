package dev.cardgate.engine.check;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionReason;

/**
 * One small rule of the decision chain.
 *
 * <p>Contract: called on the decision thread only, so an implementation may keep mutable state
 * without locks; it must not allocate, block, log or throw for an ordinary decline. It reads
 * the request fields of the event and writes nothing into it but a dry-run note ({@link
 * AuthorizationEvent#noteDryRun}): the chain records the outcome.
 *
 * <p>A check that holds several rules (the terminal check, the policy rules) reports which one
 * objected through {@link #firedRuleId()} and {@link #firedResponseCode}, read by the chain
 * right after an objection.
 */
public interface DecisionCheck {
    /** Where in the fixed order this check runs. */
    DecisionStage stage();

    /** The rule id written into a declined event; unique within a chain, not {@code 0}. */
    int ruleId();

    /** A short stable name for logs and the convenience API, e.g. "blocklist". */
    String ruleName();

    /**
     * @param request        the published request, read-only here
     * @param nowEpochMillis the engine's wall-clock time for this decision
     * @return why the request must be declined, or {@code null} when this check has no objection
     */
    DecisionReason evaluate(AuthorizationEvent request, long nowEpochMillis);

    /** The rule id of the last objection of {@link #evaluate}; this check's own id by default. */
    default int firedRuleId() {
        return ruleId();
    }

    /** Field 39 of the last objection; the reason's usual code by default. */
    default int firedResponseCode(final DecisionReason objection) {
        return objection.responseCode();
    }

    /** The name of {@code ruleId} if this check owns it, else null; for rules a file defines. */
    default String nameOf(final int ruleId) {
        return ruleId == ruleId() ? ruleName() : null;
    }
}
