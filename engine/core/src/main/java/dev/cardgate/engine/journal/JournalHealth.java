package dev.cardgate.engine.journal;

import java.util.concurrent.atomic.AtomicLong;

import dev.cardgate.engine.config.JournalFailureAnswer;
import dev.cardgate.engine.pipeline.IntakeGuard;

/**
 * Whether the journal can write, shared by the journal thread (which marks it failed and
 * healthy), the interval syncer (which may mark it failed) and producers (which ask it whether
 * to refuse new requests).
 *
 * <p>With {@link JournalFailureAnswer#REFUSE_91}, a failed journal refuses new requests, but
 * lets one in per retry interval: that probe reaches the journal thread, which then tries to
 * write again. Lock-free; no allocation.
 */
public final class JournalHealth implements IntakeGuard {
    private final JournalFailureAnswer failureAnswer;
    private final long retryIntervalNanos;
    private final AtomicLong nextProbeNanos = new AtomicLong();
    private volatile boolean failed;

    public JournalHealth(final JournalFailureAnswer failureAnswer, final long retryIntervalNanos) {
        this.failureAnswer = failureAnswer;
        this.retryIntervalNanos = retryIntervalNanos;
    }

    /** True while the journal cannot write. */
    public boolean failed() {
        return failed;
    }

    /** @return true when this call changed the state (the first report of a failure) */
    boolean markFailed() {
        if (failed) {
            return false;
        }
        nextProbeNanos.set(System.nanoTime() + retryIntervalNanos);
        failed = true;
        return true;
    }

    void markHealthy() {
        failed = false;
    }

    @Override
    public boolean refusesNewRequests() {
        if (!failed || failureAnswer != JournalFailureAnswer.REFUSE_91) {
            return false;
        }
        final long now = System.nanoTime();
        final long probeAt = nextProbeNanos.get();
        return now - probeAt < 0 || !nextProbeNanos.compareAndSet(probeAt, now + retryIntervalNanos);
    }
}
