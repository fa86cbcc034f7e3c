package dev.cardgate.engine.upstream.link;

import javax.net.ssl.SSLException;

import dev.cardgate.engine.config.UpstreamConfiguration;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;

/**
 * The link's TLS context: the JDK's TLS (no native library), TLS 1.2 and 1.3, trusting only the
 * certificates of {@code upstream.tls.trusted-certificates}; the handler checks the endpoint's
 * host name (see {@link NettyUpstreamLink}).
 */
final class UpstreamTls {
    private UpstreamTls() {
    }

    /** @throws IllegalStateException naming the file when it cannot be read as PEM certificates */
    static SslContext clientContext(final UpstreamConfiguration configuration) {
        try {
            return SslContextBuilder.forClient().sslProvider(SslProvider.JDK).protocols("TLSv1.3", "TLSv1.2")
                .trustManager(configuration.tlsTrustedCertificates().toFile()).build();
        }
        catch (final SSLException | IllegalArgumentException unreadable) {
            throw new IllegalStateException("cannot set up TLS toward the network from upstream.tls.trusted-certificates = "
                + configuration.tlsTrustedCertificates() + ": " + unreadable.getMessage(), unreadable);
        }
    }
}
