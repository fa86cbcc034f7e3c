package dev.cardgate.engine.upstream.link;

import static dev.cardgate.engine.upstream.link.RecordingListener.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.cardgate.engine.config.UpstreamConfiguration;
import dev.cardgate.engine.upstream.LinkState;
import dev.cardgate.engine.upstream.UpstreamOutcome;
import dev.cardgate.engine.upstream.simulator.IssuerSimulator;
import dev.cardgate.engine.upstream.simulator.IssuerSimulatorSettings;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UpstreamLinkFailoverTest {
    @Test
    void echoLossFailsOverFromPrimaryToSecondaryAndBack() throws Exception {
        try (IssuerSimulator primary = LinkFixture.simulator();
             IssuerSimulator secondary = LinkFixture.simulator();
             LinkFixture fixture = new LinkFixture(LinkFixture.endpoint(primary) + ", " + LinkFixture.endpoint(secondary),
                 upstream -> upstream.set(UpstreamConfiguration.ECHO_INTERVAL, Duration.ofMillis(100))).start()) {
            fixture.listener.awaitState(LinkState.UP);
            assertEquals(primary.port(), fixture.link.currentEndpoint().port(), "the primary first");

            primary.rules().dropEchoes(true);
            RecordingListener.await(() -> fixture.count(UpstreamCounter.ECHOES_LOST) >= 1, "a lost echo");
            fixture.listener.awaitState(LinkState.UP);
            RecordingListener.await(() -> fixture.link.currentEndpoint().port() == secondary.port()
                && fixture.link.state() == LinkState.UP, "signed on to the secondary");
            fixture.link.forward(TestRequests.authorization(1, 100));
            assertEquals(UpstreamOutcome.ANSWERED, next(fixture.listener.outcomes).outcome());
            assertEquals(1, secondary.awaitReceived(m -> m.messageType() == 100, 1, RecordingListener.WAIT).size(),
                "the secondary answered the request");

            primary.rules().dropEchoes(false);
            secondary.rules().dropEchoes(true);
            RecordingListener.await(() -> fixture.link.currentEndpoint().port() == primary.port()
                && fixture.link.state() == LinkState.UP, "back on the primary");
            assertTrue(fixture.count(UpstreamCounter.FAILOVERS) >= 2);
        }
    }

    @Test
    void reconnectsWithABackOffThatGrowsUntilTheNetworkListens() throws Exception {
        final int port;
        try (ServerSocket reserved = new ServerSocket(0)) {
            port = reserved.getLocalPort(); // closed again: nothing listens there for now
        }
        try (LinkFixture fixture = new LinkFixture("127.0.0.1:" + port, upstream -> { }).start()) {
            fixture.listener.awaitState(LinkState.DOWN);
            RecordingListener.await(() -> fixture.count(UpstreamCounter.RECONNECTS) >= 3, "three attempts more");
            assertTrue(fixture.link.reconnectDelayMillis() > 20, "the back-off doubled: " + fixture.link.reconnectDelayMillis());
            assertTrue(fixture.link.reconnectDelayMillis() <= 200, "within upstream.reconnect.max-ms");
            assertFalse(fixture.link.forward(TestRequests.authorization(1, 100)));
            try (IssuerSimulator simulator = new IssuerSimulator(new IssuerSimulatorSettings().port(port))) {
                simulator.start();
                fixture.listener.awaitState(LinkState.UP);
                assertEquals(20, fixture.link.reconnectDelayMillis(), "a sign-on resets the back-off");
            }
        }
    }

    @Test
    void breakerOpensOnTimeoutsInARowAndClosesAfterAProbe() throws Exception {
        try (IssuerSimulator simulator = LinkFixture.simulator();
             LinkFixture fixture = new LinkFixture(LinkFixture.endpoint(simulator), upstream -> upstream
                 .set(UpstreamConfiguration.TIMEOUT, Duration.ofMillis(100))
                 .set(UpstreamConfiguration.BREAKER_TIMEOUTS, 3)
                 .set(UpstreamConfiguration.BREAKER_PROBE_AFTER, Duration.ofMillis(300))).start()) {
            fixture.listener.awaitState(LinkState.UP);
            simulator.rules().dropAnswers(true);
            for (int stan = 1; stan <= 3; stan++) {
                assertTrue(fixture.link.forward(TestRequests.authorization(stan, 100)));
                assertEquals(UpstreamOutcome.TIMED_OUT, next(fixture.listener.outcomes).outcome());
            }
            fixture.listener.awaitState(LinkState.DOWN);
            assertEquals(1, fixture.count(UpstreamCounter.BREAKER_OPENS));
            assertFalse(fixture.link.forward(TestRequests.authorization(4, 100)), "stand-in while the breaker is open");
            fixture.listener.awaitState(LinkState.UP);
            assertTrue(fixture.count(UpstreamCounter.ECHOES_SENT) >= 1, "the probe was an echo");
            simulator.rules().dropAnswers(false);
            assertTrue(fixture.link.forward(TestRequests.authorization(5, 100)));
            assertEquals(UpstreamOutcome.ANSWERED, next(fixture.listener.outcomes).outcome());
        }
    }

    @Test
    void breakerOpensOnSystemErrorsInARow() throws Exception {
        try (IssuerSimulator simulator = LinkFixture.simulator();
             LinkFixture fixture = new LinkFixture(LinkFixture.endpoint(simulator), upstream -> upstream
                 .set(UpstreamConfiguration.BREAKER_SYSTEM_ERRORS, 2)
                 .set(UpstreamConfiguration.BREAKER_PROBE_AFTER, Duration.ofMillis(60_000))).start()) {
            simulator.rules().list("1111", 91);
            fixture.listener.awaitState(LinkState.UP);
            fixture.link.forward(TestRequests.authorization(1, 100));
            assertEquals(91, next(fixture.listener.outcomes).responseCode());
            assertEquals(LinkState.UP, fixture.link.state(), "one 91 is not a run");
            fixture.link.forward(TestRequests.authorization(2, 100));
            assertEquals(91, next(fixture.listener.outcomes).responseCode());
            fixture.listener.awaitState(LinkState.DOWN);
            assertEquals(1, fixture.count(UpstreamCounter.BREAKER_OPENS));
        }
    }
}
