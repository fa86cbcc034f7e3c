package dev.cardgate.engine.pipeline;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides, before a producer touches the ring, whether it may claim a slot: at most one permit
 * per ring slot, and none once the engine is closing.
 *
 * <p>Why not {@code RingBuffer.tryNext()}: it reports a full ring by throwing
 * InsufficientCapacityException, and the house rule is no exceptions for control flow. Why not
 * {@code hasAvailableCapacity(1)} then {@code next()}: with several producers, two may both see
 * the last free slot; the loser then blocks inside {@code next()}, so the "non-blocking" submit
 * would wait. Instead every claim first takes a permit here with a compare-and-set, and the
 * reply stage returns the permits of a batch only after it has advanced its sequence past that
 * batch. Hence at any time claimed-but-not-released slots are at most the ring size, and the
 * ring's own {@code next()} never has to wait for a slot: with permits P granted and R
 * released, the newest claimed sequence s satisfies s + 1 &lt;= P &lt;= R + size &lt;=
 * (gating sequence + 1) + size.
 *
 * <p>The same word holds a closed flag, so that closing and admitting cannot interleave: after
 * {@link #close()} no permit is granted, and {@link #inFlight()} reaching zero means every
 * accepted request has been answered.
 *
 * <p>With an upstream link, a forwarded request keeps its permit when the reply stage passes it
 * (the link has it now): the permit is the one its outcome re-enters the ring on, so an outcome
 * never needs a new one and can never be refused. An approval that arrives after its request's
 * timeout has no permit left: it takes one of {@code reserve} permits producers never get
 * ({@link #admitOutcome}), waiting (not refused) while even those are taken, which lasts only
 * until the reply stage frees the batch in hand.
 *
 * <p>Threading: any number of producers, one releaser (the last stage), one closer. No
 * allocation.
 */
public final class AdmissionGate {
    /** A permit was taken: the caller must claim, fill and publish exactly one slot. */
    public static final int ADMITTED = 0;
    /** Every slot is taken: the ring is full. */
    public static final int RING_FULL = 1;
    /** The engine is closing or closed. */
    public static final int CLOSED = 2;

    private static final long CLOSED_FLAG = 1L << 62;

    private static final long OUTCOME_PAUSE_NANOS = 10_000;

    private final long capacity;
    private final long producerCapacity;
    private final AtomicLong state = new AtomicLong();

    public AdmissionGate(final int capacity) {
        this(capacity, 0);
    }

    /** @param reserve permits only {@link #admitOutcome} takes (late approvals); 0 without a link */
    public AdmissionGate(final int capacity, final int reserve) {
        this.capacity = capacity;
        this.producerCapacity = capacity - reserve;
    }

    /**
     * Takes one permit for an outcome that holds none (a late approval), from the reserve if need
     * be, whether or not the gate is closed (closing drains what the link still reports). Waits in
     * short parks while every permit is taken; {@code stillRunning} false ends the wait unadmitted.
     *
     * @return true when a permit was taken
     */
    public boolean admitOutcome(final java.util.function.BooleanSupplier stillRunning) {
        while (true) {
            final long current = state.get();
            if ((current & ~CLOSED_FLAG) < capacity) {
                if (state.compareAndSet(current, current + 1)) {
                    return true;
                }
                continue;
            }
            if (!stillRunning.getAsBoolean()) {
                return false;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(OUTCOME_PAUSE_NANOS);
        }
    }

    /** Tries to take one permit; never waits. */
    public int tryAdmit() {
        while (true) {
            final long current = state.get();
            if ((current & CLOSED_FLAG) != 0) {
                return CLOSED;
            }
            if (current >= producerCapacity) {
                return RING_FULL;
            }
            if (state.compareAndSet(current, current + 1)) {
                return ADMITTED;
            }
        }
    }

    /** Returns {@code count} permits; the last stage calls this after advancing its sequence. */
    public void release(final long count) {
        state.getAndAdd(-count);
    }

    /** Grants no more permits. Idempotent. */
    public void close() {
        long current;
        do {
            current = state.get();
        }
        while ((current & CLOSED_FLAG) == 0 && !state.compareAndSet(current, current | CLOSED_FLAG));
    }

    public boolean isClosed() {
        return (state.get() & CLOSED_FLAG) != 0;
    }

    /** Requests admitted and not yet answered. */
    public long inFlight() {
        return state.get() & ~CLOSED_FLAG;
    }
}
