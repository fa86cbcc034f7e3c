package dev.cardgate.engine.upstream.link;

import static dev.cardgate.engine.upstream.link.RecordingListener.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.cardgate.engine.config.UpstreamConfiguration;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.upstream.LinkState;
import dev.cardgate.engine.upstream.UpstreamOutcome;
import dev.cardgate.engine.upstream.simulator.IssuerSimulator;
import dev.cardgate.engine.upstream.simulator.ReceivedMessage;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UpstreamLinkForwardingTest {
    @Test
    void signsOnAtConnectBeforeForwarding() throws Exception {
        try (IssuerSimulator simulator = LinkFixture.simulator();
             LinkFixture fixture = new LinkFixture(LinkFixture.endpoint(simulator), upstream -> { }).start()) {
            fixture.listener.awaitState(LinkState.UP);
            final List<ReceivedMessage> received = simulator.received();
            assertEquals(800, received.get(0).messageType(), "the first message is the sign-on");
            assertEquals(1, fixture.count(UpstreamCounter.SIGN_ONS));
            assertTrue(fixture.link.forward(TestRequests.authorization(7, 2500)));
            final RecordingListener.Outcome outcome = next(fixture.listener.outcomes);
            assertEquals(UpstreamOutcome.ANSWERED, outcome.outcome());
            assertEquals(0, outcome.responseCode());
            assertNotEquals(AuthorizationEvent.NO_AUTHORIZATION_ID, outcome.authorizationId(), "the issuer's field 38");
            assertEquals(7, outcome.terminalStan(), "the copy keeps the terminal's field 11");
            final ReceivedMessage sent = simulator.awaitReceived(m -> m.messageType() == 100, 1, RecordingListener.WAIT).get(0);
            assertEquals(outcome.upstreamStan(), sent.stan(), "the network saw the link's own field 11");
        }
    }

    @Test
    void sendsAnEchoWhenTheLinkIsIdle() throws Exception {
        try (IssuerSimulator simulator = LinkFixture.simulator();
             LinkFixture fixture = new LinkFixture(LinkFixture.endpoint(simulator),
                 upstream -> upstream.set(UpstreamConfiguration.ECHO_INTERVAL, Duration.ofMillis(100))).start()) {
            fixture.listener.awaitState(LinkState.UP);
            final List<ReceivedMessage> networkManagement = simulator.awaitReceived(m -> m.messageType() == 800, 3,
                RecordingListener.WAIT);
            assertEquals(3, networkManagement.size(), "a sign-on, then echoes");
            RecordingListener.await(() -> fixture.count(UpstreamCounter.ECHOES_SENT) >= 2, "two echoes");
            assertEquals(0, fixture.count(UpstreamCounter.ECHOES_LOST));
            assertEquals(LinkState.UP, fixture.link.state());
        }
    }

    @Test
    void refusedSignOnLeavesTheLinkDown() throws Exception {
        try (IssuerSimulator simulator = LinkFixture.simulator()) {
            simulator.rules().refuseSignOn(true);
            try (LinkFixture fixture = new LinkFixture(LinkFixture.endpoint(simulator), upstream -> { }).start()) {
                fixture.listener.awaitState(LinkState.DOWN);
                RecordingListener.await(() -> fixture.count(UpstreamCounter.SIGN_ONS_REFUSED) >= 1, "a refused sign-on");
                assertFalse(fixture.link.forward(TestRequests.authorization(1, 100)), "nothing is forwarded while down");
                simulator.rules().refuseSignOn(false);
                fixture.listener.awaitState(LinkState.UP);
            }
        }
    }

    @Test
    void matchesManyOutstandingAnswersToTheirRequests() throws Exception {
        try (IssuerSimulator simulator = LinkFixture.simulator();
             LinkFixture fixture = new LinkFixture(LinkFixture.endpoint(simulator),
                 upstream -> upstream.set(UpstreamConfiguration.TIMEOUT, Duration.ofMillis(5000))).start()) {
            simulator.rules().declineOver(5000).delayMillis(50);
            fixture.listener.awaitState(LinkState.UP);
            final int requests = 200;
            for (int stan = 1; stan <= requests; stan++) {
                assertTrue(fixture.link.forward(TestRequests.authorization(stan, stan * 50L)), "request " + stan);
            }
            final Map<Long, Integer> answers = new HashMap<>();
            final Set<Integer> upstreamStans = new HashSet<>();
            for (int i = 0; i < requests; i++) {
                final RecordingListener.Outcome outcome = next(fixture.listener.outcomes);
                assertEquals(UpstreamOutcome.ANSWERED, outcome.outcome());
                answers.put(outcome.correlationId(), outcome.responseCode());
                upstreamStans.add(outcome.upstreamStan());
            }
            assertEquals(requests, answers.size(), "one answer per request");
            assertEquals(requests, upstreamStans.size(), "each request had its own field 11 upstream");
            for (long stan = 1; stan <= requests; stan++) {
                assertEquals(stan * 50 > 5000 ? 51 : 0, answers.get(stan), "the answer of request " + stan);
            }
            assertTrue(fixture.count(UpstreamCounter.ANSWERED) >= requests);
        }
    }

    @Test
    void passesIssuerDeclinesThroughWithTheirCodes() throws Exception {
        try (IssuerSimulator simulator = LinkFixture.simulator();
             LinkFixture fixture = new LinkFixture(LinkFixture.endpoint(simulator), upstream -> { }).start()) {
            simulator.rules().list("0004", 14).list("411111******1111", 5);
            fixture.listener.awaitState(LinkState.UP);
            fixture.link.forward(TestRequests.request(100, "4000000000000004", 1, 100, "TERM0001"));
            assertEquals(14, next(fixture.listener.outcomes).responseCode());
            fixture.link.forward(TestRequests.authorization(2, 100));
            final RecordingListener.Outcome declined = next(fixture.listener.outcomes);
            assertEquals(5, declined.responseCode());
            assertEquals(AuthorizationEvent.NO_AUTHORIZATION_ID, declined.authorizationId());
        }
    }

    @Test
    void timesOutThenReportsTheLateApproval() throws Exception {
        try (IssuerSimulator simulator = LinkFixture.simulator();
             LinkFixture fixture = new LinkFixture(LinkFixture.endpoint(simulator), upstream -> { }).start()) {
            fixture.listener.awaitState(LinkState.UP);
            simulator.rules().delayMillis(800);
            assertTrue(fixture.link.forward(TestRequests.authorization(42, 100)));
            final RecordingListener.Outcome timedOut = next(fixture.listener.outcomes);
            assertEquals(UpstreamOutcome.TIMED_OUT, timedOut.outcome());
            assertEquals(-1, timedOut.responseCode());
            final RecordingListener.Outcome late = next(fixture.listener.lateApprovals);
            assertEquals(42, late.correlationId());
            assertEquals(timedOut.upstreamStan(), late.upstreamStan());
            assertNotEquals(AuthorizationEvent.NO_AUTHORIZATION_ID, late.authorizationId());
            assertEquals(1, fixture.count(UpstreamCounter.TIMEOUTS));
            RecordingListener.await(() -> fixture.count(UpstreamCounter.LATE_APPROVALS) == 1, "the late approval counted");
        }
    }

    @Test
    void losingTheConnectionFailsEveryRequestInFlight() throws Exception {
        try (IssuerSimulator simulator = LinkFixture.simulator();
             LinkFixture fixture = new LinkFixture(LinkFixture.endpoint(simulator),
                 upstream -> upstream.set(UpstreamConfiguration.TIMEOUT, Duration.ofMillis(10_000))).start()) {
            fixture.listener.awaitState(LinkState.UP);
            simulator.rules().dropAnswers(true);
            for (int stan = 1; stan <= 5; stan++) {
                assertTrue(fixture.link.forward(TestRequests.authorization(stan, 100)));
            }
            simulator.awaitReceived(m -> m.messageType() == 100, 5, RecordingListener.WAIT);
            simulator.closeConnections();
            final Set<Long> lost = new HashSet<>();
            for (int i = 0; i < 5; i++) {
                final RecordingListener.Outcome outcome = next(fixture.listener.outcomes);
                assertEquals(UpstreamOutcome.LINK_LOST, outcome.outcome());
                lost.add(outcome.correlationId());
            }
            assertEquals(Set.of(1L, 2L, 3L, 4L, 5L), lost);
            simulator.rules().dropAnswers(false);
            fixture.listener.awaitState(LinkState.UP);
            assertTrue(fixture.count(UpstreamCounter.RECONNECTS) >= 1, "it connected again");
        }
    }

    @Test
    void refusesARequestWithoutItsFrame() throws Exception {
        try (IssuerSimulator simulator = LinkFixture.simulator();
             LinkFixture fixture = new LinkFixture(LinkFixture.endpoint(simulator), upstream -> { }).start()) {
            fixture.listener.awaitState(LinkState.UP);
            final AuthorizationEvent embedded = new AuthorizationEvent().messageTypeIndicator(100).amountMinor(100);
            assertFalse(fixture.link.forward(embedded), "an embedded caller's request has no frame to forward");
            assertEquals(1, fixture.count(UpstreamCounter.NOT_FORWARDABLE));
        }
    }
}
