package dev.cardgate.engine.pipeline;

import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionReason;
import dev.cardgate.engine.metrics.CounterLabel;
import dev.cardgate.engine.metrics.CounterTypes;
import dev.cardgate.engine.metrics.CountersFile;
import dev.cardgate.engine.metrics.EngineLatency;

/**
 * What the engine has done since launch, readable from any thread, and from another process:
 * each counter is an Agrona {@link AtomicCounter} in the engine's counters file (see {@link
 * dev.cardgate.engine.metrics.CountersFileDescriptor}), labelled as docs/observability.md lists.
 *
 * <p>Each counter names its writer: single-writer counters are bumped with a plain read and a
 * release store (no atomic read-modify-write on the decision thread); counters several threads
 * bump use an atomic increment. None allocates.
 */
public final class EngineCounters {
    /** Field 39 values counted one by one: 01 to 99. */
    private static final int RESPONSE_CODES = 100;

    private final AtomicCounter approved;
    private final AtomicCounter declined;
    private final AtomicCounter stageFailures;
    private final AtomicCounter listenerFailures;
    private final AtomicCounter refusedRingFull;
    private final AtomicCounter refusedShuttingDown;
    private final AtomicCounter journaled;
    private final AtomicCounter journalSyncs;
    private final AtomicCounter journalFailures;
    private final AtomicCounter journalRecoveries;
    private final AtomicCounter approvalsWithheldByJournal;
    private final AtomicCounter refusedJournalUnavailable;

    private final AtomicCounter networkManagement;
    // front-end (dev.cardgate.engine.frontend): bumped by the I/O threads
    private final AtomicCounter connectionsAccepted;
    private final AtomicCounter connectionsRefused;
    private final AtomicCounter framesMalformed;
    private final AtomicCounter framesUnreadable;
    private final AtomicCounter unsupportedMessageTypes;
    private final AtomicCounter slowSendersCut;
    private final AtomicCounter idleConnectionsClosed;
    private final AtomicCounter answeredOverloaded;
    private final AtomicCounter readingPaused;

    private final AtomicCounter dryRunDeclines;
    private final AtomicCounter rulesReloads;
    private final AtomicCounter mapEntriesDamaged;

    // reply thread: what was answered, by reason and field 39
    private final AtomicCounter requests;
    private final AtomicCounter[] declinesByReason;
    private final AtomicCounter[] declinesByCode;
    // front-end I/O threads; journal thread and syncer
    private final AtomicCounter connectionsOpen;
    private final AtomicCounter journalPosition;
    private final AtomicCounter journalSyncedPosition;

    private final EngineLatency latency = new EngineLatency();

    /** Counters in this process's memory only (benchmarks, tests of a single stage). */
    public EngineCounters() {
        this(CountersFile.inMemory(SystemEpochClock.INSTANCE).countersManager());
    }

    /** Allocates every counter in {@code countersManager} (the counters file); the launching thread only. */
    public EngineCounters(final CountersManager countersManager) {
        requests = total(countersManager, "requests");
        approved = total(countersManager, "approvals");
        declined = total(countersManager, "declines");
        stageFailures = total(countersManager, "stage.failures");
        listenerFailures = total(countersManager, "listener.failures");
        refusedRingFull = total(countersManager, "refused.ring-full");
        refusedShuttingDown = total(countersManager, "refused.shutting-down");
        journaled = total(countersManager, "journal.records");
        journalSyncs = total(countersManager, "journal.syncs");
        journalFailures = total(countersManager, "journal.failures");
        journalRecoveries = total(countersManager, "journal.recoveries");
        approvalsWithheldByJournal = total(countersManager, "journal.approvals-withheld");
        refusedJournalUnavailable = total(countersManager, "refused.journal-unavailable");
        networkManagement = total(countersManager, "network-management");
        connectionsAccepted = total(countersManager, "connections.accepted");
        connectionsRefused = total(countersManager, "connections.refused");
        framesMalformed = total(countersManager, "frames.malformed");
        framesUnreadable = total(countersManager, "frames.unreadable");
        unsupportedMessageTypes = total(countersManager, "messages.unsupported");
        slowSendersCut = total(countersManager, "connections.slow-senders-cut");
        idleConnectionsClosed = total(countersManager, "connections.idle-closed");
        answeredOverloaded = total(countersManager, "answered.overloaded");
        readingPaused = total(countersManager, "reading.paused");
        dryRunDeclines = total(countersManager, "rules.dry-run-declines");
        rulesReloads = total(countersManager, "rules.reloads");
        mapEntriesDamaged = total(countersManager, "maps.entries-damaged");
        connectionsOpen = countersManager.newCounter("connections.open", CounterTypes.GAUGE);
        journalPosition = countersManager.newCounter("journal.position", CounterTypes.GAUGE);
        journalSyncedPosition = countersManager.newCounter("journal.synced-position", CounterTypes.GAUGE);
        final DecisionReason[] reasons = DecisionReason.values();
        declinesByReason = new AtomicCounter[reasons.length];
        for (final DecisionReason reason : reasons) {
            if (reason.isDecline()) {
                declinesByReason[reason.ordinal()] = countersManager.newCounter(
                    CounterLabel.of("declines.by-reason", "reason", reason.name()), CounterTypes.TOTAL);
            }
        }
        declinesByCode = new AtomicCounter[RESPONSE_CODES];
        for (int code = 1; code < RESPONSE_CODES; code++) {
            declinesByCode[code] = countersManager.newCounter(
                CounterLabel.of("declines.by-code", "code", String.format("%02d", code)), CounterTypes.TOTAL);
        }
    }

    private static AtomicCounter total(final CountersManager countersManager, final String label) {
        return countersManager.newCounter(label, CounterTypes.TOTAL);
    }

