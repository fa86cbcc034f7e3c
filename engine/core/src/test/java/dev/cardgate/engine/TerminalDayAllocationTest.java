package dev.cardgate.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.sun.management.ThreadMXBean;

import dev.cardgate.engine.batch.TerminalDayCounter;
import dev.cardgate.engine.config.ThreadLayout;
import dev.cardgate.engine.config.WaitStrategyType;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionListener;
import dev.cardgate.engine.event.TerminalTotals;
import dev.cardgate.engine.token.CardToken;

/**
 * The terminal day's messages allocate nothing per message on the producer and the pipeline
 * threads: a cycle of sale, void, refund, offline advice, pre-authorization, completion, batch
 * upload and settlement, over and over, measured with the JVM's per-thread allocation counters
 * after a warm-up (as {@link AllocationPerDecisionTest} does for authorizations).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TerminalDayAllocationTest {
    private static final int WARM_UP = 200_000;
    private static final int MEASURED = 200_000;
    private static final int CYCLE = 8;

    @ParameterizedTest
    @EnumSource(ThreadLayout.class)
    void advicesVoidsUploadsAndSettlementsAllocateNothingPerMessage(final ThreadLayout layout) {
        final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
        final AtomicLong answered = new AtomicLong();
        final DecisionListener listener = event -> answered.lazySet(answered.get() + 1);
        final CardToken token = new CardToken();
        new TestTokenizer().tokenize("4111111111111111", token);
        final String name = "day-" + layout.configName();
        try (AuthorizationEngine engine = TestEngines.launch(new InMemoryBlocklist(), settings -> settings
            .engineName(name).waitStrategy(WaitStrategyType.YIELDING).threadLayout(layout))) {
            submit(engine, 0, WARM_UP, token, listener, answered);
            final long[] pipelineThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("cardgate-" + name + "-")).mapToLong(Thread::getId)
                .toArray();
            final long producerBefore = threads.getCurrentThreadAllocatedBytes();
            final long[] pipelineBefore = threads.getThreadAllocatedBytes(pipelineThreads);

            submit(engine, WARM_UP, MEASURED, token, listener, answered);

            final long producerBytes = threads.getCurrentThreadAllocatedBytes() - producerBefore;
            final long[] pipelineAfter = threads.getThreadAllocatedBytes(pipelineThreads);
            long pipelineBytes = 0;
            for (int i = 0; i < pipelineThreads.length; i++) {
                pipelineBytes += pipelineAfter[i] - pipelineBefore[i];
            }
            assertTrue(pipelineThreads.length >= 2, "found the pipeline and metrics threads");
            final double bytesPerMessage = (double)(producerBytes + pipelineBytes) / MEASURED;
            assertTrue(bytesPerMessage < 0.1, "allocated " + producerBytes + " B on the producer and "
                + pipelineBytes + " B on the pipeline threads over " + MEASURED + " messages");
            assertTrue(engine.counters().value(TerminalDayCounter.VOIDS) > 0, "voids were decided");
            assertTrue(engine.counters().value(TerminalDayCounter.ADVICES) > 0, "advices were decided");
            assertTrue(engine.counters().value(TerminalDayCounter.COMPLETIONS) > 0, "completions were decided");
            assertTrue(engine.counters().value(TerminalDayCounter.SETTLEMENTS_DIFFERED)
                + engine.counters().value(TerminalDayCounter.SETTLEMENTS_AGREED) > 0, "settlements were decided");
        }
    }

    private static void submit(final AuthorizationEngine engine, final int from, final int count,
        final CardToken token, final DecisionListener listener, final AtomicLong answered) {
        final long target = answered.get() + count;
        for (int i = from; i < from + count; i++) {
            long sequence;
            while ((sequence = engine.tryClaim()) < 0) {
                Thread.onSpinWait();
            }
            final AuthorizationEvent event = TestEngines.fill(engine.claimedEvent(sequence), i % 999_999 + 1)
                .transmissionDateTime(i).cardToken(token).listener(listener);
            dayMessage(event, i);
            engine.publish(sequence);
        }
        while (answered.get() < target) {
            Thread.onSpinWait();
        }
    }

    /** Message {@code i % 8} of the cycle; a void and a completion name message 0 and 4 of theirs. */
    private static void dayMessage(final AuthorizationEvent event, final int i) {
        final int first = i - i % CYCLE;
        switch (i % CYCLE) {
            case 0 -> event.messageTypeIndicator(200);
            case 1 -> event.messageTypeIndicator(200).processingCode(20_000)
                .originalDataElements(200, first % 999_999 + 1, first);
            case 2 -> event.messageTypeIndicator(200).processingCode(200_000);
            case 3 -> event.messageTypeIndicator(220);
            case 4 -> event.messageTypeIndicator(100);
            case 5 -> event.messageTypeIndicator(220).originalDataElements(100, (first + 4) % 999_999 + 1, first + 4);
            case 6 -> event.messageTypeIndicator(320);
            default -> event.messageTypeIndicator(500).terminalTotal(TerminalTotals.DEBITS_COUNT, 1)
                .terminalTotal(TerminalTotals.PRESENT, (1L << TerminalTotals.fieldCount()) - 1);
        }
    }
}
