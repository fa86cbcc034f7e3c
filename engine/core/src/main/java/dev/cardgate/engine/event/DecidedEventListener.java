package dev.cardgate.engine.event;


/**
 * State that learns from decisions: told of every decided request, live by the decision handler
 * after each decision, and at start by the journal's replay of the records inside
 * {@link #replayWindowMillis()}, in journal order, before the pipeline starts.
 *
 * <p>Threading: called on the decision thread only (or on the starting thread before the
 * pipeline runs). Must not allocate or block; the event is read-only and reused afterwards.
 */
public interface DecidedEventListener {
    /** Learns from one decided request (request fields and decision fields, as decided). */
    void onDecided(AuthorizationEvent decided);

    /** How far back replay must go to rebuild this state: the longest window it keeps. */
    long replayWindowMillis();
}
