package dev.cardgate.engine.pipeline;

import dev.cardgate.engine.event.AuthorizationEvent;

/**
 * What a stage's failure means for the request it failed on: the answer written into the event
 * (the later stages journal and send it as any other) and the counter that records it. The
 * decision stage answers 96; the journal stage withholds an approval (96); the reply stage can
 * only count the answer it could not deliver.
 *
 * <p>Threading: the failed stage's thread. Must not throw; allocates nothing.
 */
@FunctionalInterface
public interface StageFailureAnswer {
    /** @param event the request the stage failed on; null when the failure was not on an event */
    void answer(AuthorizationEvent event);
}
