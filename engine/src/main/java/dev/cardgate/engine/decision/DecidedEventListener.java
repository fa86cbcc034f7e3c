package dev.cardgate.engine.decision;

import dev.cardgate.engine.event.AuthorizationEvent;

/**
 * Receives every decided request, live (from the decision handler) and at start-up (journal
 * replay), so that state built from decisions, such as velocity, survives a restart.
 *
 * <p>Threading: the decision thread, or the starting thread before the pipeline starts.
 */
public interface DecidedEventListener {
    void onDecided(AuthorizationEvent decided);

    long replayWindowMillis();
}
