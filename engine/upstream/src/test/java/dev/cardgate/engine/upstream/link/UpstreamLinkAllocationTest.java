package dev.cardgate.engine.upstream.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.cardgate.engine.config.UpstreamConfiguration;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.token.AllocationMeter;
import dev.cardgate.engine.upstream.LinkState;
import dev.cardgate.engine.upstream.UpstreamListener;
import dev.cardgate.engine.upstream.UpstreamOutcome;
import dev.cardgate.engine.upstream.simulator.IssuerSimulator;

/**
 * In steady state (every entry of the table has carried a request, so its copy of the frame has
 * grown once) {@code forward} allocates nothing on the caller's thread, and sending, matching and
 * timing a request allocate nothing on the link's I/O thread. The least of several rounds is
 * taken: waking the I/O thread goes through Netty's task queue, which takes a new chunk once per
 * 1024 wake-ups, and a round during which the JIT replaced a method may count objects the compiled
 * code no longer makes.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class UpstreamLinkAllocationTest {
    private static final int TABLE = 64;
    private static final int BATCH = 32;
    private static final int ROUNDS = 10;

    /** Counts answers without allocating (a recording listener would allocate a record per answer). */
    private static final class CountingListener implements UpstreamListener {
        final AtomicLong answered = new AtomicLong();
        /** Requests forwarded so far: written by the test's thread only. */
        long forwarded;

        @Override
        public void forwardedOutcome(final AuthorizationEvent forwarded, final UpstreamOutcome outcome,
            final int responseCode, final long authorizationId) {
            if (outcome == UpstreamOutcome.ANSWERED) {
                answered.incrementAndGet();
            }
        }

        @Override
        public void lateApproval(final AuthorizationEvent forwarded, final long authorizationId) {
        }

        @Override
        public void storedAnswered(final long storedId, final int responseCode) {
        }

        @Override
        public void storedUnanswered(final long storedId) {
        }

        @Override
        public void stateChanged(final LinkState previous, final LinkState current) {
        }
    }

    @Test
    void forwardingAllocatesNothingOnTheCallersThreadNorOnTheLinksInSteadyState() throws Exception {
        final CountingListener listener = new CountingListener();
        try (IssuerSimulator simulator = LinkFixture.simulator();
             LinkFixture fixture = new LinkFixture(LinkFixture.endpoint(simulator), upstream -> upstream
                 .set(UpstreamConfiguration.IN_FLIGHT, TABLE)
                 .set(UpstreamConfiguration.TIMEOUT, Duration.ofMillis(10_000))).start(listener)) {
            RecordingListener.await(() -> fixture.link.state() == LinkState.UP, "the link up");
            final AuthorizationEvent[] requests = new AuthorizationEvent[BATCH];
            for (int i = 0; i < BATCH; i++) {
                requests[i] = TestRequests.authorization(i + 1, 100 + i);
            }
            for (int round = 0; round < 100; round++) {
                forwardBatch(fixture, listener, requests);
            }
            final Thread ioThread = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("cardgate-upstream")).findFirst().orElseThrow();
            final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
            long leastOnCaller = Long.MAX_VALUE;
            long leastOnIoThread = Long.MAX_VALUE;
            for (int round = 0; round < ROUNDS; round++) {
                final long ioBefore = threads.getThreadAllocatedBytes(ioThread.getId());
                final long callerBefore = AllocationMeter.allocatedByThisThread();
                final int taken = forwardOnly(fixture, listener, requests);
                leastOnCaller = Math.min(leastOnCaller, AllocationMeter.allocatedByThisThread() - callerBefore);
                assertEquals(BATCH, taken, "every request was taken");
                awaitAnswers(listener);
                leastOnIoThread = Math.min(leastOnIoThread, threads.getThreadAllocatedBytes(ioThread.getId()) - ioBefore);
            }
            assertEquals(0, leastOnCaller, "bytes allocated by " + BATCH + " forwards on the caller's thread");
            assertEquals(0, leastOnIoThread, "bytes allocated on the link's I/O thread for " + BATCH + " requests");
        }
    }

    private static int forwardOnly(final LinkFixture fixture, final CountingListener listener,
        final AuthorizationEvent[] requests) {
        int taken = 0;
        for (final AuthorizationEvent request : requests) {
            taken += fixture.link.forward(request) ? 1 : 0;
        }
        listener.forwarded += taken;
        return taken;
    }

    private static void forwardBatch(final LinkFixture fixture, final CountingListener listener,
        final AuthorizationEvent[] requests) throws InterruptedException {
        assertEquals(BATCH, forwardOnly(fixture, listener, requests));
        awaitAnswers(listener);
    }

    private static void awaitAnswers(final CountingListener listener) throws InterruptedException {
        final long wanted = listener.forwarded;
        RecordingListener.await(() -> listener.answered.get() >= wanted, "every request answered");
    }
}
