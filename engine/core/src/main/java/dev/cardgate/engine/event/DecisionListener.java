package dev.cardgate.engine.event;

/**
 * Receives the engine's answer to a request.
 *
 * <p>Threading: called on the engine's reply thread, one request at a time, in ring order.
 * The event is valid only during the call (its entry is reused afterwards): copy what you
 * need, do not block, and do not throw (a thrown exception is counted and logged, and the
 * requester receives nothing). Implementations on the zero-allocation path keep one
 * listener per connection or producer and route with {@link AuthorizationEvent#attachment()}
 * or {@link AuthorizationEvent#correlationId()}.
 */
@FunctionalInterface
public interface DecisionListener {
    void onDecision(AuthorizationEvent event);
}
