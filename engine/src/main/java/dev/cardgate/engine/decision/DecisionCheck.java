package dev.cardgate.engine.decision;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionReason;

/**
 * One small rule of the decision chain.
 *
 * <p>Contract: called on the decision thread only, so an implementation may keep mutable state
 * without locks; it must not allocate, block, log or throw for an ordinary decline. It reads
 * the request fields of the event and writes nothing into it: the chain records the outcome.
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
}
