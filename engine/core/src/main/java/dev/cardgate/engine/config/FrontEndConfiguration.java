package dev.cardgate.engine.config;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.cardgate.codec.dialect.Dialect;
import dev.cardgate.codec.dialect.DialectFormatException;
import dev.cardgate.codec.dialect.Dialects;
import dev.cardgate.codec.framing.FrameFormat;
import dev.cardgate.codec.framing.LengthHeader;
import dev.cardgate.codec.framing.Tpdu;

/**
 * The TCP front-end's settings (keys {@code frontend.*}, declared here as {@link Setting}s),
 * typed and validated with the rest of the {@link EngineConfiguration}. Immutable; the dialect
 * is loaded (and a dialect file parsed) and the bind address checked once, at validation.
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

    public static final SettingGroup SETTINGS = new SettingGroup("TCP front-end");
    public static final Setting<String> BIND_ADDRESS = SETTINGS.add("frontend.bind-address",
        SettingTypes.text(BindAddress.PATTERN, "an IP address or host name (0.0.0.0 listens on every interface)"),
        "127.0.0.1", "The address the TCP front-end listens on: an IP address or host name. Loopback only by "
            + "default; `0.0.0.0` (every interface) is a deliberate choice. Refused at start, before any file is "
            + "created, unless it is the wildcard, a loopback address or an address of one of the host's "
            + "interfaces.");
    public static final Setting<Integer> PORT = SETTINGS.add("frontend.port",
        SettingTypes.integer(0, 65_535, "0 (any free port) to 65535"), 8583, "0 to 65535; 0 picks a free port (printed at start).");
    public static final Setting<String> DIALECT = SETTINGS.add("frontend.dialect",
        SettingTypes.text(".+", Dialects.ISO87_ASCII_NAME + ", " + Dialects.ISO87_BINARY_NAME
            + " or the path of a dialect file"), Dialects.ISO87_ASCII_NAME, "`iso87-ascii` (jPOS `ISO87APackager`), `iso87-binary` (`ISO87BPackager`), or the path "
            + "of a dialect file ([dialects.md](dialects.md)); a relative path resolves against the "
            + "cardgate home under `bin/cardgate`, else the working directory.");
    public static final Setting<LengthHeader> LENGTH_HEADER = SETTINGS.add("frontend.length-header",
        SettingTypes.choice(FrontEndConfiguration::lengthHeaderFromConfigName, FrontEndConfiguration::configName,
            "ascii-4 or binary-2"), LengthHeader.ASCII_4, "`ascii-4` (4 ASCII digits: jPOS `ASCIIChannel`) or `binary-2` (2 bytes big-endian: "
            + "`NACChannel`, `PostChannel`).");
    public static final Setting<Boolean> TPDU = SETTINGS.add("frontend.tpdu", SettingTypes.bool(), false,
        "`true` when a 5-byte TPDU follows the length header (`NACChannel`); answers carry it "
            + "with source and destination swapped.");
    public static final Setting<Integer> MAX_FRAME_BYTES = SETTINGS.add("frontend.max-frame-bytes",
        SettingTypes.integer(MIN_MAX_FRAME_BYTES, LengthHeader.BINARY_2.largestLength(),
            "bytes from " + MIN_MAX_FRAME_BYTES + " to " + LengthHeader.BINARY_2.largestLength()), 4096,
        "64 to 9999 (`ascii-4`) or 65535 (`binary-2`): the largest frame accepted, TPDU "
            + "included. A longer announced length closes the connection.");
    public static final Setting<Integer> MAX_CONNECTIONS = SETTINGS.add("frontend.max-connections",
        SettingTypes.integer(1, MAX_MAX_CONNECTIONS, "a whole number from 1 to " + MAX_MAX_CONNECTIONS), 16_384,
        "1 to 1000000: connections open at once; one more is closed as soon as it is accepted "
            + "(and counted). Mind the process's open-file limit (`ulimit -n`).");
    public static final Setting<Integer> MAX_IN_FLIGHT_PER_CONNECTION = SETTINGS.add(
        "frontend.max-in-flight-per-connection",
        SettingTypes.integer(1, MAX_IN_FLIGHT_LIMIT, "a whole number from 1 to " + MAX_IN_FLIGHT_LIMIT), 64,
        "1 to 65536: requests of one connection in the engine at once; at the bound the "
            + "connection stops reading until answers go out.");
    public static final Setting<Duration> FRAME_TIMEOUT = SETTINGS.add("frontend.frame-timeout-ms",
        SettingTypes.millis(1, MAX_TIMEOUT_MS), Duration.ofMillis(5000), "1 to 86400000: how long a started frame may take to arrive whole; a slower sender is "
            + "disconnected.");
    public static final Setting<Duration> IDLE_TIMEOUT = SETTINGS.add("frontend.idle-timeout-ms",
        SettingTypes.millis(1, MAX_TIMEOUT_MS), Duration.ofMillis(300_000), "1 to 86400000: how long a connection may send nothing (no request, no 0800 echo) before "
            + "it is closed.");
    public static final Setting<RingFullBehaviour> RING_FULL = SETTINGS.add("frontend.ring-full",
        SettingTypes.choice(RingFullBehaviour::fromConfigName, RingFullBehaviour::configName,
            "stop-reading or answer-91"), RingFullBehaviour.STOP_READING, "`stop-reading`: a connection whose request finds the ring full stops reading and "
            + "retries shortly (TCP pushes back on the terminal). `answer-91`: the request is answered "
            + "91 at once.");
    public static final Setting<Integer> IO_THREADS = SETTINGS.add("frontend.io-threads",
        SettingTypes.integer(0, MAX_IO_THREADS, "0 (one per processor) to " + MAX_IO_THREADS), 0,
        "0 to 256 I/O threads (decode, tokenize, claim); 0 means one per available processor.");
    public static final Setting<NetworkTransport> TRANSPORT = SETTINGS.add("frontend.transport",
        SettingTypes.choice(NetworkTransport::fromConfigName, NetworkTransport::configName, "auto, epoll or nio"),
        NetworkTransport.AUTO, "`auto` (Linux native epoll when it loads, else Java NIO), `epoll` or `nio`.");
    public static final Setting<Boolean> TLS_ENABLED = SETTINGS.add("frontend.tls.enabled", SettingTypes.bool(),
        false, "`true`: every connection must speak TLS (1.2 or 1.3).");
    public static final Setting<Path> TLS_CERTIFICATE = SETTINGS.add("frontend.tls.certificate",
        SettingTypes.path("a file path"), Path.of("tls/certificate.pem"), "The server's certificate chain, PEM; relative to `data.dir`. Read only when TLS is on.");
    public static final Setting<Path> TLS_PRIVATE_KEY = SETTINGS.add("frontend.tls.private-key",
        SettingTypes.path("a file path"), Path.of("tls/private-key.pem"), "The server's private key, PEM PKCS#8, unencrypted; must be owner-only (`chmod 600`), "
            + "else start-up is refused; relative to `data.dir`.");
    public static final Setting<TlsClientAuth> TLS_CLIENT_AUTH = SETTINGS.add("frontend.tls.client-auth",
        SettingTypes.choice(TlsClientAuth::fromConfigName, TlsClientAuth::configName, "none or require"),
        TlsClientAuth.NONE, "`none`, or `require` for mutual TLS: a terminal must present a certificate signed by a "
            + "trusted certificate and issued for TLS clients, and may speak only for the terminals it names "
            + "(docs/terminals.md).");
    public static final Setting<Path> TLS_TRUSTED_CERTIFICATES = SETTINGS.add("frontend.tls.trusted-certificates",
        SettingTypes.path("a file path"), Path.of("tls/trusted-clients.pem"), "PEM certificates trusted to sign terminal certificates (with `client-auth = require`); "
            + "relative to `data.dir`.");

    public static final Setting<String> ECHO_REQUIRED_FIELDS = SETTINGS.add("frontend.echo.required-fields",
        SettingTypes.text("\\d{1,3}( *, *\\d{1,3})*", "field numbers from 2 to 128, separated by commas, 11 and 70 "
            + "among them"), "11,41,70", "The fields an echo (0800 with field 70 = 301) must carry. One that "
            + "lacks any is answered 30 by the front-end, naming the field in the log. An echo without field 41 that "
            + "carries them all (`7,11,70`, as host-to-host links send) is answered 00 by the front-end itself, "
            + "since there is no terminal to record it for; an echo with field 41 goes to the engine, which records "
            + "when the terminal was last heard from (docs/terminals.md).");

    private final SettingValues values;
    private final Dialect dialect;
    private final Path tlsCertificate;
    private final Path tlsPrivateKey;
    private final Path tlsTrustedCertificates;

    private FrontEndConfiguration(final SettingValues values, final Dialect dialect, final Path dataDirectory) {
        this.values = values.copy();
        this.dialect = dialect;
        tlsCertificate = dataDirectory.resolve(values.get(TLS_CERTIFICATE));
        tlsPrivateKey = dataDirectory.resolve(values.get(TLS_PRIVATE_KEY));
        tlsTrustedCertificates = dataDirectory.resolve(values.get(TLS_TRUSTED_CERTIFICATES));
    }

    public String bindAddress() {
        return values.get(BIND_ADDRESS);
    }

    public int port() {
        return values.get(PORT);
    }

    /** The dialect as configured: a built-in name or a file path. */
    public String dialectName() {
        return values.get(DIALECT);
    }

    public Dialect dialect() {
        return dialect;
    }

    public LengthHeader lengthHeader() {
        return values.get(LENGTH_HEADER);
    }

    public boolean tpdu() {
        return values.get(TPDU);
    }

    public int maxFrameBytes() {
        return values.get(MAX_FRAME_BYTES);
    }

    /** Length header, optional TPDU and frame limit, as the codec's framing takes them. */
    public FrameFormat frameFormat() {
        return new FrameFormat(lengthHeader(), tpdu() ? Tpdu.LENGTH : 0, maxFrameBytes());
    }

    public int maxConnections() {
        return values.get(MAX_CONNECTIONS);
    }

    public int maxInFlightPerConnection() {
        return values.get(MAX_IN_FLIGHT_PER_CONNECTION);
    }

    public Duration frameTimeout() {
        return values.get(FRAME_TIMEOUT);
    }

    public Duration idleTimeout() {
        return values.get(IDLE_TIMEOUT);
    }

    public RingFullBehaviour ringFullBehaviour() {
        return values.get(RING_FULL);
    }

    /** I/O threads; 0 means one per available processor. */
    public int ioThreads() {
        return values.get(IO_THREADS);
    }

    public NetworkTransport transport() {
        return values.get(TRANSPORT);
    }

    public boolean tlsEnabled() {
        return values.get(TLS_ENABLED);
    }

    public Path tlsCertificate() {
        return tlsCertificate;
    }

    public Path tlsPrivateKey() {
        return tlsPrivateKey;
    }

    public TlsClientAuth tlsClientAuth() {
        return values.get(TLS_CLIENT_AUTH);
    }

    public Path tlsTrustedCertificates() {
        return tlsTrustedCertificates;
    }

    /** The fields an echo must carry ({@link #ECHO_REQUIRED_FIELDS}), ascending, 11 and 70 among them. */
    public int[] echoRequiredFields() {
        return parseFieldList(values.get(ECHO_REQUIRED_FIELDS));
    }

    static int[] parseFieldList(final String list) {
        return java.util.Arrays.stream(list.split(",")).map(String::trim).mapToInt(Integer::parseInt).sorted()
            .distinct().toArray();
    }

    /** "ascii-4 length header, no TPDU": the framing in words, for start-up messages. */
    public String framingDescription() {
        return configName(lengthHeader()) + " length header, " + (tpdu() ? "5-byte TPDU" : "no TPDU");
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

    /** Sets the front-end's settings in code; validated by {@link EngineConfiguration.Builder#build()}. */
    public static final class Builder {
        private final SettingValues values;

        Builder(final SettingValues values) {
            this.values = values;
        }

        private <T> Builder set(final Setting<T> setting, final T value) {
            values.set(setting, value, "set in code");
            return this;
        }

        public Builder bindAddress(final String bindAddress) {
            return set(BIND_ADDRESS, bindAddress);
        }

        public Builder port(final int port) {
            return set(PORT, port);
        }

        /** A built-in dialect name, or the path of a dialect file. */
        public Builder dialect(final String dialectName) {
            return set(DIALECT, dialectName);
        }

        public Builder lengthHeader(final LengthHeader lengthHeader) {
            return set(LENGTH_HEADER, lengthHeader);
        }

        public Builder tpdu(final boolean tpdu) {
            return set(TPDU, tpdu);
        }

        public Builder maxFrameBytes(final int maxFrameBytes) {
            return set(MAX_FRAME_BYTES, maxFrameBytes);
        }

        public Builder maxConnections(final int maxConnections) {
            return set(MAX_CONNECTIONS, maxConnections);
        }

        public Builder maxInFlightPerConnection(final int maxInFlightPerConnection) {
            return set(MAX_IN_FLIGHT_PER_CONNECTION, maxInFlightPerConnection);
        }

        public Builder frameTimeout(final Duration frameTimeout) {
            return set(FRAME_TIMEOUT, frameTimeout);
        }

        public Builder idleTimeout(final Duration idleTimeout) {
            return set(IDLE_TIMEOUT, idleTimeout);
        }

        public Builder ringFullBehaviour(final RingFullBehaviour ringFullBehaviour) {
            return set(RING_FULL, ringFullBehaviour);
        }

        public Builder ioThreads(final int ioThreads) {
            return set(IO_THREADS, ioThreads);
        }

        public Builder transport(final NetworkTransport transport) {
            return set(TRANSPORT, transport);
        }

        /** Field numbers separated by commas: {@code "7,11,70"}. */
        public Builder echoRequiredFields(final String fields) {
            return set(ECHO_REQUIRED_FIELDS, fields);
        }

        public Builder tlsEnabled(final boolean tlsEnabled) {
            return set(TLS_ENABLED, tlsEnabled);
        }

        /** Relative paths resolve against the data folder. */
        public Builder tlsCertificate(final Path tlsCertificate) {
            return set(TLS_CERTIFICATE, tlsCertificate);
        }

        /** Relative paths resolve against the data folder. */
        public Builder tlsPrivateKey(final Path tlsPrivateKey) {
            return set(TLS_PRIVATE_KEY, tlsPrivateKey);
        }

        public Builder tlsClientAuth(final TlsClientAuth tlsClientAuth) {
            return set(TLS_CLIENT_AUTH, tlsClientAuth);
        }

        /** Relative paths resolve against the data folder. */
        public Builder tlsTrustedCertificates(final Path tlsTrustedCertificates) {
            return set(TLS_TRUSTED_CERTIFICATES, tlsTrustedCertificates);
        }

        /**
         * The checks that span keys or need the file system (each value's own bounds are checked
         * by its setting); adds one line per problem and returns null when there is any.
         *
         * @param baseDirectory what a relative dialect file path resolves against
         */
        FrontEndConfiguration build(final List<String> problems, final Path dataDirectory, final Path baseDirectory) {
            final int before = problems.size();
            BindAddress.check(values, BIND_ADDRESS, problems);
            final Dialect dialect = loadDialect(problems, baseDirectory);
            final LengthHeader lengthHeader = values.get(LENGTH_HEADER);
            final Integer maxFrameBytes = values.get(MAX_FRAME_BYTES);
            if (lengthHeader != null && maxFrameBytes != null && maxFrameBytes > lengthHeader.largestLength()) {
                problems.add(MAX_FRAME_BYTES.problem(maxFrameBytes.toString(), values.source(MAX_FRAME_BYTES),
                    "bytes from " + MIN_MAX_FRAME_BYTES + " to " + lengthHeader.largestLength() + " (the most a "
                        + configName(lengthHeader) + " length header can announce)"));
            }
            final String echoFields = values.get(ECHO_REQUIRED_FIELDS);
            if (echoFields != null && ECHO_REQUIRED_FIELDS.type().accepts(echoFields)) {
                final int[] fields = parseFieldList(echoFields);
                final boolean inRange = fields[0] >= 2 && fields[fields.length - 1] <= 128;
                if (!inRange || java.util.Arrays.binarySearch(fields, 11) < 0
                    || java.util.Arrays.binarySearch(fields, 70) < 0) {
                    problems.add(ECHO_REQUIRED_FIELDS.problem(echoFields, values.source(ECHO_REQUIRED_FIELDS),
                        ECHO_REQUIRED_FIELDS.type().allowed() + " (an answer is matched by field 11, an echo is "
                            + "told by field 70)"));
                }
            }
            if (Boolean.TRUE.equals(values.get(TLS_ENABLED))) {
                checkReadable(problems, TLS_CERTIFICATE, dataDirectory);
                checkReadable(problems, TLS_PRIVATE_KEY, dataDirectory);
                if (values.get(TLS_CLIENT_AUTH) == TlsClientAuth.REQUIRE) {
                    checkReadable(problems, TLS_TRUSTED_CERTIFICATES, dataDirectory);
                }
            }
            return problems.size() == before ? new FrontEndConfiguration(values, dialect, dataDirectory) : null;
        }

        private Dialect loadDialect(final List<String> problems, final Path baseDirectory) {
            final String dialectName = values.get(DIALECT);
            if (dialectName == null || dialectName.isEmpty()) {
                return null; // already reported against the setting's bounds
            }
            final Dialect dialect = readDialect(problems, dialectName, baseDirectory);
            final String unfit = dialect == null ? null : DialectRequirements.problem(dialect);
            if (unfit != null) {
                problems.add(DIALECT.problem(dialectName, values.source(DIALECT), "a dialect the engine can read ("
                    + unfit + ")"));
                return null;
            }
            return dialect;
        }

        private Dialect readDialect(final List<String> problems, final String dialectName, final Path baseDirectory) {
            final Dialect builtIn = Dialects.builtIn(dialectName);
            if (builtIn != null) {
                return builtIn;
            }
            final Path file = baseDirectory == null ? Path.of(dialectName) : baseDirectory.resolve(dialectName);
            if (!Files.isRegularFile(file)) {
                problems.add(DIALECT.problem(dialectName, values.source(DIALECT), DIALECT.type().allowed()
                    + " (no file at " + file + ")"));
                return null;
            }
            try {
                return Dialects.load(file);
            }
            catch (final DialectFormatException | UncheckedIOException badFile) {
                problems.add(DIALECT.problem(dialectName, values.source(DIALECT), "a valid dialect file: "
                    + badFile.getMessage()));
                return null;
            }
        }

        private void checkReadable(final List<String> problems, final Setting<Path> setting, final Path dataDirectory) {
            final Path path = values.get(setting);
            if (path == null) {
                return; // already reported against the setting's bounds
            }
            final Path resolved = dataDirectory.resolve(path);
            if (!Files.isReadable(resolved)) {
                problems.add(setting.problem(path.toString(), values.source(setting),
                    "a readable PEM file when frontend.tls.enabled = true (" + resolved + " cannot be read)"));
            }
        }
    }
}
