package dev.cardgate.engine.config;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import dev.cardgate.codec.dialect.Dialect;
import dev.cardgate.codec.dialect.DialectFormatException;
import dev.cardgate.codec.dialect.Dialects;
import dev.cardgate.codec.framing.FrameFormat;
import dev.cardgate.codec.framing.LengthHeader;
import dev.cardgate.codec.framing.Tpdu;

/**
 * The TCP front-end's settings (keys {@code frontend.*}), typed and validated with the rest of
 * the {@link EngineConfiguration}. Immutable; the dialect is loaded (and a dialect file parsed)
 * once, at validation.
 */
public final class FrontEndConfiguration {
    /** Smallest frame limit accepted: a message type, a bitmap and a few fields. */
    public static final int MIN_MAX_FRAME_BYTES = 64;
    /** Most connections accepted as a limit. */
    public static final int MAX_MAX_CONNECTIONS = 1_000_000;
    /** Largest in-flight bound per connection accepted. */
    public static final int MAX_IN_FLIGHT_LIMIT = 65_536;
    /** Longest frame or idle timeout accepted: a day. */
    public static final long MAX_TIMEOUT_MS = 86_400_000L;
    /** Most I/O threads accepted. */
    public static final int MAX_IO_THREADS = 256;

    private final String bindAddress;
    private final int port;
    private final String dialectName;
    private final Dialect dialect;
    private final LengthHeader lengthHeader;
    private final boolean tpdu;
    private final int maxFrameBytes;
    private final int maxConnections;
    private final int maxInFlightPerConnection;
    private final Duration frameTimeout;
    private final Duration idleTimeout;
    private final RingFullBehaviour ringFullBehaviour;
    private final int ioThreads;
    private final NetworkTransport transport;
    private final boolean tlsEnabled;
    private final Path tlsCertificate;
    private final Path tlsPrivateKey;
    private final TlsClientAuth tlsClientAuth;
    private final Path tlsTrustedCertificates;

    private FrontEndConfiguration(final Builder builder, final Dialect dialect, final Path dataDirectory) {
        bindAddress = builder.bindAddress;
        port = builder.port;
        dialectName = builder.dialectName;
        this.dialect = dialect;
        lengthHeader = builder.lengthHeader;
        tpdu = builder.tpdu;
        maxFrameBytes = builder.maxFrameBytes;
        maxConnections = builder.maxConnections;
        maxInFlightPerConnection = builder.maxInFlightPerConnection;
        frameTimeout = builder.frameTimeout;
        idleTimeout = builder.idleTimeout;
        ringFullBehaviour = builder.ringFullBehaviour;
        ioThreads = builder.ioThreads;
        transport = builder.transport;
        tlsEnabled = builder.tlsEnabled;
        tlsCertificate = dataDirectory.resolve(builder.tlsCertificate);
        tlsPrivateKey = dataDirectory.resolve(builder.tlsPrivateKey);
        tlsClientAuth = builder.tlsClientAuth;
        tlsTrustedCertificates = dataDirectory.resolve(builder.tlsTrustedCertificates);
    }

    public static Builder builder() {
        return new Builder();
    }

    public String bindAddress() {
        return bindAddress;
    }

    public int port() {
        return port;
    }

    /** The dialect as configured: a built-in name or a file path. */
    public String dialectName() {
        return dialectName;
    }

    public Dialect dialect() {
        return dialect;
    }

    public LengthHeader lengthHeader() {
        return lengthHeader;
    }

    public boolean tpdu() {
        return tpdu;
    }

    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    /** Length header, optional TPDU and frame limit, as the codec's framing takes them. */
    public FrameFormat frameFormat() {
        return new FrameFormat(lengthHeader, tpdu ? Tpdu.LENGTH : 0, maxFrameBytes);
    }

    public int maxConnections() {
        return maxConnections;
    }

    public int maxInFlightPerConnection() {
        return maxInFlightPerConnection;
    }

