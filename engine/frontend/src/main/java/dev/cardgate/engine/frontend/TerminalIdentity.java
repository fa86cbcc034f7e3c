package dev.cardgate.engine.frontend;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import dev.cardgate.codec.Iso8583Decoder;
import dev.cardgate.engine.token.SafeEcho;

/**
 * The terminals and merchants a terminal's client certificate speaks for (mutual TLS): each
 * subject alternative name {@code urn:cardgate:terminal:<field 41>} names a terminal, each
 * {@code urn:cardgate:merchant:<field 42>} a merchant (all its terminals); a certificate with
 * neither names one terminal, its subject CN. A request is permitted when its field 41 is one
 * of the terminals, or its field 42 one of the merchants; one that names neither (field 41
 * absent) is not.
 *
 * <p>Resolved once per connection when its handshake completes (allocates then); immutable.
 * {@link #permits} runs on the I/O thread for every request and allocates nothing.
 */
final class TerminalIdentity {
    static final String TERMINAL_URI_PREFIX = "urn:cardgate:terminal:";
    static final String MERCHANT_URI_PREFIX = "urn:cardgate:merchant:";

    private static final int FIELD_41_TERMINAL_ID = 41;
    private static final int FIELD_42_MERCHANT_ID = 42;
    /** Subject alternative name type 6: uniformResourceIdentifier (RFC 5280). */
    private static final int SAN_URI = 6;

    private final byte[][] terminalIds;
    private final byte[][] merchantIds;
    private final String description;

    private TerminalIdentity(final List<byte[]> terminalIds, final List<byte[]> merchantIds, final String description) {
        this.terminalIds = terminalIds.toArray(new byte[0][]);
        this.merchantIds = merchantIds.toArray(new byte[0][]);
        this.description = description;
    }

    /** Names nothing: every request is refused (a connection whose certificate could not be read). */
    static TerminalIdentity none(final String why) {
        return new TerminalIdentity(List.of(), List.of(), "no usable client certificate: " + why);
    }

    /** The terminals and merchants {@code certificate} (a verified client certificate) names. */
    static TerminalIdentity of(final X509Certificate certificate) {
        final List<byte[]> terminals = new ArrayList<>();
        final List<byte[]> merchants = new ArrayList<>();
        final StringBuilder description = new StringBuilder("certificate ")
            .append(SafeEcho.quoted(certificate.getSubjectX500Principal().getName()));
        for (final String uri : uriNames(certificate)) {
            if (uri.startsWith(TERMINAL_URI_PREFIX)) {
                terminals.add(uri.substring(TERMINAL_URI_PREFIX.length()).getBytes(StandardCharsets.ISO_8859_1));
            }
            else if (uri.startsWith(MERCHANT_URI_PREFIX)) {
                merchants.add(uri.substring(MERCHANT_URI_PREFIX.length()).getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        if (terminals.isEmpty() && merchants.isEmpty()) {
            final String commonName = commonName(certificate);
            if (commonName != null) {
                terminals.add(commonName.getBytes(StandardCharsets.ISO_8859_1));
            }
            description.append(commonName == null ? " names no terminal" : " speaks for its CN");
        }
        else {
            description.append(" speaks for ").append(terminals.size()).append(" terminal(s) and ")
                .append(merchants.size()).append(" merchant(s) in its subject alternative names");
        }
        return new TerminalIdentity(terminals, merchants, description.toString());
    }

    /** I/O thread, every request: true when the request's field 41 or 42 is one this certificate names. */
    boolean permits(final Iso8583Decoder request) {
        return namedIn(request, FIELD_41_TERMINAL_ID, terminalIds) || namedIn(request, FIELD_42_MERCHANT_ID, merchantIds);
    }

    private static boolean namedIn(final Iso8583Decoder request, final int field, final byte[][] names) {
        final int length = request.fieldLength(field);
        if (length <= 0) {
            return false;
        }
        for (final byte[] name : names) {
            if (name.length == length && sameCharacters(request, field, name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameCharacters(final Iso8583Decoder request, final int field, final byte[] name) {
        for (int i = 0; i < name.length; i++) {
            if (request.valueAt(field, i) != name[i]) {
                return false;
            }
        }
        return true;
    }

    private static List<String> uriNames(final X509Certificate certificate) {
        final List<String> uris = new ArrayList<>();
        try {
            final Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names != null) {
                for (final List<?> name : names) {
                    if (name.size() == 2 && Integer.valueOf(SAN_URI).equals(name.get(0)) && name.get(1) instanceof String) {
                        uris.add((String)name.get(1));
                    }
                }
            }
        }
        catch (final CertificateParsingException unreadable) {
            // a certificate whose alternative names cannot be parsed names nothing by them
            return List.of();
        }
        return uris;
    }

    private static String commonName(final X509Certificate certificate) {
        try {
            final LdapName subject = new LdapName(certificate.getSubjectX500Principal().getName());
            for (final Rdn part : subject.getRdns()) {
                if ("CN".equalsIgnoreCase(part.getType()) && part.getValue() instanceof String) {
                    return (String)part.getValue();
                }
            }
        }
        catch (final InvalidNameException unreadable) {
            return null;
        }
        return null;
    }

    /** For logs: the certificate's subject and what it speaks for, quoted safely. */
    @Override
    public String toString() {
        return description;
    }
}
