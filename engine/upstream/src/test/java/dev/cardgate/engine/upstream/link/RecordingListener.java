package dev.cardgate.engine.upstream.link;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.upstream.LinkState;
import dev.cardgate.engine.upstream.UpstreamListener;
import dev.cardgate.engine.upstream.UpstreamOutcome;

/** Records what the link reports, for tests to await (each wait bounded). */
final class RecordingListener implements UpstreamListener {
    static final Duration WAIT = Duration.ofSeconds(10);

    /** A forwarded request's fate, with what the link's copy said of it. */
    record Outcome(long correlationId, int terminalStan, int upstreamStan, UpstreamOutcome outcome, int responseCode,
        long authorizationId) {
    }

    record Stored(long storedId, int responseCode) {
    }

    final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    final BlockingQueue<Outcome> lateApprovals = new LinkedBlockingQueue<>();
    final BlockingQueue<Stored> storedAnswered = new LinkedBlockingQueue<>();
    final BlockingQueue<Long> storedUnanswered = new LinkedBlockingQueue<>();
    final BlockingQueue<LinkState> states = new LinkedBlockingQueue<>();
    private volatile LinkState current = LinkState.DISABLED;

    @Override
    public void forwardedOutcome(final AuthorizationEvent forwarded, final UpstreamOutcome outcome,
        final int responseCode, final long authorizationId) {
        outcomes.add(new Outcome(forwarded.correlationId(), forwarded.systemTraceAuditNumber(),
            forwarded.upstreamTraceNumber(), outcome, responseCode, authorizationId));
    }

    @Override
    public void lateApproval(final AuthorizationEvent forwarded, final long authorizationId) {
        lateApprovals.add(new Outcome(forwarded.correlationId(), forwarded.systemTraceAuditNumber(),
            forwarded.upstreamTraceNumber(), UpstreamOutcome.ANSWERED, 0, authorizationId));
    }

    @Override
    public void storedAnswered(final long storedId, final int responseCode) {
        storedAnswered.add(new Stored(storedId, responseCode));
    }

    @Override
    public void storedUnanswered(final long storedId) {
        storedUnanswered.add(storedId);
    }

    @Override
    public void stateChanged(final LinkState previous, final LinkState next) {
        current = next;
        states.add(next);
    }

    LinkState current() {
        return current;
    }

    static <T> T next(final BlockingQueue<T> queue) throws InterruptedException {
        final T item = queue.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(item, "nothing reported within " + WAIT);
        return item;
    }

    /** Waits until the state reported is {@code wanted}. */
    void awaitState(final LinkState wanted) throws InterruptedException {
        final long deadline = System.nanoTime() + WAIT.toNanos();
        while (current != wanted) {
            final LinkState reported = states.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000),
                TimeUnit.MILLISECONDS);
            if (reported == null && System.nanoTime() >= deadline) {
                throw new AssertionError("the link did not become " + wanted + " within " + WAIT + "; it is " + current);
            }
        }
    }

    /** Waits (bounded) until {@code condition} holds; for counters written on the link's thread. */
    static void await(final BooleanSupplier condition, final String what) throws InterruptedException {
        final long deadline = System.nanoTime() + WAIT.toNanos();
        final Object monitor = new Object();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() >= deadline) {
                throw new AssertionError(what + " did not happen within " + WAIT);
            }
            synchronized (monitor) {
                monitor.wait(5);
            }
        }
    }
}
