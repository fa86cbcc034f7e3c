/**
 * Showing what the engine does, for operators: {@code cardgate stat}'s table, the optional HTTP
 * endpoint ({@code /metrics} from the counters, {@code /health}) and the structured log
 * formatter. The counters themselves are in {@link dev.cardgate.engine.counters}.
 */
package dev.cardgate.engine.metrics;
