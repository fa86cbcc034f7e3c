package dev.cardgate.engine.frontend;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import dev.cardgate.engine.config.FrontEndConfiguration;
import dev.cardgate.engine.config.TlsClientAuth;
import dev.cardgate.engine.files.OwnerOnlyFiles;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;

/**
 * Builds the front-end's TLS context from PEM files: the JDK's TLS (no native library to ship),
 * TLS 1.2 and 1.3 only, a private key file that only its owner may read (as the token key), and
 * with {@code client-auth = require} a client certificate that {@link ClientCertificateTrust}
 * accepts: signed by one of the trusted certificates, issued for TLS clients, not the server's.
 */
final class TlsContexts {
    private TlsContexts() {
    }

    /**
     * @throws IllegalStateException naming the files when they cannot be read as a certificate and
     *                               key, or the key file is open to group or others
     */
    static SslContext serverContext(final FrontEndConfiguration configuration) {
        requireOwnerOnly(configuration.tlsPrivateKey());
        try {
            final SslContextBuilder builder = SslContextBuilder
                .forServer(configuration.tlsCertificate().toFile(), configuration.tlsPrivateKey().toFile())
                .sslProvider(SslProvider.JDK)
                .protocols("TLSv1.3", "TLSv1.2");
            if (configuration.tlsClientAuth() == TlsClientAuth.REQUIRE) {
                builder.clientAuth(ClientAuth.REQUIRE).trustManager(new ClientCertificateTrust(
                    signedBy(readCertificates(configuration.tlsTrustedCertificates())),
                    readCertificates(configuration.tlsCertificate())));
            }
            return builder.build();
        }
        catch (final IllegalArgumentException | IOException | GeneralSecurityException unreadable) {
            throw new IllegalStateException("cannot set up TLS from frontend.tls.certificate = "
                + configuration.tlsCertificate() + ", frontend.tls.private-key = " + configuration.tlsPrivateKey()
                + (configuration.tlsClientAuth() == TlsClientAuth.REQUIRE
                    ? ", frontend.tls.trusted-certificates = " + configuration.tlsTrustedCertificates() : "")
                + ": " + unreadable.getMessage(), unreadable);
        }
    }

    private static void requireOwnerOnly(final Path privateKey) {
        final String excess;
        try {
            excess = OwnerOnlyFiles.describeExcessPermissions(privateKey);
        }
        catch (final IOException unreadable) {
            throw new IllegalStateException("cannot check frontend.tls.private-key = " + privateKey + ": "
                + unreadable, unreadable);
        }
        if (excess != null) {
            throw new IllegalStateException("the TLS private key file " + privateKey + " (frontend.tls.private-key) has "
                + "permissions " + excess + ": group or others may use it; run `chmod 600 " + privateKey
                + "`, and consider the key exposed if others could read it");
        }
    }

    private static List<X509Certificate> readCertificates(final Path pem) throws IOException, GeneralSecurityException {
        final List<X509Certificate> certificates = new ArrayList<>();
        try (InputStream in = Files.newInputStream(pem)) {
            for (final Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate)certificate);
            }
        }
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException("no certificate in " + pem);
        }
        return certificates;
    }

    /** The JDK's PKIX trust in {@code trusted}. */
    private static X509ExtendedTrustManager signedBy(final List<X509Certificate> trusted)
        throws IOException, GeneralSecurityException {
        final KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
        anchors.load(null, null);
        for (int i = 0; i < trusted.size(); i++) {
            anchors.setCertificateEntry("trusted-" + i, trusted.get(i));
        }
        final TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(anchors);
        for (final TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager) {
                return (X509ExtendedTrustManager)manager;
            }
        }
        throw new GeneralSecurityException("the JDK offers no X.509 trust manager");
    }
}
