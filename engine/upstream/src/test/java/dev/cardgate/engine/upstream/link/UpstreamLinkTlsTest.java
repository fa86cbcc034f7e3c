package dev.cardgate.engine.upstream.link;

import static dev.cardgate.engine.upstream.link.RecordingListener.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.config.UpstreamConfiguration;
import dev.cardgate.engine.upstream.LinkState;
import dev.cardgate.engine.upstream.UpstreamOutcome;
import dev.cardgate.engine.upstream.simulator.IssuerSimulator;
import dev.cardgate.engine.upstream.simulator.IssuerSimulatorSettings;

/**
 * TLS toward the network: the link signs on and forwards over TLS to an endpoint whose
 * certificate it trusts, and refuses one it does not. The certificates are made at test time with
 * the JDK's keytool (no key kept in the repository, no library added).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UpstreamLinkTlsTest {
    private static final String PASSWORD = "test-only";

    @TempDir
    Path folder;

    @Test
    void signsOnAndForwardsOverTlsToATrustedEndpoint() throws Exception {
        final Path[] network = certificate("network");
        try (IssuerSimulator simulator = new IssuerSimulator(new IssuerSimulatorSettings().port(0)
                 .tls(network[0], network[1]))) {
            simulator.start();
            try (LinkFixture fixture = new LinkFixture(LinkFixture.endpoint(simulator), upstream -> upstream
                     .set(UpstreamConfiguration.TLS_ENABLED, true)
                     .set(UpstreamConfiguration.TLS_TRUSTED_CERTIFICATES, network[0])).start()) {
                fixture.listener.awaitState(LinkState.UP);
                assertTrue(fixture.link.forward(TestRequests.authorization(5, 100)));
                assertEquals(UpstreamOutcome.ANSWERED, next(fixture.listener.outcomes).outcome());
            }
        }
    }

    @Test
    void refusesAnEndpointWhoseCertificateItDoesNotTrust() throws Exception {
        final Path[] network = certificate("network");
        final Path[] stranger = certificate("stranger");
        try (IssuerSimulator simulator = new IssuerSimulator(new IssuerSimulatorSettings().port(0)
                 .tls(stranger[0], stranger[1]))) {
            simulator.start();
            try (LinkFixture fixture = new LinkFixture(LinkFixture.endpoint(simulator), upstream -> upstream
                     .set(UpstreamConfiguration.TLS_ENABLED, true)
                     .set(UpstreamConfiguration.TLS_TRUSTED_CERTIFICATES, network[0])).start()) {
                fixture.listener.awaitState(LinkState.DOWN);
                RecordingListener.await(() -> fixture.count(UpstreamCounter.RECONNECTS) >= 2, "attempts again");
                assertEquals(0, fixture.count(UpstreamCounter.SIGN_ONS), "never signed on to an untrusted endpoint");
                assertTrue(simulator.received().isEmpty(), "nothing was sent to it");
            }
        }
    }

    /** A self-signed certificate for 127.0.0.1 and its key, as PEM files: {certificate, private key}. */
    private Path[] certificate(final String alias) throws IOException, InterruptedException, GeneralSecurityException {
        final Path store = folder.resolve(alias + ".p12");
        final String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        final Process process = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", alias, "-keyalg", "EC",
            "-groupname", "secp256r1", "-dname", "CN=" + alias, "-ext", "SAN=dns:localhost,ip:127.0.0.1",
            "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD))
            .redirectErrorStream(true).redirectOutput(folder.resolve(alias + ".log").toFile()).start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0,
            "keytool failed: " + Files.readString(folder.resolve(alias + ".log")));
        final KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        final Path certificate = folder.resolve(alias + "-certificate.pem");
        final Path privateKey = folder.resolve(alias + "-key.pem");
        Files.writeString(certificate, pem("CERTIFICATE", keys.getCertificate(alias).getEncoded()), StandardCharsets.US_ASCII);
        Files.writeString(privateKey, pem("PRIVATE KEY", keys.getKey(alias, PASSWORD.toCharArray()).getEncoded()),
            StandardCharsets.US_ASCII);
        return new Path[] {certificate, privateKey};
    }

    private static String pem(final String type, final byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
