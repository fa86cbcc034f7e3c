/**
 * The Disruptor ring and its stages: admission of requests (claim, fill, publish), the reply
 * stage that hands each decision to its listener, the failure handlers that answer 96 and go
 * on, the engine's counters, and the orderly drain on close.
 *
 * <p>Stage graph today: decision, then reply. Later stages (the journal) go between them.
 */
package dev.cardgate.engine.pipeline;
