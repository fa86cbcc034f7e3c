package dev.cardgate.benchmarks.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jpos.iso.BaseChannel;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.channel.ASCIIChannel;
import org.jpos.iso.channel.NACChannel;
import org.jpos.iso.packager.ISO87APackager;
import org.jpos.iso.packager.ISO87BPackager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JposBaselineServerTest {
    private static final Clock NOVEMBER_2026 = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    private static final String CLEAN = "4111111111111111";
    private static final String STOLEN = "5555555555554444";
    private static final String BAD_LUHN = "4111111111111112";

    @Test
    void decidesLikeATypicalJposHostOverAsciiChannel() throws Exception {
        final int port = freePort();
        try (JposBaselineServer ignored = JposBaselineServer.start(port, JposBaselineServer.Framing.ASCII_4, false,
            Set.of(BaselineAuthorizationListener.sha256(STOLEN)), NOVEMBER_2026, 4)) {
            final BaseChannel client = connect(new ASCIIChannel("127.0.0.1", port, new ISO87APackager()));
            try {
                assertEquals("00", answer(client, CLEAN, "2812", 1));
                assertEquals("43", answer(client, STOLEN, "2812", 2));
                assertEquals("14", answer(client, BAD_LUHN, "2812", 3));
                assertEquals("54", answer(client, CLEAN, "2610", 4));
            } finally {
                client.disconnect();
            }
        }
    }

    @Test
    void speaksBinaryDialectWithTpduOverNacChannel() throws Exception {
        final int port = freePort();
        try (JposBaselineServer ignored = JposBaselineServer.start(port, JposBaselineServer.Framing.BINARY_2_TPDU, true,
            Set.of(), NOVEMBER_2026, 4)) {
            final byte[] tpdu = {0x60, 0x00, 0x00, 0x00, 0x01};
            final BaseChannel client = connect(new NACChannel("127.0.0.1", port, new ISO87BPackager(), tpdu));
            try {
                assertEquals("00", answer(client, CLEAN, "2812", 7));
            } finally {
                client.disconnect();
            }
        }
    }

    private static BaseChannel connect(final BaseChannel client) throws InterruptedException {
        // the server binds on its own thread; retry until it listens
        for (int attempt = 0; ; attempt++) {
            try {
                client.connect();
                return client;
            } catch (final IOException notYet) {
                if (attempt == 100) {
                    throw new IllegalStateException("baseline server never listened", notYet);
                }
                Thread.sleep(50);
            }
        }
    }

    private static String answer(final BaseChannel client, final String pan, final String expiry, final int stan)
        throws ISOException, IOException {
        final ISOMsg request = new ISOMsg("0100");
        request.set(2, pan);
        request.set(3, "000000");
        request.set(4, "000000001000");
        request.set(11, String.format("%06d", stan));
        request.set(14, expiry);
        request.set(41, "TERM0001");
        client.send(request);
        final ISOMsg response = client.receive();
        assertEquals("0110", response.getMTI());
        assertEquals(request.getString(11), response.getString(11));
        return response.getString(39);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
