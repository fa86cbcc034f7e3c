/**
 * Seeing what the engine does: its counters in an Agrona counters file that another process
 * reads ({@code cardgate stat}), the latency histograms of the pipeline's stages, the
 * housekeeping agent that publishes them, the optional HTTP endpoint ({@code /metrics},
 * {@code /health}) and the structured log formatter.
 */
package dev.cardgate.engine.metrics;
