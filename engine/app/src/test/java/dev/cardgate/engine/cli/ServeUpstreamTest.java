package dev.cardgate.engine.cli;

import static dev.cardgate.engine.cli.UpstreamHost.WAIT;
import static dev.cardgate.engine.cli.UpstreamHost.authorization;
import static dev.cardgate.engine.cli.UpstreamHost.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jpos.iso.ISOMsg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.config.Setting;
import dev.cardgate.engine.config.StandInConfiguration;
import dev.cardgate.engine.config.UpstreamConfiguration;
import dev.cardgate.engine.event.DecisionReason;
import dev.cardgate.engine.journal.JournalQuery;
import dev.cardgate.engine.journal.JournalReader;
import dev.cardgate.engine.upstream.OutcomeKind;
import dev.cardgate.engine.upstream.UpstreamFlowCounter;
import dev.cardgate.engine.upstream.simulator.IssuerSimulator;
import dev.cardgate.engine.upstream.simulator.ReceivedMessage;

/**
 * The upstream flow end to end, over real sockets, as serve wires it: jPOS terminals, the
 * front-end, the engine, the link and issuer simulators on loopback.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ServeUpstreamTest {
    private static final String CARD = "4111111111111111";
    private static final String MERCHANT = "MERCHANT0000001";

    @TempDir
    Path folder;

    @Test
    void aCleanRequestIsForwardedAndTheTerminalGetsTheIssuersAnswerIncludingItsDeclines() throws Exception {
        try (IssuerSimulator issuer = UpstreamHost.simulator(0);
             UpstreamHost host = UpstreamHost.start(folder.resolve("data"), UpstreamHost.endpoint(issuer), Map.of());
             UpstreamHost.Terminal terminal = host.terminal()) {
            issuer.rules().declineOver(100_000).list("5100", 5);
            await(() -> host.count(UpstreamFlowCounter.STAND_IN_ACTIVE) == 0, "the link up");

            final ISOMsg approved = terminal.exchange(authorization(CARD, 1, 2_500, "TERM0001", MERCHANT));
            assertEquals("00", approved.getString(39));
            final ReceivedMessage forwarded = issuer.awaitReceived(m -> m.messageType() == 100, 1, WAIT).get(0);
            assertEquals(2_500, forwarded.amountMinor());
            assertEquals("411111******1111", forwarded.maskedPan(), "the network saw the request, masked here");
            assertEquals(0, forwarded.answeredWith());

            assertEquals("51", terminal.exchange(authorization(CARD, 2, 150_000, "TERM0001", MERCHANT)).getString(39),
                "the issuer's 51 passed through");
            assertEquals("05", terminal.exchange(authorization("5105105105105100", 3, 2_500, "TERM0001", MERCHANT))
                .getString(39), "the issuer's 05 for a listed card");

            final ISOMsg expired = authorization(CARD, 4, 2_500, "TERM0001", MERCHANT);
            expired.set(14, "2001");
            assertEquals("54", terminal.exchange(expired).getString(39), "a local decline is answered at once");
            assertEquals(3, issuer.received().stream().filter(m -> m.messageType() == 100).count(),
                "the expired card was never forwarded");
            assertEquals(2, host.count(UpstreamFlowCounter.NETWORK_DECLINES));
        }
        final Map<Integer, Journaled> journaled = journal(folder.resolve("data"));
        assertEquals(OutcomeKind.NETWORK_ANSWER, journaled.get(1).outcome());
        assertEquals(51, journaled.get(2).responseCode());
        assertEquals(OutcomeKind.LOCAL, journaled.get(4).outcome());
    }

    @Test
    void withTheLinkDownAtStartItStandsInFromTheFirstRequestThenSendsTheAdvicesInOrderOnce() throws Exception {
        final int port = UpstreamHost.closedPort();
        try (UpstreamHost host = UpstreamHost.start(folder.resolve("data"), "127.0.0.1:" + port, Map.of());
             UpstreamHost.Terminal terminal = host.terminal()) {
            for (int stan = 1; stan <= 3; stan++) {
                final ISOMsg answer = terminal.exchange(authorization(CARD, stan, 1_000 + stan, "TERM0001", MERCHANT));
                assertEquals("00", answer.getString(39), "stand-in approval under the floor limit");
            }
            assertEquals("91", terminal.exchange(authorization(CARD, 4, 6_000, "TERM0001", MERCHANT)).getString(39),
                "over the 5000 floor limit");
            assertEquals(3, host.count(UpstreamFlowCounter.STAND_IN_APPROVALS));
            assertEquals(3, host.count(UpstreamFlowCounter.SAF_DEPTH));

            try (IssuerSimulator issuer = UpstreamHost.simulator(port)) {
                final List<ReceivedMessage> advices = issuer.awaitReceived(m -> m.messageType() == 120, 3, WAIT);
                assertEquals(List.of(1_001L, 1_002L, 1_003L), advices.stream().map(ReceivedMessage::amountMinor).toList(),
                    "the advices in the order of the approvals");
                await(() -> host.count(UpstreamFlowCounter.SAF_ACKED) == 3, "three advices acknowledged");
                assertEquals(0, host.count(UpstreamFlowCounter.SAF_DEPTH));
                assertEquals("00", terminal.exchange(authorization(CARD, 5, 2_000, "TERM0001", MERCHANT))
                    .getString(39));
                assertEquals(1, issuer.awaitReceived(m -> m.messageType() == 100, 1, WAIT).size(),
                    "forwarded again once the link is up");
                assertEquals(3, issuer.received().stream().filter(m -> m.messageType() == 120 || m.messageType() == 121)
                    .count(), "no advice sent twice");
            }
        }
        final Map<Integer, Journaled> journaled = journal(folder.resolve("data"));
        assertEquals(OutcomeKind.STAND_IN_APPROVAL, journaled.get(1).outcome());
        assertEquals(DecisionReason.STAND_IN_LIMIT, journaled.get(4).reason());
    }

    @Test
    void eachStandInLimitDeclinesWith91OnceReached() throws Exception {
        final Map<Setting<?>, String> limits = new HashMap<>();
        limits.put(StandInConfiguration.FLOOR_LIMIT, "250");
        limits.put(StandInConfiguration.CARD_CAP, "400");
        limits.put(StandInConfiguration.TERMINAL_CAP, "600");
        limits.put(StandInConfiguration.MERCHANT_CAP, "800");
        limits.put(StandInConfiguration.EXPOSURE_BUDGET, "1000");
        try (UpstreamHost host = UpstreamHost.start(folder.resolve("data"), "127.0.0.1:" + UpstreamHost.closedPort(),
            limits); UpstreamHost.Terminal terminal = host.terminal()) {
            final List<String> answers = new ArrayList<>();
            final String[][] requests = {
                {"4111111111111111", "300", "TERM0001", "MERCHANT0000001"},   // floor: 300 > 250
                {"4111111111111111", "200", "TERM0001", "MERCHANT0000001"},
                {"4111111111111111", "200", "TERM0001", "MERCHANT0000001"},   // card at 400
                {"4111111111111111", "1", "TERM0001", "MERCHANT0000001"},     // card cap
                {"5105105105105100", "200", "TERM0001", "MERCHANT0000001"},   // terminal at 600
                {"4242424242424242", "1", "TERM0001", "MERCHANT0000001"},     // terminal cap
                {"5555555555554444", "200", "TERM0002", "MERCHANT0000001"},   // merchant at 800
                {"4012888888881881", "1", "TERM0003", "MERCHANT0000001"},     // merchant cap
                {"378282246310005", "200", "TERM0004", "MERCHANT0000002"},    // exposure at 1000
                {"6011111111111117", "1", "TERM0005", "MERCHANT0000003"},     // exposure budget
            };
            int stan = 1;
            for (final String[] request : requests) {
                answers.add(terminal.exchange(authorization(request[0], stan++, Long.parseLong(request[1]), request[2],
                    request[3])).getString(39));
            }
            assertEquals(List.of("91", "00", "00", "91", "00", "91", "00", "91", "00", "91"), answers);
            assertEquals(1, host.count(UpstreamFlowCounter.STAND_IN_FLOOR_LIMIT_EXCEEDED));
            assertEquals(1, host.count(UpstreamFlowCounter.STAND_IN_CARD_CAP_REACHED));
            assertEquals(1, host.count(UpstreamFlowCounter.STAND_IN_TERMINAL_CAP_REACHED));
            assertEquals(1, host.count(UpstreamFlowCounter.STAND_IN_MERCHANT_CAP_REACHED));
            assertEquals(1, host.count(UpstreamFlowCounter.STAND_IN_BUDGET_REACHED));
            assertEquals(1_000, host.count(UpstreamFlowCounter.STAND_IN_EXPOSURE));
        }
    }

    @Test
    void aSlowIssuerTimesOutWithA91AndTheLateApprovalIsReversed() throws Exception {
        try (IssuerSimulator issuer = UpstreamHost.simulator(0);
             UpstreamHost host = UpstreamHost.start(folder.resolve("data"), UpstreamHost.endpoint(issuer), Map.of());
             UpstreamHost.Terminal terminal = host.terminal()) {
            await(() -> host.count(UpstreamFlowCounter.STAND_IN_ACTIVE) == 0, "the link up");
            issuer.rules().delayMillis(800);    // twice upstream.timeout.ms, well inside the late-answer window
            assertEquals("91", terminal.exchange(authorization(CARD, 1, 2_500, "TERM0001", MERCHANT)).getString(39));
            final int sent = issuer.awaitReceived(m -> m.messageType() == 100, 1, WAIT).get(0).stan();
            issuer.rules().delayMillis(0);
            final List<ReceivedMessage> reversals = issuer.awaitReceived(m -> m.messageType() == 420, 1, WAIT);
            assertEquals(1, reversals.size(), "a reversal reached the network: " + issuer.received());
            assertEquals(sent, reversals.get(0).originalStan(), "field 90 names the timed-out request");
            await(() -> host.count(UpstreamFlowCounter.LATE_APPROVALS_REVERSED) == 1, "the late approval reversed");
            await(() -> host.count(UpstreamFlowCounter.SAF_DEPTH) == 0, "the reversal acknowledged");
            assertEquals(1, host.count(UpstreamFlowCounter.TIMEOUTS_ANSWERED));
            assertEquals(1, issuer.received().stream().filter(m -> m.messageType() == 420 || m.messageType() == 421)
                .count(), "one reversal for one timed-out request, late approval or not: " + issuer.received());
        }
    }

    @Test
    void theLinkDroppingWithRequestsInFlightLeavesNoTerminalWaiting() throws Exception {
        final int terminals = 4;
        try (IssuerSimulator issuer = UpstreamHost.simulator(0);
             UpstreamHost host = UpstreamHost.start(folder.resolve("data"), UpstreamHost.endpoint(issuer), Map.of())) {
            await(() -> host.count(UpstreamFlowCounter.STAND_IN_ACTIVE) == 0, "the link up");
            issuer.rules().delayMillis(5_000);
            final List<UpstreamHost.Terminal> channels = new ArrayList<>();
            for (int index = 0; index < terminals; index++) {
                final UpstreamHost.Terminal terminal = host.terminal();
                channels.add(terminal);
                terminal.channel().send(authorization(CARD, 10 + index, 1_000, "TERM000" + index, MERCHANT));
            }
            issuer.awaitReceived(m -> m.messageType() == 100, terminals, WAIT);
            issuer.closeConnections();
            for (final UpstreamHost.Terminal terminal : channels) {
                final String answer = terminal.channel().receive().getString(39);
                assertTrue(answer.equals("91") || answer.equals("00"), "the configured answer, not silence: " + answer);
                terminal.close();
            }
            await(() -> host.count(UpstreamFlowCounter.STAND_IN_ACTIVE) == 0, "the link back up");
        }
    }

    @Test
    void echoLossFailsOverFromThePrimaryToTheSecondary() throws Exception {
        try (IssuerSimulator primary = UpstreamHost.simulator(0);
             IssuerSimulator secondary = UpstreamHost.simulator(0);
             UpstreamHost host = UpstreamHost.start(folder.resolve("data"),
                 UpstreamHost.endpoint(primary) + ", " + UpstreamHost.endpoint(secondary),
                 Map.of(UpstreamConfiguration.ECHO_INTERVAL, "100"));
             UpstreamHost.Terminal terminal = host.terminal()) {
            await(() -> primary.openConnections() == 1 && host.count(UpstreamFlowCounter.STAND_IN_ACTIVE) == 0,
                "signed on to the primary");
            primary.rules().dropEchoes(true);
            await(() -> secondary.openConnections() == 1 && host.count(UpstreamFlowCounter.STAND_IN_ACTIVE) == 0,
                "failed over to the secondary");
            assertEquals("00", terminal.exchange(authorization(CARD, 1, 2_500, "TERM0001", MERCHANT)).getString(39));
            assertEquals(1, secondary.awaitReceived(m -> m.messageType() == 100, 1, WAIT).size());
            assertNotEquals(1, primary.received().stream().filter(m -> m.messageType() == 100).count());
        }
    }

    /** What the journal holds last for one field 11 (a forwarded request's final answer follows its forwarding). */
    record Journaled(OutcomeKind outcome, DecisionReason reason, int responseCode) {
    }

    static Map<Integer, Journaled> journal(final Path dataDirectory) throws Exception {
        final Map<Integer, Journaled> byStan = new HashMap<>();
        new JournalReader(dataDirectory.resolve("journal"), problem -> { throw new AssertionError(problem); })
            .read(JournalQuery.ALL, record -> byStan.put(record.systemTraceAuditNumber(), new Journaled(
                OutcomeKind.fromOrdinal(record.event().outcomeKindOrdinal()), record.reason(), record.responseCode())));
        return byStan;
    }
}
