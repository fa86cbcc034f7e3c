package dev.cardgate.engine.config;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.cardgate.codec.dialect.Dialect;
import dev.cardgate.codec.dialect.DialectFormatException;
import dev.cardgate.codec.dialect.Dialects;
import dev.cardgate.codec.framing.FrameFormat;
import dev.cardgate.codec.framing.LengthHeader;
import dev.cardgate.codec.framing.Tpdu;

/**
 * The upstream link's settings (keys {@code upstream.*}, declared here as {@link Setting}s): the
 * endpoints of the card network in priority order, how frames look toward them (dialect, length
 * header, TPDU: independent of the terminal side), and the link's timers, breaker and table size.
 * Every endpoint shares the framing. Immutable; the dialect is loaded and the endpoints parsed
 * once, at validation. Off by default: the engine then answers alone, as an embedded gate.
 */
public final class UpstreamConfiguration {
    /** Longest timer accepted: an hour. */
    public static final long MAX_TIMER_MS = 3_600_000L;
    /** Most requests in flight accepted as a table size. */
    public static final int MAX_IN_FLIGHT = 1 << 20;
    /** Field 32, acquiring institution identification code: up to 11 digits. */
    public static final int MAX_ACQUIRER_ID_DIGITS = 11;

    /** How {@link #TPDU} and {@link #ACQUIRER_ID} are written when there is none. */
    public static final String NO_VALUE = "none";

