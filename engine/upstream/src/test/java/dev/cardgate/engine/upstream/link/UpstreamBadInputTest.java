package dev.cardgate.engine.upstream.link;

import static dev.cardgate.engine.upstream.link.RecordingListener.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Timeout;

import dev.cardgate.engine.config.UpstreamConfiguration;
import dev.cardgate.engine.upstream.LinkState;
import dev.cardgate.engine.upstream.UpstreamOutcome;
import dev.cardgate.engine.upstream.simulator.IssuerSimulator;
import dev.cardgate.engine.upstream.simulator.Misbehaviour;

/**
 * Each kind of bad answer from upstream is counted, logged once (however many arrive within a
 * second), and does not disturb a good request in flight beside it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UpstreamBadInputTest {
    private static final String BAD_CARD = "4000000000000002";
    private static final int BAD_ANSWERS = 5;
    // held, since java.util.logging keeps loggers only weakly: a handler on a collected one hears nothing
    private static final Logger LINK_LOG = Logger.getLogger("dev.cardgate.engine.upstream");

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final Handler capture = new Handler() {
        @Override
        public void publish(final LogRecord record) {
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureTheLog() {
        LINK_LOG.addHandler(capture);
    }

    @AfterEach
    void releaseTheLog() {
        LINK_LOG.removeHandler(capture);
    }

    @ParameterizedTest
    @EnumSource(Misbehaviour.class)
    void isCountedLoggedOnceAndDisturbsNoOtherRequest(final Misbehaviour misbehaviour) throws Exception {
        try (IssuerSimulator simulator = LinkFixture.simulator();
             // the timeouts the bad answers leave are not the subject: keep the breaker out of it
             LinkFixture fixture = new LinkFixture(LinkFixture.endpoint(simulator),
                 upstream -> upstream.set(UpstreamConfiguration.BREAKER_TIMEOUTS, 1000)).start()) {
            simulator.rules().misbehave("0002", misbehaviour);
            fixture.listener.awaitState(LinkState.UP);
            for (int stan = 1; stan <= BAD_ANSWERS; stan++) {
                assertTrue(fixture.link.forward(TestRequests.request(100, BAD_CARD, stan, 100, "TERM0001")));
            }
            assertTrue(fixture.link.forward(TestRequests.authorization(99, 100)));
            final UpstreamCounter counter = counterOf(misbehaviour);
            RecordingListener.await(() -> fixture.count(counter) == BAD_ANSWERS, BAD_ANSWERS + " counted as " + counter);

            final List<RecordingListener.Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i <= BAD_ANSWERS; i++) {
                outcomes.add(next(fixture.listener.outcomes));
            }
            final RecordingListener.Outcome good = outcomes.stream().filter(o -> o.correlationId() == 99).findFirst()
                .orElseThrow();
            assertEquals(UpstreamOutcome.ANSWERED, good.outcome(), "the good request beside them was answered");
            assertEquals(0, good.responseCode());
            assertEquals(BAD_ANSWERS, outcomes.stream().filter(o -> o.outcome() == UpstreamOutcome.TIMED_OUT).count(),
                "a bad answer is not believed: its request times out");
            final String phrase = phraseOf(misbehaviour);
            assertEquals(1, lines.stream().filter(line -> line.contains(phrase)).count(),
                "logged once: " + lines);
            assertEquals(LinkState.UP, fixture.link.state(), "bad answers do not take the link down");
        }
    }

    private static UpstreamCounter counterOf(final Misbehaviour misbehaviour) {
        switch (misbehaviour) {
            case GARBAGE:
                return UpstreamCounter.ANSWERS_UNDECODABLE;
            case WRONG_AMOUNT:
                return UpstreamCounter.ANSWERS_AMOUNT_CONTRADICTS;
            case WRONG_CARD:
                return UpstreamCounter.ANSWERS_CARD_CONTRADICTS;
            default:
                return UpstreamCounter.ANSWERS_TO_NOTHING;
        }
    }

    private static String phraseOf(final Misbehaviour misbehaviour) {
        switch (misbehaviour) {
            case GARBAGE:
                return "does not decode";
            case WRONG_AMOUNT:
                return "field 4 is not its request's amount";
            case WRONG_CARD:
                return "card does not end in its request's last four";
            default:
                return "matches no request in flight";
        }
    }
}
