package dev.cardgate.engine.cli;

import static dev.cardgate.engine.cli.UpstreamHost.WAIT;
import static dev.cardgate.engine.cli.UpstreamHost.authorization;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.upstream.simulator.IssuerSimulator;
import dev.cardgate.engine.upstream.simulator.ReceivedMessage;

/**
 * {@code kill -9} of serve with stand-in advices queued: the restarted serve sends every one of
 * them once the network listens, in order, none twice. An advice is durable before its terminal
 * hears 00, so an answered stand-in approval is never lost with the process.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServeStoreAndForwardKillTest {
    @TempDir
    Path folder;

    @Test
    void aKill9WithAdvicesQueuedLosesNoneAndTheRestartSendsEachOnce() throws Exception {
        final int networkPort = UpstreamHost.closedPort();
        final Map<String, String> environment = new HashMap<>(UpstreamHost.environment(folder.resolve("data"),
            "127.0.0.1:" + networkPort));
        environment.put("CARDGATE_ENGINE_NAME", "saf-kill");
        try (ServeProcess serve = ServeProcess.start(environment, folder.resolve("first.err"));
             UpstreamHost.Terminal terminal = UpstreamHost.terminal(serve.host, serve.port)) {
            for (int stan = 1; stan <= 3; stan++) {
                assertEquals("00", terminal.exchange(authorization("4111111111111111", stan, 1_000 + stan, "TERM0001",
                    "MERCHANT0000001")).getString(39), "a stand-in approval, the network being unreachable");
            }
            serve.kill();
        }

        try (IssuerSimulator network = UpstreamHost.simulator(networkPort);
             ServeProcess restarted = ServeProcess.start(environment, folder.resolve("second.err"));
             UpstreamHost.Terminal terminal = UpstreamHost.terminal(restarted.host, restarted.port)) {
            final List<ReceivedMessage> advices = network.awaitReceived(m -> m.messageType() == 120, 3, WAIT);
            assertEquals(List.of(1_001L, 1_002L, 1_003L), advices.stream().map(ReceivedMessage::amountMinor).toList(),
                "every advice, in the order of the approvals: " + network.received());
            // a forwarded request answered after the advices: the link has drained what it had to send
            assertEquals("00", terminal.exchange(authorization("5105105105105100", 4, 2_000, "TERM0001",
                "MERCHANT0000001")).getString(39));
            assertEquals(3, network.received().stream().filter(m -> m.messageType() == 120 || m.messageType() == 121)
                .count(), "no advice sent twice: " + network.received());
        }
    }
}
