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

    @Override
    public String toString() {
        return "approved=" + approved() + ", declined=" + declined() + ", stageFailures=" + stageFailures()
            + ", listenerFailures=" + listenerFailures() + ", refusedRingFull=" + refusedRingFull()
            + ", refusedShuttingDown=" + refusedShuttingDown();
    }
}
