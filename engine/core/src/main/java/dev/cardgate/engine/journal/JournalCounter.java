package dev.cardgate.engine.journal;

import dev.cardgate.engine.counters.CounterDefinition;
import dev.cardgate.engine.counters.CounterDescriptor;
import dev.cardgate.engine.counters.CounterKind;
import dev.cardgate.engine.counters.CounterWriter;

/**
 * The decision journal's counters (ids 400 to 499): its work, its failures and its positions.
 * Adding a counter is adding a constant (the next id); docs/observability.md lists them.
 */
public enum JournalCounter implements CounterDescriptor {
    RECORDS(400, "journal.records", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "records written to the journal; the journal thread"),
    SYNCS(401, "journal.syncs", CounterKind.TOTAL, CounterWriter.SEVERAL_THREADS,
        "syncs of the journal to the disk; the journal thread or the interval syncer"),
    FAILURES(402, "journal.failures", CounterKind.TOTAL, CounterWriter.SEVERAL_THREADS,
        "times the journal stopped writing because a write or sync failed; the journal thread or the interval syncer"),
    RECOVERIES(403, "journal.recoveries", CounterKind.TOTAL, CounterWriter.SEVERAL_THREADS,
        "times the journal resumed writing after a failure; the journal thread"),
    APPROVALS_WITHHELD(404, "journal.approvals-withheld", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "approvals answered 96 because their record could not be written; the journal thread"),
    POSITION(405, "journal.position", CounterKind.GAUGE, CounterWriter.ONE_THREAD,
        "the sequence the next journal record will get; the journal thread"),
    SYNCED_POSITION(406, "journal.synced-position", CounterKind.GAUGE, CounterWriter.SEVERAL_THREADS,
        "journal records before this sequence are on the disk; the journal thread or the interval syncer");

    private final CounterDefinition definition;

    JournalCounter(final int id, final String label, final CounterKind kind, final CounterWriter writer,
        final String description) {
        this.definition = new CounterDefinition(id, label, kind, writer, description);
    }

    @Override
    public CounterDefinition definition() {
        return definition;
    }
}
