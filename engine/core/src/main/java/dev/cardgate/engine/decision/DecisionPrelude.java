package dev.cardgate.engine.decision;

import dev.cardgate.engine.event.AuthorizationEvent;

/**
 * What the decision handler does with an event before the chain: install reloaded rules between
 * events, and decide the messages that are not authorization requests (network management,
 * reversals) or that repeat one already decided (duplicates). Decision thread only; must not
 * allocate.
 */
@FunctionalInterface
public interface DecisionPrelude {
    /** @return true when it decided {@code event} itself, so the chain must not run */
    boolean decideBeforeChain(AuthorizationEvent event, long nowEpochMillis);
}
