package dev.cardgate.engine.pipeline;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the engine has done since launch, readable from any thread.
 *
 * <p>Each counter names its writer: single-writer counters are bumped with an ordered store
 * (no atomic read-modify-write on the decision thread); counters producers bump use an atomic
 * increment. None allocates.
 */
public final class EngineCounters {
    private final AtomicLong approved = new AtomicLong();
    private final AtomicLong declined = new AtomicLong();
    private final AtomicLong stageFailures = new AtomicLong();
    private final AtomicLong listenerFailures = new AtomicLong();
    private final AtomicLong refusedRingFull = new AtomicLong();
    private final AtomicLong refusedShuttingDown = new AtomicLong();
    private final AtomicLong journaled = new AtomicLong();
    private final AtomicLong journalSyncs = new AtomicLong();
    private final AtomicLong journalFailures = new AtomicLong();
    private final AtomicLong journalRecoveries = new AtomicLong();
    private final AtomicLong approvalsWithheldByJournal = new AtomicLong();
    private final AtomicLong refusedJournalUnavailable = new AtomicLong();

    /** Decision thread only. */
    public void recordApproved() {
        approved.lazySet(approved.get() + 1);
    }

    /** Decision thread only. */
    public void recordDeclined() {
        declined.lazySet(declined.get() + 1);
    }

    /** Any stage's failure handler. */
    public void recordStageFailure() {
        stageFailures.incrementAndGet();
    }

    /** Reply stage's failure handler. */
    public void recordListenerFailure() {
        listenerFailures.incrementAndGet();
    }

    /** Producers. */
    public void recordRefusedRingFull() {
        refusedRingFull.incrementAndGet();
    }

    /** Producers. */
    public void recordRefusedShuttingDown() {
        refusedShuttingDown.incrementAndGet();
    }

    /** Requests the decision chain approved. */
    public long approved() {
        return approved.get();
    }

    /** Requests the decision chain declined (not counting stage failures). */
    public long declined() {
        return declined.get();
    }

    /** Requests answered 96 because a stage failed on them. */
    public long stageFailures() {
        return stageFailures.get();
    }

    /** Decisions whose listener threw: the requester may have received nothing. */
    public long listenerFailures() {
        return listenerFailures.get();
    }

    /** Submissions refused because the ring was full. */
    public long refusedRingFull() {
        return refusedRingFull.get();
    }

    /** Submissions refused because the engine was closing or closed. */
    public long refusedShuttingDown() {
        return refusedShuttingDown.get();
    }

    /** Journal thread only. */
    public void recordJournaled() {
        journaled.lazySet(journaled.get() + 1);
    }

    /** Journal thread or the interval syncer. */
    public void recordJournalSync() {
        journalSyncs.incrementAndGet();
    }

    /** Journal thread or the interval syncer: a write or sync failed and the journal stopped. */
    public void recordJournalFailure() {
        journalFailures.incrementAndGet();
    }

    /** Journal thread: writing worked again after a failure. */
    public void recordJournalRecovery() {
        journalRecoveries.incrementAndGet();
    }

    /** Journal thread: an approval answered 96 because its record could not be written. */
    public void recordApprovalWithheldByJournal() {
        approvalsWithheldByJournal.lazySet(approvalsWithheldByJournal.get() + 1);
    }

    /** Producers. */
    public void recordRefusedJournalUnavailable() {
        refusedJournalUnavailable.incrementAndGet();
    }

    /** Records written to the journal. */
    public long journaled() {
        return journaled.get();
    }

    /** Syncs of the journal to the disk. */
    public long journalSyncs() {
        return journalSyncs.get();
    }

    /** Times the journal stopped writing because of a failure. */
    public long journalFailures() {
        return journalFailures.get();
    }

    /** Times the journal resumed writing after a failure. */
    public long journalRecoveries() {
        return journalRecoveries.get();
    }

    /** Approvals answered 96 because their record could not be written. */
    public long approvalsWithheldByJournal() {
        return approvalsWithheldByJournal.get();
    }

    /** Submissions refused with 91 because the journal could not write. */
    public long refusedJournalUnavailable() {
        return refusedJournalUnavailable.get();
    }

    @Override
    public String toString() {
        return "approved=" + approved() + ", declined=" + declined() + ", stageFailures=" + stageFailures()
            + ", listenerFailures=" + listenerFailures() + ", refusedRingFull=" + refusedRingFull()
            + ", refusedShuttingDown=" + refusedShuttingDown()
            + ", journaled=" + journaled() + ", journalSyncs=" + journalSyncs() + ", journalFailures="
            + journalFailures() + ", journalRecoveries=" + journalRecoveries() + ", approvalsWithheldByJournal="
            + approvalsWithheldByJournal() + ", refusedJournalUnavailable=" + refusedJournalUnavailable();
    }
}
