package dev.cardgate.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.sun.management.ThreadMXBean;

import dev.cardgate.engine.blocklist.BlockReason;
import dev.cardgate.engine.config.ThreadLayout;
import dev.cardgate.engine.config.WaitStrategyType;
import dev.cardgate.engine.event.DecisionListener;
import dev.cardgate.engine.token.CardToken;

/**
 * The zero-allocation path allocates nothing per decision on any thread it runs on: the
 * producer, the decision thread, the reply thread and the housekeeping (metrics) thread that
 * publishes the latency percentiles. Measured with the JVM's per-thread
 * allocation counters over many decisions after a warm-up; one allocation per decision would
 * be at least 16 bytes each.
 *
 * <p>The yielding wait strategy is used because the blocking one allocates a condition node
 * each time a pipeline thread goes to sleep (JDK's AbstractQueuedSynchronizer), which is per
 * idle period, not per decision; benchmarks/RESULTS.md reports both.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AllocationPerDecisionTest {
    private static final int WARM_UP = 200_000;
    private static final int MEASURED = 200_000;
    // each forwarded request passes the ring twice and a test thread plays the network: fewer, to fit the timeout
    private static final int UPSTREAM_WARM_UP = 60_000;
    private static final int UPSTREAM_MEASURED = 60_000;

    @ParameterizedTest
    @EnumSource(ThreadLayout.class)
    void decidingAndAnsweringAllocatesNothingPerDecision(final ThreadLayout layout) {
        final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
        final InMemoryBlocklist blocklist = new InMemoryBlocklist().block("5555555555554444", BlockReason.LOST);
        final AtomicLong answered = new AtomicLong();
        final DecisionListener listener = event -> answered.lazySet(answered.get() + 1);
        final CardToken token = new CardToken();
        new TestTokenizer().tokenize("4111111111111111", token);
        try (AuthorizationEngine engine = TestEngines.launch(blocklist, settings -> settings
            .engineName("allocation-" + layout.configName()).waitStrategy(WaitStrategyType.YIELDING)
            .threadLayout(layout))) {
            submit(engine, WARM_UP, token, listener, answered);
            final long[] pipelineThreads = pipelineThreadIds("cardgate-allocation-" + layout.configName() + "-");
            final long producerBefore = threads.getCurrentThreadAllocatedBytes();
            final long[] pipelineBefore = threads.getThreadAllocatedBytes(pipelineThreads);

            submit(engine, MEASURED, token, listener, answered);

            final long producerBytes = threads.getCurrentThreadAllocatedBytes() - producerBefore;
            final long[] pipelineAfter = threads.getThreadAllocatedBytes(pipelineThreads);
            long pipelineBytes = 0;
            for (int i = 0; i < pipelineThreads.length; i++) {
                pipelineBytes += pipelineAfter[i] - pipelineBefore[i];
            }
            final int expected = layout == ThreadLayout.THREAD_PER_STAGE ? 3 : 2;
            assertTrue(pipelineThreads.length == expected, "expected " + (expected == 3
                ? "decision, reply and metrics threads" : "pipeline and metrics threads"));
            final double bytesPerDecision = (double)(producerBytes + pipelineBytes) / MEASURED;
            assertTrue(bytesPerDecision < 0.1, "allocated " + producerBytes + " B on the producer and "
                + pipelineBytes + " B on the pipeline threads over " + MEASURED + " decisions");
        }
    }

    /**
     * With the link up every approval is forwarded, and its outcome (the network's approval, from
     * the link's thread) re-enters the ring and is answered: still nothing allocated per request on
     * the producer and the pipeline threads (the store-and-forward stage's among them).
     */
    @ParameterizedTest
    @EnumSource(ThreadLayout.class)
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void forwardingAndTheNetworksAnswersAllocateNothingPerRequest(final ThreadLayout layout,
        @org.junit.jupiter.api.io.TempDir final java.nio.file.Path dataDirectory) throws InterruptedException {
        final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
        final AtomicLong answered = new AtomicLong();
        final DecisionListener listener = event -> answered.lazySet(answered.get() + 1);
        final CardToken token = new CardToken();
        new TestTokenizer().tokenize("4111111111111111", token);
        final dev.cardgate.engine.upstream.TestUpstreamLink link = new dev.cardgate.engine.upstream.TestUpstreamLink(
            dev.cardgate.engine.upstream.LinkState.UP, 1_024);
        final java.util.concurrent.atomic.AtomicBoolean networkRunning = new java.util.concurrent.atomic.AtomicBoolean(true);
        final Thread network = new Thread(() -> {
            while (networkRunning.get()) {
                final dev.cardgate.engine.event.AuthorizationEvent forwarded = link.pollForwarded();
                if (forwarded == null) {
                    Thread.onSpinWait();
                }
                else {
                    link.answer(forwarded, 0, 4_242);
                }
            }
        }, "test-network");
        network.start();
        final String name = "alloc-upstream-" + layout.configName();
        try (AuthorizationEngine engine = new UpstreamEngines(dataDirectory).launch(link, false, settings -> settings
            .engineName(name).waitStrategy(WaitStrategyType.YIELDING).threadLayout(layout))) {
            submit(engine, UPSTREAM_WARM_UP, token, listener, answered, 0);
            final long[] pipelineThreads = pipelineThreadIds("cardgate-" + name + "-");
            final long producerBefore = threads.getCurrentThreadAllocatedBytes();
            final long[] pipelineBefore = threads.getThreadAllocatedBytes(pipelineThreads);

            submit(engine, UPSTREAM_MEASURED, token, listener, answered, UPSTREAM_WARM_UP);

            final long producerBytes = threads.getCurrentThreadAllocatedBytes() - producerBefore;
            final long[] pipelineAfter = threads.getThreadAllocatedBytes(pipelineThreads);
            long pipelineBytes = 0;
            for (int i = 0; i < pipelineThreads.length; i++) {
                pipelineBytes += pipelineAfter[i] - pipelineBefore[i];
            }
            final int expected = layout == ThreadLayout.THREAD_PER_STAGE ? 4 : 2;
            assertTrue(pipelineThreads.length == expected, "expected " + (expected == 4
                ? "decision, saf, reply and metrics threads" : "pipeline and metrics threads"));
            assertTrue(engine.counters().value(dev.cardgate.engine.upstream.UpstreamFlowCounter.NETWORK_APPROVALS)
                >= UPSTREAM_WARM_UP + UPSTREAM_MEASURED);
            final double bytesPerDecision = (double)(producerBytes + pipelineBytes) / UPSTREAM_MEASURED;
            assertTrue(bytesPerDecision < 0.1, "allocated " + producerBytes + " B on the producer and "
                + pipelineBytes + " B on the pipeline threads over " + UPSTREAM_MEASURED + " forwarded requests "
                + perThread(pipelineThreads, pipelineBefore, pipelineAfter));
        }
        finally {
            networkRunning.set(false);
            network.join();
        }
    }

    private static void submit(final AuthorizationEngine engine, final int count, final CardToken token,
        final DecisionListener listener, final AtomicLong answered) {
        submit(engine, count, token, listener, answered, 0);
    }

    /** Requests with STANs from {@code firstStan}: new STANs are not duplicates, so each is forwarded. */
    private static void submit(final AuthorizationEngine engine, final int count, final CardToken token,
        final DecisionListener listener, final AtomicLong answered, final int firstStan) {
        final long target = answered.get() + count;
        for (int i = 0; i < count; i++) {
            long sequence;
            while ((sequence = engine.tryClaim()) < 0) {
                Thread.onSpinWait();
            }
            TestEngines.fill(engine.claimedEvent(sequence), firstStan + i).cardToken(token).listener(listener);
            engine.publish(sequence);
        }
        while (answered.get() < target) {
            Thread.onSpinWait();
        }
    }

    private static String perThread(final long[] ids, final long[] before, final long[] after) {
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < ids.length; i++) {
            for (final Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getId() == ids[i]) {
                    text.append(thread.getName()).append('=').append(after[i] - before[i]).append(' ');
                }
            }
        }
        return text.toString();
    }

    private static long[] pipelineThreadIds(final String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
            .filter(thread -> thread.getName().startsWith(prefix))
            .mapToLong(Thread::getId)
            .toArray();
    }
}
