/**
 * The engine's counters and latency, published for other processes: the Agrona counters file
 * ({@link dev.cardgate.engine.counters.CountersFileDescriptor}) and its reader, counter labels and
 * types, the stages' latency recorders and the housekeeping agent that publishes them. Part of
 * the core: it knows no component, and imports neither the front-end nor the HTTP endpoint.
 */
package dev.cardgate.engine.counters;
