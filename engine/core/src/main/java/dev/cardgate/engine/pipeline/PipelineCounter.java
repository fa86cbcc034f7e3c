package dev.cardgate.engine.pipeline;

import dev.cardgate.engine.counters.CounterDefinition;
import dev.cardgate.engine.counters.CounterDescriptor;
import dev.cardgate.engine.counters.CounterKind;
import dev.cardgate.engine.counters.CounterWriter;

/**
 * The pipeline's counters (ids 100 to 199): answers, stage failures and submissions refused before
 * the ring. Adding a counter is adding a constant (the next id); docs/observability.md lists them.
 */
public enum PipelineCounter implements CounterDescriptor {
    REQUESTS(100, "requests", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "requests answered through the ring (approved, declined or failed); the reply thread"),
    STAGE_FAILURES(101, "stage.failures", CounterKind.TOTAL, CounterWriter.SEVERAL_THREADS,
        "requests answered 96 because a stage threw; the stages' failure handlers"),
    LISTENER_FAILURES(102, "listener.failures", CounterKind.TOTAL, CounterWriter.SEVERAL_THREADS,
        "listeners that threw, so the requester may have received nothing; the reply stage's failure handler"),
    REFUSED_RING_FULL(103, "refused.ring-full", CounterKind.TOTAL, CounterWriter.SEVERAL_THREADS,
        "submissions refused because the ring was full; producers"),
    REFUSED_SHUTTING_DOWN(104, "refused.shutting-down", CounterKind.TOTAL, CounterWriter.SEVERAL_THREADS,
        "submissions refused because the engine was closing or closed; producers"),
    REFUSED_JOURNAL_UNAVAILABLE(105, "refused.journal-unavailable", CounterKind.TOTAL, CounterWriter.SEVERAL_THREADS,
        "submissions refused with 91 because the journal could not write; producers");

    private final CounterDefinition definition;

    PipelineCounter(final int id, final String label, final CounterKind kind, final CounterWriter writer,
        final String description) {
        this.definition = new CounterDefinition(id, label, kind, writer, description);
    }

    @Override
    public CounterDefinition definition() {
        return definition;
    }
}
