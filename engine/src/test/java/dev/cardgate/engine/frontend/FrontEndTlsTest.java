package dev.cardgate.engine.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.jpos.iso.ISOMsg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.AuthorizationEngine;
import dev.cardgate.engine.config.FrontEndConfiguration;
import dev.cardgate.engine.config.TlsClientAuth;

/**
 * TLS on the front-end with certificates made at test time: a terminal that trusts the server is
 * answered over TLS; with mutual TLS a terminal presenting a trusted certificate is answered and
 * one without a certificate is refused in the handshake.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FrontEndTlsTest {
    @TempDir
    static Path folder;

    private static AuthorizationEngine engine;
    private static TestCertificates server;
    private static TestCertificates terminal;

    @BeforeAll
    static void setUp() throws Exception {
        server = TestCertificates.generate(folder, "server");
        terminal = TestCertificates.generate(folder, "TERM0001");
        server.writeCertificatePem(folder.resolve("server.pem"));
        server.writePrivateKeyPem(folder.resolve("server-key.pem"));
        terminal.writeCertificatePem(folder.resolve("trusted-terminals.pem"));
        engine = TestFrontEnds.launchEngine(folder.resolve("data"));
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    @Test
    void terminalIsAnsweredOverTls() throws Exception {
        try (FrontEnd frontEnd = FrontEnd.start(engine, tls(TlsClientAuth.NONE));
            RawTerminal connection = connect(frontEnd, terminal.clientContext(server, false))) {
            assertApproved(connection, 1);
        }
    }

    @Test
    void mutualTlsAnswersATerminalWithATrustedCertificateAndRefusesOneWithout() throws Exception {
        try (FrontEnd frontEnd = FrontEnd.start(engine, tls(TlsClientAuth.REQUIRE))) {
            try (RawTerminal trusted = connect(frontEnd, terminal.clientContext(server, true))) {
                assertApproved(trusted, 2);
            }
            assertThrows(IOException.class, () -> {
                try (RawTerminal anonymous = connect(frontEnd, terminal.clientContext(server, false))) {
                    assertApproved(anonymous, 3);
                }
            });
        }
    }

    @Test
    void plainTcpTerminalIsNotAnsweredByATlsFrontEnd() throws Exception {
        try (FrontEnd frontEnd = FrontEnd.start(engine, tls(TlsClientAuth.NONE));
            RawTerminal plain = new RawTerminal(frontEnd.localAddress())) {
            plain.send(RawTerminal.frame(JposMessages.authorization(TestFrontEnds.CLEAN_CARD, 4)));
            assertEquals(true, plain.closedByServerWithin(5_000));
        }
    }

    private static FrontEndConfiguration tls(final TlsClientAuth clientAuth) {
        return TestFrontEnds.frontEnd(settings -> settings.tlsEnabled(true)
            .tlsCertificate(folder.resolve("server.pem"))
            .tlsPrivateKey(folder.resolve("server-key.pem"))
            .tlsClientAuth(clientAuth)
            .tlsTrustedCertificates(folder.resolve("trusted-terminals.pem")));
    }

    private static RawTerminal connect(final FrontEnd frontEnd, final SSLContext context) throws IOException {
        final InetSocketAddress address = frontEnd.localAddress();
        final SSLSocket socket = (SSLSocket)context.getSocketFactory().createSocket(address.getHostString(),
            address.getPort());
        socket.setSoTimeout(10_000);
        socket.startHandshake();
        return new RawTerminal(socket);
    }

    private static void assertApproved(final RawTerminal connection, final int stan) throws Exception {
        connection.send(RawTerminal.frame(JposMessages.authorization(TestFrontEnds.CLEAN_CARD, stan)));
        final ISOMsg answer = connection.receive();
        assertEquals("00", answer.getString(39));
        assertEquals(String.format("%06d", stan), answer.getString(11));
    }
}
