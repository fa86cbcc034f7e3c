package dev.cardgate.engine.upstream;

import dev.cardgate.engine.counters.CounterRegistry;

/**
 * Builds the link to the card network once the engine's counters exist, so that the link's own
 * counters ({@code upstream.*}) live in the engine's counters file beside the rest and
 * {@code cardgate stat} and the metrics endpoint read them with everything else.
 */
@FunctionalInterface
public interface UpstreamLinkFactory {
    /** The link, with its counters allocated in {@code counters}; the engine starts and closes it. */
    UpstreamLink open(CounterRegistry counters);
}
