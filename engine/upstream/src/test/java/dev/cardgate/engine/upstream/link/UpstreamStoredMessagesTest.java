package dev.cardgate.engine.upstream.link;

import static dev.cardgate.engine.upstream.link.RecordingListener.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionReason;
import dev.cardgate.engine.upstream.LinkState;
import dev.cardgate.engine.upstream.UpstreamOutcome;
import dev.cardgate.engine.upstream.simulator.IssuerSimulator;
import dev.cardgate.engine.upstream.simulator.ReceivedMessage;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UpstreamStoredMessagesTest {
    @Test
    void anAdviceIsAcknowledged() throws Exception {
        try (IssuerSimulator simulator = LinkFixture.simulator();
             LinkFixture fixture = new LinkFixture(LinkFixture.endpoint(simulator), upstream -> { }).start()) {
            fixture.listener.awaitState(LinkState.UP);
            final AuthorizationEvent standIn = TestRequests.authorization(3, 1500);
            standIn.approve(123_456, System.currentTimeMillis());
            assertTrue(fixture.link.sendStored(standIn, 120, 77));
            assertEquals(new RecordingListener.Stored(77, 0), next(fixture.listener.storedAnswered));
            final ReceivedMessage advice = simulator.awaitReceived(m -> m.messageType() == 120, 1,
                RecordingListener.WAIT).get(0);
            assertFalse(advice.repeat());
            assertEquals(1500, advice.amountMinor());
            assertEquals(1, fixture.count(UpstreamCounter.STORED_ACKNOWLEDGED));
        }
    }

    @Test
    void anUnansweredReversalIsReportedAndItsRepeatCarriesTheRepeatTypeAndTheOriginal() throws Exception {
        try (IssuerSimulator simulator = LinkFixture.simulator();
             LinkFixture fixture = new LinkFixture(LinkFixture.endpoint(simulator), upstream -> { }).start()) {
            fixture.listener.awaitState(LinkState.UP);
            simulator.rules().dropAnswers(true);
            assertTrue(fixture.link.forward(TestRequests.authorization(9, 700)));
            final RecordingListener.Outcome timedOut = next(fixture.listener.outcomes);
            assertEquals(UpstreamOutcome.TIMED_OUT, timedOut.outcome());

            // the engine's copy of the original, as the link reported it: its upstream field 11 included
            final AuthorizationEvent original = TestRequests.authorization(9, 700).upstreamTraceNumber(timedOut.upstreamStan());
            original.decline(DecisionReason.values()[0], 0, 91, System.currentTimeMillis());
            assertTrue(fixture.link.sendStored(original, 420, 5));
            assertEquals(5L, next(fixture.listener.storedUnanswered));

            simulator.rules().dropAnswers(false);
            assertTrue(fixture.link.sendStored(original, 421, 5));
            assertEquals(new RecordingListener.Stored(5, 0), next(fixture.listener.storedAnswered));

            final List<ReceivedMessage> reversals = simulator.awaitReceived(m -> m.messageType() / 100 == 4, 2,
                RecordingListener.WAIT);
            assertEquals(420, reversals.get(0).messageType());
            assertFalse(reversals.get(0).repeat());
            assertEquals(421, reversals.get(1).messageType());
            assertTrue(reversals.get(1).repeat(), "the second attempt is marked a repeat");
            assertEquals(timedOut.upstreamStan(), reversals.get(0).originalStan(), "field 90 names the original as sent");
            assertEquals(timedOut.upstreamStan(), reversals.get(1).originalStan());
            assertEquals(1, fixture.count(UpstreamCounter.STORED_UNANSWERED));
            assertEquals(2, fixture.count(UpstreamCounter.STORED_SENT));
        }
    }
}
