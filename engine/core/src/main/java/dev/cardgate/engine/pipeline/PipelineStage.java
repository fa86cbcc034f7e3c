package dev.cardgate.engine.pipeline;

import com.lmax.disruptor.EventHandler;

import dev.cardgate.engine.event.AuthorizationEvent;

/**
 * One stage of the pipeline before the reply: its name (which names its thread), its handler
 * and what a failure of it answers.
 *
 * @param answersWaitForEndOfBatch the stage makes its batch durable only at the batch's end (the
 *                                 journal's group commit): on one thread the batch is answered
 *                                 after it, as with one thread per stage
 */
public record PipelineStage(String name, EventHandler<AuthorizationEvent> handler, StageFailureAnswer failureAnswer,
    boolean answersWaitForEndOfBatch) {
}
