package dev.cardgate.engine.upstream.link;

import static dev.cardgate.engine.upstream.link.RecordingListener.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.ISOServer;
import org.jpos.iso.ISOSource;
import org.jpos.iso.channel.ASCIIChannel;
import org.jpos.iso.packager.ISO87APackager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.AuthorizationIds;
import dev.cardgate.engine.upstream.LinkState;
import dev.cardgate.engine.upstream.UpstreamOutcome;

/**
 * jPOS as the network: an {@link ISOServer} on an {@code ASCIIChannel} with {@code
 * ISO87APackager} (the link's default dialect and framing) answers sign-on, authorizations and
 * advices, so that the link's messages are read, and its answers written, by another stack.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JposUpstreamPeerTest {
    /** The card whose authorizations the jPOS issuer leaves unanswered. */
    private static final String SILENT_CARD = "4000000000000002";

    private final List<ISOMsg> received = new CopyOnWriteArrayList<>();
    private ISOServer server;
    private Thread serverThread;
    private int port;

    @BeforeEach
    void startJposIssuer() throws Exception {
        try (ServerSocket reserved = new ServerSocket(0)) {
            port = reserved.getLocalPort();
        }
        server = new ISOServer(port, new ASCIIChannel(new ISO87APackager()), null);
        server.addISORequestListener(this::answer);
        serverThread = new Thread(server, "jpos-issuer");
        serverThread.setDaemon(true);
        serverThread.start();
    }

    @AfterEach
    void stopJposIssuer() throws InterruptedException {
        server.shutdown();
        serverThread.join(5000);
    }

    private boolean answer(final ISOSource source, final ISOMsg request) {
        try {
            received.add(request);
            if (SILENT_CARD.equals(request.getString(2)) && "0100".equals(request.getMTI())) {
                return true;
            }
            final ISOMsg response = (ISOMsg)request.clone();
            response.setResponseMTI();
            response.unset(new int[] {14, 18, 22, 52, 90});
            if ("0110".equals(response.getMTI())) {
                response.set(38, "JP0S42");
            }
            response.set(39, "00");
            source.send(response);
        }
        catch (final ISOException | java.io.IOException failed) {
            throw new IllegalStateException(failed);
        }
        return true;
    }

    private LinkFixture startLink() throws InterruptedException {
        final LinkFixture fixture = new LinkFixture("127.0.0.1:" + port, upstream -> { }).start();
        fixture.listener.awaitState(LinkState.UP);
        return fixture;
    }

    @Test
    void jposApprovesAForwardedAuthorization() throws Exception {
        try (LinkFixture fixture = startLink()) {
            assertTrue(fixture.link.forward(TestRequests.authorization(31, 2500)));
            final RecordingListener.Outcome outcome = next(fixture.listener.outcomes);
            assertEquals(UpstreamOutcome.ANSWERED, outcome.outcome());
            assertEquals(0, outcome.responseCode());
            assertEquals("JP0S42", AuthorizationIds.toString(outcome.authorizationId()));
            final ISOMsg signOn = received.get(0);
            assertEquals("0800", signOn.getMTI());
            assertEquals("001", signOn.getString(70));
            final ISOMsg forwarded = received.get(1);
            assertEquals("0100", forwarded.getMTI());
            assertEquals(String.format("%06d", outcome.upstreamStan()), forwarded.getString(11));
            assertEquals(forwarded.getString(37).substring(6), forwarded.getString(11), "field 37 ends in field 11");
            assertEquals("000000002500", forwarded.getString(4));
            assertEquals(TestRequests.PAN, forwarded.getString(2), "the network gets the card as the terminal sent it");
            assertEquals("TERM0001", forwarded.getString(41));
        }
    }

    @Test
    void jposLeavesARequestUnansweredAndItTimesOut() throws Exception {
        try (LinkFixture fixture = startLink()) {
            assertTrue(fixture.link.forward(TestRequests.request(100, SILENT_CARD, 32, 100, "TERM0001")));
            final RecordingListener.Outcome outcome = next(fixture.listener.outcomes);
            assertEquals(UpstreamOutcome.TIMED_OUT, outcome.outcome());
            assertEquals(1, fixture.count(UpstreamCounter.TIMEOUTS));
        }
    }

    @Test
    void jposAcknowledgesAnAdvice() throws Exception {
        try (LinkFixture fixture = startLink()) {
            final AuthorizationEvent standIn = TestRequests.authorization(33, 900);
            standIn.approve(4242, System.currentTimeMillis());
            assertTrue(fixture.link.sendStored(standIn, 120, 12));
            assertEquals(new RecordingListener.Stored(12, 0), next(fixture.listener.storedAnswered));
            final ISOMsg advice = received.get(received.size() - 1);
            assertEquals("0120", advice.getMTI());
            assertEquals(AuthorizationIds.toString(4242), advice.getString(38), "the stand-in's own field 38");
            assertEquals("00", advice.getString(39));
        }
    }
}
