package dev.cardgate.engine.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
 * answered over TLS; with mutual TLS a terminal presenting a trusted certificate is answered for
 * the terminals that certificate names and declined 58 for any other, and the handshake refuses
 * no certificate, a certificate not issued for TLS clients, and the server's own certificate. A
 * private key file others may read is refused at start.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FrontEndTlsTest {
    @TempDir
    static Path folder;

    private static AuthorizationEngine engine;
    private static TestCertificates server;
    private static TestCertificates terminal;
    private static TestCertificates merchant;
    private static TestCertificates notForClients;

    @BeforeAll
    static void setUp() throws Exception {
        // the server's certificate is good for clients too, so only the "own certificate" check refuses it
        server = TestCertificates.generate(folder, "server", "serverAuth,clientAuth", "");
        terminal = TestCertificates.generate(folder, "TERM0001", "clientAuth", "");
        merchant = TestCertificates.generate(folder, "shop", "clientAuth",
            "uri:" + TerminalIdentity.TERMINAL_URI_PREFIX + "TERM0002,uri:" + TerminalIdentity.MERCHANT_URI_PREFIX
                + "MERCHANT0000009");
        // no extended key usage at all: what the JDK's own checks let through
        notForClients = TestCertificates.generate(folder, "TERM0005");
        server.writeCertificatePem(folder.resolve("server.pem"));
        server.writePrivateKeyPem(folder.resolve("server-key.pem"));
        TestCertificates.writeCertificatesPem(folder.resolve("trusted-terminals.pem"), terminal, merchant, notForClients,
            server);
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
            assertEquals("00", answer(connection, 1, "OTHER001", "MERCHANT0000001"), "no client certificate, no identity check");
        }
    }

    @Test
    void mutualTlsAnswersATerminalWithATrustedCertificateAndRefusesOneWithout() throws Exception {
        try (FrontEnd frontEnd = FrontEnd.start(engine, tls(TlsClientAuth.REQUIRE))) {
            try (RawTerminal trusted = connect(frontEnd, terminal.clientContext(server, true))) {
                assertEquals("00", answer(trusted, 2, "TERM0001", "MERCHANT0000001"));
            }
            assertRefused(frontEnd, terminal.clientContext(server, false));
        }
    }

    @Test
    void certificateSpeaksForTheTerminalInItsCommonNameOnly() throws Exception {
        try (FrontEnd frontEnd = FrontEnd.start(engine, tls(TlsClientAuth.REQUIRE));
            RawTerminal connection = connect(frontEnd, terminal.clientContext(server, true))) {
            final long before = engine.counters().value(FrontEndCounter.TERMINAL_NOT_IN_CERTIFICATE);
            assertEquals("58", answer(connection, 11, "OTHER001", "MERCHANT0000001"));
            assertEquals("58", answer(connection, 12, "ZZZZ9999", "MERCHANT0000001"));
            assertEquals(before + 2, engine.counters().value(FrontEndCounter.TERMINAL_NOT_IN_CERTIFICATE));
            assertEquals("00", answer(connection, 13, "TERM0001", "MERCHANT0000001"), "the connection goes on");
        }
    }

    @Test
    void certificateSpeaksForTheTerminalsAndMerchantsInItsAlternativeNames() throws Exception {
        try (FrontEnd frontEnd = FrontEnd.start(engine, tls(TlsClientAuth.REQUIRE));
            RawTerminal connection = connect(frontEnd, merchant.clientContext(server, true))) {
            assertEquals("00", answer(connection, 21, "TERM0002", "MERCHANT0000001"), "a terminal it names");
            assertEquals("00", answer(connection, 22, "TERM0003", "MERCHANT0000009"), "a terminal of a merchant it names");
            assertEquals("58", answer(connection, 23, "TERM0001", "MERCHANT0000001"), "neither");
            assertEquals("58", answer(connection, 24, "shop0000", "MERCHANT0000001"), "its CN names nothing beside its URIs");
        }
    }

    @Test
    void certificateNotIssuedForTlsClientsIsRefusedInTheHandshake() throws Exception {
        try (FrontEnd frontEnd = FrontEnd.start(engine, tls(TlsClientAuth.REQUIRE))) {
            assertRefused(frontEnd, notForClients.clientContext(server, true));
        }
    }

    @Test
    void serversOwnCertificateIsRefusedAsAClientCertificate() throws Exception {
        try (FrontEnd frontEnd = FrontEnd.start(engine, tls(TlsClientAuth.REQUIRE))) {
            assertRefused(frontEnd, server.clientContext(server, true));
        }
    }

    @Test
    void privateKeyOthersMayReadIsRefusedAtStart() throws Exception {
        final Path openKey = server.writePrivateKeyPem(folder.resolve("open-key.pem"));
        Files.setPosixFilePermissions(openKey, PosixFilePermissions.fromString("rw-r--r--"));
        final IllegalStateException refused = assertThrows(IllegalStateException.class,
            () -> FrontEnd.start(engine, TestFrontEnds.frontEnd(settings -> settings.tlsEnabled(true)
                .tlsCertificate(folder.resolve("server.pem"))
                .tlsPrivateKey(openKey))));
        assertTrue(refused.getMessage().contains("rw-r--r--") && refused.getMessage().contains("chmod 600"),
            refused.getMessage());
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

    /** With TLS 1.3 the server judges the client's certificate after the client's handshake ends: the first read fails. */
    private static void assertRefused(final FrontEnd frontEnd, final SSLContext context) {
        assertThrows(IOException.class, () -> {
            try (RawTerminal refused = connect(frontEnd, context)) {
                answer(refused, 3, "TERM0001", "MERCHANT0000001");
            }
        });
    }

    /** Sends an authorization of a clean card for {@code terminalId} and {@code merchantId}; returns field 39. */
    private static String answer(final RawTerminal connection, final int stan, final String terminalId,
        final String merchantId) throws Exception {
        final ISOMsg request = JposMessages.authorization(TestFrontEnds.CLEAN_CARD, stan);
        request.set(41, terminalId);
        request.set(42, merchantId);
        connection.send(RawTerminal.frame(request));
        final ISOMsg answer = connection.receive();
        assertEquals(String.format("%06d", stan), answer.getString(11));
        assertEquals(terminalId, answer.getString(41));
        return answer.getString(39);
    }
}