    public static final SettingGroup SETTINGS = new SettingGroup("Upstream link");
    public static final Setting<Boolean> ENABLED = SETTINGS.add("upstream.enabled", SettingTypes.bool(), false,
        "`true`: requests that pass the local checks are forwarded to the card network over "
            + "`upstream.endpoints` (docs/upstream.md). `false`: the engine answers alone.");
    public static final Setting<String> ENDPOINTS = SETTINGS.add("upstream.endpoints",
        SettingTypes.text("[^,\\s:]+:\\d{1,5}(\\s*,\\s*[^,\\s:]+:\\d{1,5})*",
            "host:port, or several separated by commas, in priority order"), "127.0.0.1:8593",
        "`host:port[, host:port ...]`: the network's endpoints in priority order: the first is the "
            + "primary, the next ones are failed over to in turn.");
    public static final Setting<String> DIALECT = SETTINGS.add("upstream.dialect",
        SettingTypes.text(".+", Dialects.ISO87_ASCII_NAME + ", " + Dialects.ISO87_BINARY_NAME
            + " or the path of a dialect file"), Dialects.ISO87_ASCII_NAME,
        "The dialect toward the network, as `frontend.dialect` (a built-in name or a dialect file); "
            + "requests are re-encoded from the terminal's dialect into it.");
    public static final Setting<LengthHeader> LENGTH_HEADER = SETTINGS.add("upstream.length-header",
        SettingTypes.choice(FrontEndConfiguration::lengthHeaderFromConfigName, FrontEndConfiguration::configName,
            "ascii-4 or binary-2"), LengthHeader.ASCII_4, "`ascii-4` or `binary-2`, toward the network.");
    public static final Setting<String> TPDU = SETTINGS.add("upstream.tpdu",
        SettingTypes.text("none|[0-9A-Fa-f]{10}", "none or 10 hex digits"), NO_VALUE,
        "`none`: no TPDU. Else the 5-byte TPDU (10 hex digits, e.g. `6000010000`) written after the "
            + "length header of every message sent; answers carry one, which is skipped.");
    public static final Setting<Integer> MAX_FRAME_BYTES = SETTINGS.add("upstream.max-frame-bytes",
        SettingTypes.integer(FrontEndConfiguration.MIN_MAX_FRAME_BYTES, LengthHeader.BINARY_2.largestLength(),
            "bytes from " + FrontEndConfiguration.MIN_MAX_FRAME_BYTES + " to " + LengthHeader.BINARY_2.largestLength()),
        4096, "The largest answer frame accepted, TPDU included; a longer one closes the connection.");
    public static final Setting<Boolean> TLS_ENABLED = SETTINGS.add("upstream.tls.enabled", SettingTypes.bool(),
        false, "`true`: speak TLS (1.2 or 1.3) to every endpoint, checking its certificate and host name.");
    public static final Setting<Path> TLS_TRUSTED_CERTIFICATES = SETTINGS.add("upstream.tls.trusted-certificates",
        SettingTypes.path("a file path"), Path.of("tls/upstream-trusted.pem"),
        "PEM certificates trusted to sign the endpoints' certificates; relative to `data.dir`. Read only "
            + "when TLS is on.");
    public static final Setting<Duration> TIMEOUT = SETTINGS.add("upstream.timeout.ms",
        SettingTypes.millis(1, MAX_TIMER_MS), Duration.ofMillis(2000),
        "How long a forwarded request (and a sign-on, echo or stored message) waits for its answer.");
    public static final Setting<Duration> CONNECT_TIMEOUT = SETTINGS.add("upstream.connect-timeout.ms",
        SettingTypes.millis(1, MAX_TIMER_MS), Duration.ofMillis(2000),
        "How long a TCP (and TLS) connection to an endpoint may take to open.");
    public static final Setting<Duration> ECHO_INTERVAL = SETTINGS.add("upstream.echo.interval.ms",
        SettingTypes.millis(1, MAX_TIMER_MS), Duration.ofMillis(30_000),
        "An 0800 echo test (field 70 = 301) is sent when the link has carried nothing for this long; "
            + "an echo unanswered within `upstream.timeout.ms` fails over to the next endpoint.");
    public static final Setting<Boolean> SIGN_ON = SETTINGS.add("upstream.sign-on", SettingTypes.bool(), true,
        "`true`: an 0800 sign-on (field 70 = 001) opens every connection and nothing is forwarded before "
            + "its 0810 answers 00; a refusal or no answer fails over to the next endpoint.");
    public static final Setting<Duration> RECONNECT_MIN = SETTINGS.add("upstream.reconnect.min-ms",
        SettingTypes.millis(1, MAX_TIMER_MS), Duration.ofMillis(100),
        "The first wait before connecting again after a failure; doubled after each failure in a row.");
    public static final Setting<Duration> RECONNECT_MAX = SETTINGS.add("upstream.reconnect.max-ms",
        SettingTypes.millis(1, MAX_TIMER_MS), Duration.ofMillis(10_000),
        "The longest wait between connection attempts; at least `upstream.reconnect.min-ms`.");
    public static final Setting<Integer> BREAKER_TIMEOUTS = SETTINGS.add("upstream.breaker.timeouts",
        SettingTypes.integer(1, 1_000_000, "a whole number from 1 to 1000000"), 5,
        "Timeouts in a row that open the circuit breaker (the link goes DOWN: stand-in).");
    public static final Setting<Integer> BREAKER_SYSTEM_ERRORS = SETTINGS.add("upstream.breaker.system-errors",
        SettingTypes.integer(1, 1_000_000, "a whole number from 1 to 1000000"), 5,
        "Answers 91 (issuer or switch inoperative) in a row that open the circuit breaker.");
    public static final Setting<Duration> BREAKER_PROBE_AFTER = SETTINGS.add("upstream.breaker.probe-after-ms",
        SettingTypes.millis(1, MAX_TIMER_MS), Duration.ofMillis(5000),
        "How long an open breaker waits before its probe (an 0800 echo); an answered probe closes it.");
    public static final Setting<Integer> IN_FLIGHT = SETTINGS.add("upstream.in-flight",
        SettingTypes.integer(1, MAX_IN_FLIGHT, "a whole number from 1 to " + MAX_IN_FLIGHT), 4096,
        "Requests and stored messages outstanding at once (the preallocated table); at the bound a "
            + "request is decided in stand-in. Timed-out requests keep their entry while they wait for a "
            + "late answer.");
    public static final Setting<Duration> LATE_ANSWER_WINDOW = SETTINGS.add("upstream.late-answer-window.ms",
        SettingTypes.millis(1, MAX_TIMER_MS), Duration.ofMillis(30_000),
        "How long after its timeout a request still waits for a late answer (a late approval is "
            + "reported, so that it is reversed); after that its entry is freed and an answer is one to nothing.");
    public static final Setting<String> ACQUIRER_ID = SETTINGS.add("upstream.acquirer-id",
        SettingTypes.text("none|\\d{1," + MAX_ACQUIRER_ID_DIGITS + "}", "none or 1 to 11 digits"), NO_VALUE,
        "Field 32, acquiring institution identification code, added to every message sent (and to "
            + "field 90 of reversals); `none`: field 32 is not sent.");