    public Duration frameTimeout() {
        return frameTimeout;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    public RingFullBehaviour ringFullBehaviour() {
        return ringFullBehaviour;
    }

    /** I/O threads; 0 means one per available processor. */
    public int ioThreads() {
        return ioThreads;
    }

    public NetworkTransport transport() {
        return transport;
    }

    public boolean tlsEnabled() {
        return tlsEnabled;
    }

    public Path tlsCertificate() {
        return tlsCertificate;
    }

    public Path tlsPrivateKey() {
        return tlsPrivateKey;
    }

    public TlsClientAuth tlsClientAuth() {
        return tlsClientAuth;
    }

    public Path tlsTrustedCertificates() {
        return tlsTrustedCertificates;
    }

    /** "ascii-4 length header, no TPDU": the framing in words, for start-up messages. */
    public String framingDescription() {
        return configName(lengthHeader) + " length header, " + (tpdu ? "5-byte TPDU" : "no TPDU");
    }

    /** The configuration name of a length header: ascii-4 or binary-2. */
    public static String configName(final LengthHeader lengthHeader) {
        return lengthHeader == LengthHeader.ASCII_4 ? "ascii-4" : "binary-2";
    }

    /** The length header with this configuration name, or null. */
    public static LengthHeader lengthHeaderFromConfigName(final String name) {
        switch (name) {
            case "ascii-4":
                return LengthHeader.ASCII_4;
            case "binary-2":
                return LengthHeader.BINARY_2;
            default:
                return null;
        }
    }

    void appendTo(final StringBuilder text, final Function<ConfigurationKey, String> sourceOf) {
        line(text, sourceOf, ConfigurationKey.FRONTEND_BIND_ADDRESS, bindAddress);
        line(text, sourceOf, ConfigurationKey.FRONTEND_PORT, Integer.toString(port));
        line(text, sourceOf, ConfigurationKey.FRONTEND_DIALECT, dialectName);
        line(text, sourceOf, ConfigurationKey.FRONTEND_LENGTH_HEADER, configName(lengthHeader));
        line(text, sourceOf, ConfigurationKey.FRONTEND_TPDU, Boolean.toString(tpdu));
        line(text, sourceOf, ConfigurationKey.FRONTEND_MAX_FRAME_BYTES, Integer.toString(maxFrameBytes));
        line(text, sourceOf, ConfigurationKey.FRONTEND_MAX_CONNECTIONS, Integer.toString(maxConnections));
        line(text, sourceOf, ConfigurationKey.FRONTEND_MAX_IN_FLIGHT_PER_CONNECTION,
            Integer.toString(maxInFlightPerConnection));
        line(text, sourceOf, ConfigurationKey.FRONTEND_FRAME_TIMEOUT_MS, Long.toString(frameTimeout.toMillis()));
        line(text, sourceOf, ConfigurationKey.FRONTEND_IDLE_TIMEOUT_MS, Long.toString(idleTimeout.toMillis()));
        line(text, sourceOf, ConfigurationKey.FRONTEND_RING_FULL, ringFullBehaviour.configName());
        line(text, sourceOf, ConfigurationKey.FRONTEND_IO_THREADS, Integer.toString(ioThreads));
        line(text, sourceOf, ConfigurationKey.FRONTEND_TRANSPORT, transport.configName());
        line(text, sourceOf, ConfigurationKey.FRONTEND_TLS_ENABLED, Boolean.toString(tlsEnabled));
        if (tlsEnabled) {
            line(text, sourceOf, ConfigurationKey.FRONTEND_TLS_CERTIFICATE, tlsCertificate.toString());
            line(text, sourceOf, ConfigurationKey.FRONTEND_TLS_PRIVATE_KEY, tlsPrivateKey.toString());
            line(text, sourceOf, ConfigurationKey.FRONTEND_TLS_CLIENT_AUTH, tlsClientAuth.configName());
            if (tlsClientAuth == TlsClientAuth.REQUIRE) {
                line(text, sourceOf, ConfigurationKey.FRONTEND_TLS_TRUSTED_CERTIFICATES,
                    tlsTrustedCertificates.toString());
            }
        }
    }

    private static void line(final StringBuilder text, final Function<ConfigurationKey, String> sourceOf,
        final ConfigurationKey key, final String value) {
        text.append("\n  ").append(key.key()).append(" = ").append(value).append("  (").append(sourceOf.apply(key))
            .append(')');
    }

    /** Collects the front-end's settings; validated by {@link EngineConfiguration.Builder#build()}. */
    public static final class Builder {
        private String bindAddress = ConfigurationKey.FRONTEND_BIND_ADDRESS.defaultValue();
        private int port = Integer.parseInt(ConfigurationKey.FRONTEND_PORT.defaultValue());
        private String dialectName = ConfigurationKey.FRONTEND_DIALECT.defaultValue();
        private LengthHeader lengthHeader = LengthHeader.ASCII_4;
        private boolean tpdu;
        private int maxFrameBytes = Integer.parseInt(ConfigurationKey.FRONTEND_MAX_FRAME_BYTES.defaultValue());
        private int maxConnections = Integer.parseInt(ConfigurationKey.FRONTEND_MAX_CONNECTIONS.defaultValue());
        private int maxInFlightPerConnection =
            Integer.parseInt(ConfigurationKey.FRONTEND_MAX_IN_FLIGHT_PER_CONNECTION.defaultValue());
        private Duration frameTimeout =
            Duration.ofMillis(Long.parseLong(ConfigurationKey.FRONTEND_FRAME_TIMEOUT_MS.defaultValue()));
        private Duration idleTimeout =
            Duration.ofMillis(Long.parseLong(ConfigurationKey.FRONTEND_IDLE_TIMEOUT_MS.defaultValue()));
        private RingFullBehaviour ringFullBehaviour = RingFullBehaviour.STOP_READING;
        private int ioThreads;
        private NetworkTransport transport = NetworkTransport.AUTO;
        private boolean tlsEnabled;
        private Path tlsCertificate = Path.of(ConfigurationKey.FRONTEND_TLS_CERTIFICATE.defaultValue());
        private Path tlsPrivateKey = Path.of(ConfigurationKey.FRONTEND_TLS_PRIVATE_KEY.defaultValue());
        private TlsClientAuth tlsClientAuth = TlsClientAuth.NONE;
        private Path tlsTrustedCertificates = Path.of(ConfigurationKey.FRONTEND_TLS_TRUSTED_CERTIFICATES.defaultValue());

        private Builder() {
        }

        public Builder bindAddress(final String bindAddress) {
            this.bindAddress = bindAddress;
            return this;
        }

        public Builder port(final int port) {
            this.port = port;
            return this;
        }

        /** A built-in dialect name, or the path of a dialect file. */
        public Builder dialect(final String dialectName) {
            this.dialectName = dialectName;
            return this;
        }

        public Builder lengthHeader(final LengthHeader lengthHeader) {
            this.lengthHeader = lengthHeader;
            return this;
        }

        public Builder tpdu(final boolean tpdu) {
            this.tpdu = tpdu;
            return this;
        }

        public Builder maxFrameBytes(final int maxFrameBytes) {
            this.maxFrameBytes = maxFrameBytes;
            return this;
        }

        public Builder maxConnections(final int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        public Builder maxInFlightPerConnection(final int maxInFlightPerConnection) {
            this.maxInFlightPerConnection = maxInFlightPerConnection;
            return this;
        }

        public Builder frameTimeout(final Duration frameTimeout) {
            this.frameTimeout = frameTimeout;
            return this;
        }

        public Builder idleTimeout(final Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        public Builder ringFullBehaviour(final RingFullBehaviour ringFullBehaviour) {
            this.ringFullBehaviour = ringFullBehaviour;
            return this;
        }

        public Builder ioThreads(final int ioThreads) {
            this.ioThreads = ioThreads;
            return this;
        }

        public Builder transport(final NetworkTransport transport) {
            this.transport = transport;
            return this;
        }

        public Builder tlsEnabled(final boolean tlsEnabled) {
            this.tlsEnabled = tlsEnabled;
            return this;
        }

        /** Relative paths resolve against the data folder. */
        public Builder tlsCertificate(final Path tlsCertificate) {
            this.tlsCertificate = tlsCertificate;
            return this;
        }

        /** Relative paths resolve against the data folder. */
        public Builder tlsPrivateKey(final Path tlsPrivateKey) {
            this.tlsPrivateKey = tlsPrivateKey;
            return this;
        }

        public Builder tlsClientAuth(final TlsClientAuth tlsClientAuth) {
            this.tlsClientAuth = tlsClientAuth;
            return this;
        }

        /** Relative paths resolve against the data folder. */
        public Builder tlsTrustedCertificates(final Path tlsTrustedCertificates) {
            this.tlsTrustedCertificates = tlsTrustedCertificates;
            return this;
        }

        /**
         * Validates the settings, adding one line per problem; returns null when there is any.
         *
         * @param baseDirectory what a relative dialect file path resolves against
         */
        FrontEndConfiguration build(final List<String> problems, final Function<ConfigurationKey, String> sourceOf,
            final Path dataDirectory, final Path baseDirectory) {
            final int before = problems.size();
            final Problems report = new Problems(problems, sourceOf);
            if (bindAddress == null || !bindAddress.matches("[A-Za-z0-9.:_%\\[\\]-]+")) {
                report.add(ConfigurationKey.FRONTEND_BIND_ADDRESS, bindAddress,
                    "an IP address or host name (0.0.0.0 listens on every interface)");
            }
            if (port < 0 || port > 65_535) {
                report.add(ConfigurationKey.FRONTEND_PORT, port, "0 (any free port) to 65535");
            }
            final Dialect dialect = loadDialect(report, baseDirectory);
            if (lengthHeader == null) {
                report.add(ConfigurationKey.FRONTEND_LENGTH_HEADER, null, "ascii-4 or binary-2");
            }
            else if (maxFrameBytes < MIN_MAX_FRAME_BYTES || maxFrameBytes > lengthHeader.largestLength()) {
                report.add(ConfigurationKey.FRONTEND_MAX_FRAME_BYTES, maxFrameBytes, "bytes from " + MIN_MAX_FRAME_BYTES
                    + " to " + lengthHeader.largestLength() + " (the most a " + configName(lengthHeader)
                    + " length header can announce)");
            }
            if (maxConnections < 1 || maxConnections > MAX_MAX_CONNECTIONS) {
                report.add(ConfigurationKey.FRONTEND_MAX_CONNECTIONS, maxConnections,
                    "a whole number from 1 to " + MAX_MAX_CONNECTIONS);
            }
            if (maxInFlightPerConnection < 1 || maxInFlightPerConnection > MAX_IN_FLIGHT_LIMIT) {
                report.add(ConfigurationKey.FRONTEND_MAX_IN_FLIGHT_PER_CONNECTION, maxInFlightPerConnection,
                    "a whole number from 1 to " + MAX_IN_FLIGHT_LIMIT);
            }
            checkTimeout(report, ConfigurationKey.FRONTEND_FRAME_TIMEOUT_MS, frameTimeout);
            checkTimeout(report, ConfigurationKey.FRONTEND_IDLE_TIMEOUT_MS, idleTimeout);
            if (ringFullBehaviour == null) {
                report.add(ConfigurationKey.FRONTEND_RING_FULL, null, "stop-reading or answer-91");
            }
            if (ioThreads < 0 || ioThreads > MAX_IO_THREADS) {
                report.add(ConfigurationKey.FRONTEND_IO_THREADS, ioThreads,
                    "0 (one per processor) to " + MAX_IO_THREADS);
            }
            if (transport == null) {
                report.add(ConfigurationKey.FRONTEND_TRANSPORT, null, "auto, epoll or nio");
            }
            if (tlsClientAuth == null) {
                report.add(ConfigurationKey.FRONTEND_TLS_CLIENT_AUTH, null, "none or require");
            }
            if (tlsEnabled) {
                checkReadable(report, ConfigurationKey.FRONTEND_TLS_CERTIFICATE, tlsCertificate, dataDirectory);
                checkReadable(report, ConfigurationKey.FRONTEND_TLS_PRIVATE_KEY, tlsPrivateKey, dataDirectory);
                if (tlsClientAuth == TlsClientAuth.REQUIRE) {
                    checkReadable(report, ConfigurationKey.FRONTEND_TLS_TRUSTED_CERTIFICATES, tlsTrustedCertificates,
                        dataDirectory);
                }
            }
            return problems.size() == before ? new FrontEndConfiguration(this, dialect, dataDirectory) : null;
        }

        private Dialect loadDialect(final Problems report, final Path baseDirectory) {
            if (dialectName == null || dialectName.isEmpty()) {
                report.add(ConfigurationKey.FRONTEND_DIALECT, dialectName,
                    Dialects.ISO87_ASCII_NAME + ", " + Dialects.ISO87_BINARY_NAME + " or the path of a dialect file");
                return null;
            }
            final Dialect builtIn = Dialects.builtIn(dialectName);
            if (builtIn != null) {
                return builtIn;
            }
            final Path file = baseDirectory == null ? Path.of(dialectName) : baseDirectory.resolve(dialectName);
            if (!Files.isRegularFile(file)) {
                report.add(ConfigurationKey.FRONTEND_DIALECT, dialectName, Dialects.ISO87_ASCII_NAME + ", "
                    + Dialects.ISO87_BINARY_NAME + " or the path of a dialect file (no file at " + file + ")");
                return null;
            }
            try {
                return Dialects.load(file);
            }
            catch (final DialectFormatException | UncheckedIOException badFile) {
                report.add(ConfigurationKey.FRONTEND_DIALECT, dialectName, "a valid dialect file: "
                    + badFile.getMessage());
                return null;
            }
        }

        private static void checkTimeout(final Problems report, final ConfigurationKey key, final Duration timeout) {
            if (timeout == null || timeout.toMillis() < 1 || timeout.toMillis() > MAX_TIMEOUT_MS) {
                report.add(key, timeout == null ? null : timeout.toMillis(), "milliseconds from 1 to " + MAX_TIMEOUT_MS);
            }
        }

        private static void checkReadable(final Problems report, final ConfigurationKey key, final Path path,
            final Path dataDirectory) {
            final Path resolved = dataDirectory.resolve(path);
            if (!Files.isReadable(resolved)) {
                report.add(key, path, "a readable PEM file when frontend.tls.enabled = true (" + resolved
                    + " cannot be read)");
            }
        }
    }

    /** Adds problems in the engine's wording: key, value, source, what is allowed. */
    private static final class Problems {
        private final List<String> problems;
        private final Function<ConfigurationKey, String> sourceOf;

        Problems(final List<String> problems, final Function<ConfigurationKey, String> sourceOf) {
            this.problems = problems;
            this.sourceOf = sourceOf;
        }

        void add(final ConfigurationKey key, final Object value, final String allowed) {
            problems.add(key.key() + " = " + value + " (" + sourceOf.apply(key) + "): allowed is " + allowed);
        }
    }
}
