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

    private static void submit(final AuthorizationEngine engine, final int count, final CardToken token,
        final DecisionListener listener, final AtomicLong answered) {
        final long target = answered.get() + count;
        for (int i = 0; i < count; i++) {
            long sequence;
            while ((sequence = engine.tryClaim()) < 0) {
                Thread.onSpinWait();
            }
            TestEngines.fill(engine.claimedEvent(sequence), i).cardToken(token).listener(listener);
            engine.publish(sequence);
        }
        while (answered.get() < target) {
            Thread.onSpinWait();
        }
    }

    private static long[] pipelineThreadIds(final String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
            .filter(thread -> thread.getName().startsWith(prefix))
            .mapToLong(Thread::getId)
            .toArray();
    }
}
