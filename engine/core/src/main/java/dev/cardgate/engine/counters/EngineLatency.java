package dev.cardgate.engine.counters;

import java.util.List;

/**
 * The engine's latency histograms: the decision (the checks, on the decision thread), the
 * journal (from a record's append to the end of its batch, its sync included, on the journal
 * thread) and the round trip (from the claim of the request's ring slot to the return of its
 * listener, on the reply thread). Each has a single writer.
 */
public final class EngineLatency {
    private final StageLatency decision = new StageLatency("decision");
    private final StageLatency journal = new StageLatency("journal");
    private final StageLatency roundTrip = new StageLatency("round-trip");

    public StageLatency decision() {
        return decision;
    }

    public StageLatency journal() {
        return journal;
    }

    public StageLatency roundTrip() {
        return roundTrip;
    }

    /** All three, in pipeline order. */
    public List<StageLatency> stages() {
        return List.of(decision, journal, roundTrip);
    }
}
