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

    private final AtomicLong networkManagement = new AtomicLong();
    // front-end (dev.cardgate.engine.frontend): bumped by the I/O threads
    private final AtomicLong connectionsAccepted = new AtomicLong();
    private final AtomicLong connectionsRefused = new AtomicLong();
    private final AtomicLong framesMalformed = new AtomicLong();
    private final AtomicLong framesUnreadable = new AtomicLong();
    private final AtomicLong unsupportedMessageTypes = new AtomicLong();
    private final AtomicLong slowSendersCut = new AtomicLong();
    private final AtomicLong idleConnectionsClosed = new AtomicLong();
    private final AtomicLong answeredOverloaded = new AtomicLong();
    private final AtomicLong readingPaused = new AtomicLong();

    private final AtomicLong dryRunDeclines = new AtomicLong();
    private final AtomicLong rulesReloads = new AtomicLong();

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

    /** Decision thread only. */
    public void recordNetworkManagement() {
        networkManagement.lazySet(networkManagement.get() + 1);
    }

    /** Front-end I/O threads: a terminal connection was accepted. */
    public void recordConnectionAccepted() {
        connectionsAccepted.incrementAndGet();
    }

    /** Front-end I/O threads: a connection over the limit was closed at once. */
    public void recordConnectionRefused() {
        connectionsRefused.incrementAndGet();
    }

    /** Front-end I/O threads: a frame that could not be decoded was answered 30. */
    public void recordFrameMalformed() {
        framesMalformed.incrementAndGet();
    }

    /** Front-end I/O threads: a frame (or length header) that could not be read closed its connection. */
    public void recordFrameUnreadable() {
        framesUnreadable.incrementAndGet();
    }

    /** Front-end I/O threads: a message of a type the engine does not handle (answered 12 if it has an answer). */
    public void recordUnsupportedMessageType() {
        unsupportedMessageTypes.incrementAndGet();
    }

    /** Front-end I/O threads: a connection was closed because a frame took too long to arrive. */
    public void recordSlowSenderCut() {
        slowSendersCut.incrementAndGet();
    }

    /** Front-end I/O threads: a connection was closed after the idle timeout. */
    public void recordIdleConnectionClosed() {
        idleConnectionsClosed.incrementAndGet();
    }

    /** Front-end I/O threads: a request was answered 91 by the front-end because the ring was full. */
    public void recordAnsweredOverloaded() {
        answeredOverloaded.incrementAndGet();
    }

    /** Front-end: a connection stopped reading (ring full, in-flight bound, or slow reader). */
    public void recordReadingPaused() {
        readingPaused.incrementAndGet();
    }

    /** Network management messages acknowledged (0800 echo, sign-on, sign-off). */
    public long networkManagement() {
        return networkManagement.get();
    }

    public long connectionsAccepted() {
        return connectionsAccepted.get();
    }

    public long connectionsRefused() {
        return connectionsRefused.get();
    }

    public long framesMalformed() {
        return framesMalformed.get();
    }

    public long framesUnreadable() {
        return framesUnreadable.get();
    }

    public long unsupportedMessageTypes() {
        return unsupportedMessageTypes.get();
    }

    public long slowSendersCut() {
        return slowSendersCut.get();
    }

    public long idleConnectionsClosed() {
        return idleConnectionsClosed.get();
    }

    public long answeredOverloaded() {
        return answeredOverloaded.get();
    }

    public long readingPaused() {
        return readingPaused.get();
    }

    /** Decision thread only: a rule in dry-run mode would have declined a request. */
    public void recordDryRunDecline() {
        dryRunDeclines.lazySet(dryRunDeclines.get() + 1);
    }

    /** Decision thread only: reloaded rules took effect. */
    public void recordRulesReload() {
        rulesReloads.lazySet(rulesReloads.get() + 1);
    }

    /** Requests a dry-run rule would have declined (each counted once, for its first such rule). */
    public long dryRunDeclines() {
        return dryRunDeclines.get();
    }

    /** Reloaded rule sets that took effect. */
    public long rulesReloads() {
        return rulesReloads.get();
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

    private String frontEndSummary() {
        if (connectionsAccepted() == 0) {
            return "";
        }
        return ", connectionsAccepted=" + connectionsAccepted() + ", connectionsRefused=" + connectionsRefused()
            + ", framesMalformed=" + framesMalformed() + ", framesUnreadable=" + framesUnreadable()
            + ", unsupportedMessageTypes=" + unsupportedMessageTypes() + ", slowSendersCut=" + slowSendersCut()
            + ", idleConnectionsClosed=" + idleConnectionsClosed() + ", answeredOverloaded=" + answeredOverloaded()
            + ", readingPaused=" + readingPaused();
    }

    @Override
    public String toString() {
        return "approved=" + approved() + ", declined=" + declined() + ", stageFailures=" + stageFailures()
            + ", listenerFailures=" + listenerFailures() + ", refusedRingFull=" + refusedRingFull()
            + ", refusedShuttingDown=" + refusedShuttingDown()
            + ", journaled=" + journaled() + ", journalSyncs=" + journalSyncs() + ", journalFailures="
            + journalFailures() + ", journalRecoveries=" + journalRecoveries() + ", approvalsWithheldByJournal="
            + approvalsWithheldByJournal() + ", refusedJournalUnavailable=" + refusedJournalUnavailable()
            + ", networkManagement=" + networkManagement() + frontEndSummary();
    }
}