    private final SettingValues values;
    private final Dialect dialect;
    private final List<Endpoint> endpoints;
    private final Path tlsTrustedCertificates;

    private UpstreamConfiguration(final SettingValues values, final Dialect dialect, final List<Endpoint> endpoints,
        final Path dataDirectory) {
        this.values = values.copy();
        this.dialect = dialect;
        this.endpoints = List.copyOf(endpoints);
        tlsTrustedCertificates = dataDirectory.resolve(values.get(TLS_TRUSTED_CERTIFICATES));
    }

    /** One endpoint of the network: where to connect. */
    public record Endpoint(String host, int port) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    public boolean enabled() {
        return values.get(ENABLED);
    }

    /** The endpoints in priority order: the primary first. Never empty. */
    public List<Endpoint> endpoints() {
        return endpoints;
    }

    public Dialect dialect() {
        return dialect;
    }

    public LengthHeader lengthHeader() {
        return values.get(LENGTH_HEADER);
    }

    /** The TPDU's 5 bytes, or null when none is sent. */
    public byte[] tpdu() {
        final String hex = values.get(TPDU);
        if (hex.equals(NO_VALUE)) {
            return null;
        }
        final byte[] tpdu = new byte[Tpdu.LENGTH];
        for (int i = 0; i < Tpdu.LENGTH; i++) {
            tpdu[i] = (byte)Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return tpdu;
    }

    public int maxFrameBytes() {
        return values.get(MAX_FRAME_BYTES);
    }

    /** Length header, optional TPDU and frame limit toward the network. */
    public FrameFormat frameFormat() {
        return new FrameFormat(lengthHeader(), values.get(TPDU).equals(NO_VALUE) ? 0 : Tpdu.LENGTH, maxFrameBytes());
    }

    public boolean tlsEnabled() {
        return values.get(TLS_ENABLED);
    }

    public Path tlsTrustedCertificates() {
        return tlsTrustedCertificates;
    }

    public Duration timeout() {
        return values.get(TIMEOUT);
    }

    public Duration connectTimeout() {
        return values.get(CONNECT_TIMEOUT);
    }

    public Duration echoInterval() {
        return values.get(ECHO_INTERVAL);
    }

    public boolean signOn() {
        return values.get(SIGN_ON);
    }

    public Duration reconnectMin() {
        return values.get(RECONNECT_MIN);
    }

    public Duration reconnectMax() {
        return values.get(RECONNECT_MAX);
    }

    public int breakerTimeouts() {
        return values.get(BREAKER_TIMEOUTS);
    }

    public int breakerSystemErrors() {
        return values.get(BREAKER_SYSTEM_ERRORS);
    }

    public Duration breakerProbeAfter() {
        return values.get(BREAKER_PROBE_AFTER);
    }

    public int inFlight() {
        return values.get(IN_FLIGHT);
    }

    public Duration lateAnswerWindow() {
        return values.get(LATE_ANSWER_WINDOW);
    }

    /** Field 32 as configured, or the empty string when it is not sent. */
    public String acquirerId() {
        final String acquirerId = values.get(ACQUIRER_ID);
        return acquirerId.equals(NO_VALUE) ? "" : acquirerId;
    }

    /** Sets the upstream settings in code; validated by {@link EngineConfiguration.Builder#build()}. */
    public static final class Builder {
        private final SettingValues values;

        Builder(final SettingValues values) {
            this.values = values;
        }

        /** Sets any {@code upstream.*} setting: {@code .set(UpstreamConfiguration.TIMEOUT, Duration.ofMillis(50))}. */
        public <T> Builder set(final Setting<T> setting, final T value) {
            values.set(setting, value, "set in code");
            return this;
        }

        public Builder enabled(final boolean enabled) {
            return set(ENABLED, enabled);
        }

        /** {@code "host:port, host:port"}, in priority order. */
        public Builder endpoints(final String endpoints) {
            return set(ENDPOINTS, endpoints);
        }

        /** Applies {@code settings} to this builder (for a caller's chain). */
        public Builder with(final Consumer<Builder> settings) {
            settings.accept(this);
            return this;
        }

        /**
         * The checks that span keys or need the file system; adds one line per problem and returns
         * null when there is any.
         */
        UpstreamConfiguration build(final List<String> problems, final Path dataDirectory, final Path baseDirectory) {
            final int before = problems.size();
            final List<Endpoint> endpoints = parseEndpoints(problems);
            final Dialect dialect = loadDialect(problems, baseDirectory);
            final LengthHeader lengthHeader = values.get(LENGTH_HEADER);
            final Integer maxFrameBytes = values.get(MAX_FRAME_BYTES);
            if (lengthHeader != null && maxFrameBytes != null && maxFrameBytes > lengthHeader.largestLength()) {
                problems.add(MAX_FRAME_BYTES.problem(maxFrameBytes.toString(), values.source(MAX_FRAME_BYTES),
                    "bytes from " + FrontEndConfiguration.MIN_MAX_FRAME_BYTES + " to " + lengthHeader.largestLength()
                        + " (the most a " + FrontEndConfiguration.configName(lengthHeader)
                        + " length header can announce)"));
            }
            final Duration min = values.get(RECONNECT_MIN);
            final Duration max = values.get(RECONNECT_MAX);
            if (min != null && max != null && max.compareTo(min) < 0) {
                problems.add(RECONNECT_MAX.problem(Long.toString(max.toMillis()), values.source(RECONNECT_MAX),
                    "at least upstream.reconnect.min-ms (" + min.toMillis() + ")"));
            }
            if (Boolean.TRUE.equals(values.get(ENABLED)) && Boolean.TRUE.equals(values.get(TLS_ENABLED))) {
                final Path trusted = values.get(TLS_TRUSTED_CERTIFICATES);
                if (trusted != null && !Files.isReadable(dataDirectory.resolve(trusted))) {
                    problems.add(TLS_TRUSTED_CERTIFICATES.problem(trusted.toString(),
                        values.source(TLS_TRUSTED_CERTIFICATES), "a readable PEM file when upstream.tls.enabled = true ("
                            + dataDirectory.resolve(trusted) + " cannot be read)"));
                }
            }
            return problems.size() == before ? new UpstreamConfiguration(values, dialect, endpoints, dataDirectory)
                : null;
        }

        private List<Endpoint> parseEndpoints(final List<String> problems) {
            final String written = values.get(ENDPOINTS);
            final List<Endpoint> endpoints = new ArrayList<>();
            if (written == null || !ENDPOINTS.type().accepts(written)) {
                return endpoints; // already reported against the setting's bounds
            }
            for (final String part : written.split(",")) {
                final String endpoint = part.strip();
                final int colon = endpoint.lastIndexOf(':');
                final int port = Integer.parseInt(endpoint.substring(colon + 1));
                if (port < 1 || port > 65_535) {
                    problems.add(ENDPOINTS.problem(written, values.source(ENDPOINTS),
                        "host:port with a port from 1 to 65535 (" + endpoint + " has " + port + ")"));
                    continue;
                }
                endpoints.add(new Endpoint(endpoint.substring(0, colon), port));
            }
            return endpoints;
        }

        private Dialect loadDialect(final List<String> problems, final Path baseDirectory) {
            final String dialectName = values.get(DIALECT);
            if (dialectName == null || dialectName.isEmpty()) {
                return null; // already reported against the setting's bounds
            }
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
    }
}