    /** Decision thread only. */
    public void recordApproved() {
        approved.incrementRelease();
    }

    /** Decision thread only. */
    public void recordDeclined() {
        declined.incrementRelease();
    }

    /** Any stage's failure handler. */
    public void recordStageFailure() {
        stageFailures.increment();
    }

    /** Reply stage's failure handler. */
    public void recordListenerFailure() {
        listenerFailures.increment();
    }

    /** Producers. */
    public void recordRefusedRingFull() {
        refusedRingFull.increment();
    }

    /** Producers. */
    public void recordRefusedShuttingDown() {
        refusedShuttingDown.increment();
    }

    /** Decision thread only. */
    public void recordNetworkManagement() {
        networkManagement.incrementRelease();
    }

    /** Front-end I/O threads: a terminal connection was accepted. */
    public void recordConnectionAccepted() {
        connectionsAccepted.increment();
        connectionsOpen.increment();
    }

    /** Front-end I/O threads: a connection over the limit was closed at once. */
    public void recordConnectionRefused() {
        connectionsRefused.increment();
    }

    /** Front-end I/O threads: a frame that could not be decoded was answered 30. */
    public void recordFrameMalformed() {
        framesMalformed.increment();
    }

    /** Front-end I/O threads: a frame (or length header) that could not be read closed its connection. */
    public void recordFrameUnreadable() {
        framesUnreadable.increment();
    }

    /** Front-end I/O threads: a message of a type the engine does not handle (answered 12 if it has an answer). */
    public void recordUnsupportedMessageType() {
        unsupportedMessageTypes.increment();
    }

    /** Front-end I/O threads: a connection was closed because a frame took too long to arrive. */
    public void recordSlowSenderCut() {
        slowSendersCut.increment();
    }

    /** Front-end I/O threads: a connection was closed after the idle timeout. */
    public void recordIdleConnectionClosed() {
        idleConnectionsClosed.increment();
    }

    /** Front-end I/O threads: a request was answered 91 by the front-end because the ring was full. */
    public void recordAnsweredOverloaded() {
        answeredOverloaded.increment();
    }

    /** Front-end: a connection stopped reading (ring full, in-flight bound, or slow reader). */
    public void recordReadingPaused() {
        readingPaused.increment();
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
        dryRunDeclines.incrementRelease();
    }

    /** Decision thread only: reloaded rules took effect. */
    public void recordRulesReload() {
        rulesReloads.incrementRelease();
    }

    /** Decision thread only: a blocklist or terminal entry failed its checksum on read (answered 96). */
    public void recordMapEntryDamaged() {
        mapEntriesDamaged.incrementRelease();
    }

    /** Map entries found damaged on read while serving. */
    public long mapEntriesDamaged() {
        return mapEntriesDamaged.get();
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
        journaled.incrementRelease();
    }

    /** Journal thread or the interval syncer. */
    public void recordJournalSync() {
        journalSyncs.increment();
    }

    /** Journal thread or the interval syncer: a write or sync failed and the journal stopped. */
    public void recordJournalFailure() {
        journalFailures.increment();
    }

    /** Journal thread: writing worked again after a failure. */
    public void recordJournalRecovery() {
        journalRecoveries.increment();
    }

    /** Journal thread: an approval answered 96 because its record could not be written. */
    public void recordApprovalWithheldByJournal() {
        approvalsWithheldByJournal.incrementRelease();
    }

    /** Producers. */
    public void recordRefusedJournalUnavailable() {
        refusedJournalUnavailable.increment();
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

    /**
     * Reply thread only: a request was answered; a decline is counted by its reason and its
     * field 39 (as sent, so an approval the journal withheld counts as a 96 decline here).
     */
    public void recordAnswered(final AuthorizationEvent event) {
        requests.incrementRelease();
        final DecisionReason reason = event.reason();
        if (reason == null || !reason.isDecline()) {
            return;
        }
        declinesByReason[reason.ordinal()].incrementRelease();
        final int code = event.responseCode();
        if (code > 0 && code < RESPONSE_CODES) {
            declinesByCode[code].incrementRelease();
        }
    }

    /** The pipeline's latency histograms, recorded by the stages beside these counters. */
    public EngineLatency latency() {
        return latency;
    }

    /** Requests answered through the ring (approved, declined or failed). */
    public long requests() {
        return requests.get();
    }

    /** Answers declined for {@code reason}, as sent. */
    public long declines(final DecisionReason reason) {
        final AtomicCounter counter = declinesByReason[reason.ordinal()];
        return counter == null ? 0 : counter.get();
    }

    /** Answers declined with field 39 {@code responseCode}; 0 for a code outside 1 to 99. */
    public long declinesWithCode(final int responseCode) {
        return responseCode > 0 && responseCode < RESPONSE_CODES ? declinesByCode[responseCode].get() : 0;
    }

    /** Front-end I/O threads: a terminal connection closed. */
    public void recordConnectionClosed() {
        connectionsOpen.decrement();
    }

    /** Terminal connections open now. */
    public long connectionsOpen() {
        return connectionsOpen.get();
    }

    /** Journal thread only: the sequence the next record will get. */
    public void recordJournalPosition(final long nextSequence) {
        journalPosition.setRelease(nextSequence);
    }

    /** Journal thread or the interval syncer: records before this sequence are on the disk. */
    public void recordJournalSyncedPosition(final long syncedSequence) {
        journalSyncedPosition.proposeMax(syncedSequence);
    }

    /** The sequence the next journal record will get. */
    public long journalPosition() {
        return journalPosition.get();
    }

    /** Journal records before this sequence are on the disk. */
    public long journalSyncedPosition() {
        return journalSyncedPosition.get();
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
