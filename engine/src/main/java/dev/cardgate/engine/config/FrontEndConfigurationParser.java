package dev.cardgate.engine.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.cardgate.codec.framing.LengthHeader;

/**
 * Turns the text of a {@code frontend.*} key into the typed setting of a {@link
 * FrontEndConfiguration.Builder}; a value that cannot be parsed becomes one problem naming the
 * key, the value, where it came from and what is allowed. Ranges are checked by the builder.
 */
final class FrontEndConfigurationParser {
    private FrontEndConfigurationParser() {
    }

    static boolean handles(final ConfigurationKey key) {
        return key.key().startsWith("frontend.");
    }

    static void apply(final FrontEndConfiguration.Builder builder, final ConfigurationKey key, final String value,
        final String source, final List<String> problems) {
        final Parse parse = new Parse(key, value, source, problems);
        switch (key) {
            case FRONTEND_BIND_ADDRESS:
                builder.bindAddress(value);
                break;
            case FRONTEND_PORT:
                parse.wholeNumber("a port number").ifPresent(port -> builder.port(port));
                break;
            case FRONTEND_DIALECT:
                builder.dialect(value);
                break;
            case FRONTEND_LENGTH_HEADER:
                final LengthHeader lengthHeader = FrontEndConfiguration.lengthHeaderFromConfigName(value);
                parse.check(lengthHeader != null, "ascii-4 or binary-2");
                builder.lengthHeader(lengthHeader);
                break;
            case FRONTEND_TPDU:
                parse.bool().ifPresent(builder::tpdu);
                break;
            case FRONTEND_MAX_FRAME_BYTES:
                parse.wholeNumber("bytes").ifPresent(builder::maxFrameBytes);
                break;
            case FRONTEND_MAX_CONNECTIONS:
                parse.wholeNumber("a number of connections").ifPresent(builder::maxConnections);
                break;
            case FRONTEND_MAX_IN_FLIGHT_PER_CONNECTION:
                parse.wholeNumber("a number of requests").ifPresent(builder::maxInFlightPerConnection);
                break;
            case FRONTEND_FRAME_TIMEOUT_MS:
                parse.wholeNumber("milliseconds").ifPresent(millis -> builder.frameTimeout(Duration.ofMillis(millis)));
                break;
            case FRONTEND_IDLE_TIMEOUT_MS:
                parse.wholeNumber("milliseconds").ifPresent(millis -> builder.idleTimeout(Duration.ofMillis(millis)));
                break;
            case FRONTEND_RING_FULL:
                final RingFullBehaviour behaviour = RingFullBehaviour.fromConfigName(value);
                parse.check(behaviour != null, "stop-reading or answer-91");
                builder.ringFullBehaviour(behaviour);
                break;
            case FRONTEND_IO_THREADS:
                parse.wholeNumber("a number of threads").ifPresent(builder::ioThreads);
                break;
            case FRONTEND_TRANSPORT:
                final NetworkTransport transport = NetworkTransport.fromConfigName(value);
                parse.check(transport != null, "auto, epoll or nio");
                builder.transport(transport);
                break;
            case FRONTEND_TLS_ENABLED:
                parse.bool().ifPresent(builder::tlsEnabled);
                break;
            case FRONTEND_TLS_CERTIFICATE:
                parse.path().ifPresent(builder::tlsCertificate);
                break;
            case FRONTEND_TLS_PRIVATE_KEY:
                parse.path().ifPresent(builder::tlsPrivateKey);
                break;
            case FRONTEND_TLS_CLIENT_AUTH:
                final TlsClientAuth clientAuth = TlsClientAuth.fromConfigName(value);
                parse.check(clientAuth != null, "none or require");
                builder.tlsClientAuth(clientAuth);
                break;
            case FRONTEND_TLS_TRUSTED_CERTIFICATES:
                parse.path().ifPresent(builder::tlsTrustedCertificates);
                break;
            default:
                throw new IllegalStateException("no front-end parser for configuration key " + key);
        }
    }

    /** One value being parsed; failures become problems. */
    private static final class Parse {
        private final ConfigurationKey key;
        private final String value;
        private final String source;
        private final List<String> problems;

        Parse(final ConfigurationKey key, final String value, final String source, final List<String> problems) {
            this.key = key;
            this.value = value;
            this.source = source;
            this.problems = problems;
        }

        void check(final boolean valid, final String allowed) {
            if (!valid) {
                problems.add(key.key() + " = " + value + " (" + source + "): allowed is " + allowed);
            }
        }

        java.util.OptionalInt wholeNumber(final String what) {
            try {
                return java.util.OptionalInt.of(Integer.parseInt(value.replace("_", "")));
            }
            catch (final NumberFormatException notANumber) {
                check(false, what + " (digits, '_' allowed as separator)");
                return java.util.OptionalInt.empty();
            }
        }

        java.util.Optional<Boolean> bool() {
            final boolean valid = "true".equals(value) || "false".equals(value);
            check(valid, "true or false");
            return valid ? java.util.Optional.of(Boolean.valueOf(value)) : java.util.Optional.empty();
        }

        java.util.Optional<Path> path() {
            if (value.isEmpty()) {
                check(false, "a non-empty path");
                return java.util.Optional.empty();
            }
            try {
                return java.util.Optional.of(Path.of(value));
            }
            catch (final InvalidPathException badPath) {
                check(false, "a valid path (" + badPath.getMessage() + ")");
                return java.util.Optional.empty();
            }
        }
    }
}
