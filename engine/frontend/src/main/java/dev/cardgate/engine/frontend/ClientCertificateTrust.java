package dev.cardgate.engine.frontend;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The trust the front-end puts in a terminal's client certificate: signed by one of the trusted
 * certificates (the JDK's PKIX checks, delegated), and moreover issued for TLS clients (the
 * extended key usage clientAuth, which the JDK does not demand when the extension is absent),
 * and not the server's own certificate, which a stolen copy of the server's files would offer.
 *
 * <p>Threading: called by the TLS engine during handshakes on the I/O threads; immutable.
 */
final class ClientCertificateTrust extends X509ExtendedTrustManager {
    /** id-kp-clientAuth (RFC 5280, 4.2.1.12). */
    static final String CLIENT_AUTH_USAGE = "1.3.6.1.5.5.7.3.2";

    private final X509ExtendedTrustManager signedByTrusted;
    private final List<X509Certificate> serverCertificates;

    ClientCertificateTrust(final X509ExtendedTrustManager signedByTrusted, final List<X509Certificate> serverCertificates) {
        this.signedByTrusted = signedByTrusted;
        this.serverCertificates = List.copyOf(serverCertificates);
    }

    @Override
    public void checkClientTrusted(final X509Certificate[] chain, final String authType, final Socket socket)
        throws CertificateException {
        signedByTrusted.checkClientTrusted(chain, authType, socket);
        checkIssuedToAClient(chain);
    }

    @Override
    public void checkClientTrusted(final X509Certificate[] chain, final String authType, final SSLEngine engine)
        throws CertificateException {
        signedByTrusted.checkClientTrusted(chain, authType, engine);
        checkIssuedToAClient(chain);
    }

    @Override
    public void checkClientTrusted(final X509Certificate[] chain, final String authType) throws CertificateException {
        signedByTrusted.checkClientTrusted(chain, authType);
        checkIssuedToAClient(chain);
    }

    @Override
    public void checkServerTrusted(final X509Certificate[] chain, final String authType, final Socket socket)
        throws CertificateException {
        throw new CertificateException("the front-end does not check servers");
    }

    @Override
    public void checkServerTrusted(final X509Certificate[] chain, final String authType, final SSLEngine engine)
        throws CertificateException {
        throw new CertificateException("the front-end does not check servers");
    }

    @Override
    public void checkServerTrusted(final X509Certificate[] chain, final String authType) throws CertificateException {
        throw new CertificateException("the front-end does not check servers");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return signedByTrusted.getAcceptedIssuers();
    }

    private void checkIssuedToAClient(final X509Certificate[] chain) throws CertificateException {
        final X509Certificate presented = chain[0];
        final String subject = presented.getSubjectX500Principal().getName();
        if (serverCertificates.contains(presented)) {
            throw new CertificateException("client certificate " + subject + " is the server's own certificate");
        }
        final List<String> usages;
        try {
            usages = presented.getExtendedKeyUsage();
        }
        catch (final CertificateParsingException unreadable) {
            throw new CertificateException("client certificate " + subject + " has an unreadable extended key usage",
                unreadable);
        }
        if (usages == null || !usages.contains(CLIENT_AUTH_USAGE)) {
            throw new CertificateException("client certificate " + subject
                + " is not issued for TLS clients (extended key usage clientAuth, " + CLIENT_AUTH_USAGE + ")");
        }
    }
}
