package dev.cardgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.cardgate.engine.blocklist.BlockReason;
import dev.cardgate.engine.config.ThreadLayout;
import dev.cardgate.engine.config.WaitStrategyType;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionListener;
import dev.cardgate.engine.token.CardToken;

/**
 * Every wait strategy and thread layout answers every request exactly once, correctly, with
 * several producers racing for a small ring through the non-blocking claim.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PipelineRoundTripTest {
    private static final int PRODUCERS = 2;
    private static final int REQUESTS_PER_PRODUCER = 5_000;

    static List<Arguments> layouts() {
        final List<Arguments> layouts = new ArrayList<>();
        for (final WaitStrategyType waitStrategy : WaitStrategyType.values()) {
            for (final ThreadLayout threadLayout : ThreadLayout.values()) {
                layouts.add(Arguments.of(waitStrategy, threadLayout));
            }
        }
        return layouts;
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void answersEveryRequestExactlyOnceWithTheRightCode(final WaitStrategyType waitStrategy,
        final ThreadLayout threadLayout) throws InterruptedException {
        final InMemoryBlocklist blocklist = new InMemoryBlocklist().block("5555555555554444", BlockReason.STOLEN);
        final int total = PRODUCERS * REQUESTS_PER_PRODUCER;
        final AtomicIntegerArray answers = new AtomicIntegerArray(total);
        final AtomicLong wrongCodes = new AtomicLong();
        final DecisionListener listener = event -> {
            final int expected = event.correlationId() % 3 == 0 ? 43 : 0;
            if (event.responseCode() != expected) {
                wrongCodes.incrementAndGet();
            }
            answers.incrementAndGet((int)event.correlationId());
        };
        final CardToken blocked = tokenOf("5555555555554444");
        final CardToken clean = tokenOf("4111111111111111");
        try (AuthorizationEngine engine = TestEngines.launch(blocklist, settings -> settings
            .ringSize(64).waitStrategy(waitStrategy).threadLayout(threadLayout))) {
            final List<Thread> producers = new ArrayList<>();
            for (int p = 0; p < PRODUCERS; p++) {
                final int first = p * REQUESTS_PER_PRODUCER;
                final Thread producer = new Thread(() -> {
                    for (int id = first; id < first + REQUESTS_PER_PRODUCER; id++) {
                        long sequence;
                        while ((sequence = engine.tryClaim()) < 0) {
                            Thread.yield();
                        }
                        final AuthorizationEvent event = engine.claimedEvent(sequence);
                        TestEngines.fill(event, id).cardToken(id % 3 == 0 ? blocked : clean).listener(listener).correlationId(id);
                        engine.publish(sequence);
                    }
                });
                producers.add(producer);
                producer.start();
            }
            for (final Thread producer : producers) {
                producer.join();
            }
        }
        for (int id = 0; id < total; id++) {
            assertEquals(1, answers.get(id), "request " + id + " answered " + answers.get(id) + " times");
        }
        assertEquals(0, wrongCodes.get());
        assertTrue(total > 0);
    }

    private static CardToken tokenOf(final String pan) {
        final CardToken token = new CardToken();
        new TestTokenizer().tokenize(pan, token);
        return token;
    }
}
