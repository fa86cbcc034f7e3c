package dev.cardgate.engine.frontend;

import javax.net.ssl.SSLException;

import dev.cardgate.engine.config.FrontEndConfiguration;
import dev.cardgate.engine.config.TlsClientAuth;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;

/**
 * Builds the front-end's TLS context from PEM files: the JDK's TLS (no native library to ship),
 * TLS 1.2 and 1.3 only, and with {@code client-auth = require} a client certificate signed by
 * one of the trusted certificates.
 */
final class TlsContexts {
    private TlsContexts() {
    }

    /**
     * @throws IllegalStateException naming the files when they cannot be read as a certificate and key
     */
    static SslContext serverContext(final FrontEndConfiguration configuration) {
        try {
            final SslContextBuilder builder = SslContextBuilder
                .forServer(configuration.tlsCertificate().toFile(), configuration.tlsPrivateKey().toFile())
                .sslProvider(SslProvider.JDK)
                .protocols("TLSv1.3", "TLSv1.2");
            if (configuration.tlsClientAuth() == TlsClientAuth.REQUIRE) {
                builder.clientAuth(ClientAuth.REQUIRE).trustManager(configuration.tlsTrustedCertificates().toFile());
            }
            return builder.build();
        }
        catch (final SSLException | IllegalArgumentException unreadable) {
            throw new IllegalStateException("cannot set up TLS from frontend.tls.certificate = "
                + configuration.tlsCertificate() + ", frontend.tls.private-key = " + configuration.tlsPrivateKey()
                + (configuration.tlsClientAuth() == TlsClientAuth.REQUIRE
                    ? ", frontend.tls.trusted-certificates = " + configuration.tlsTrustedCertificates() : "")
                + ": " + unreadable.getMessage(), unreadable);
        }
    }
}
