package dev.cardgate.engine.upstream.simulator;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import dev.cardgate.codec.dialect.Dialect;
import dev.cardgate.codec.dialect.Dialects;
import dev.cardgate.codec.framing.FrameFormat;
import dev.cardgate.codec.framing.LengthHeader;
import dev.cardgate.codec.framing.Tpdu;

/**
 * Where the simulator listens, how its frames look, and the rules it starts with: read from a
 * properties file ({@code config/issuer-sim.conf}, keys {@code issuer-sim.*}) or set in code.
 * Every bad value is reported at once, naming the key, the value and what is allowed.
 */
public final class IssuerSimulatorSettings {
    private String bindAddress = "127.0.0.1";
    private int port = 8593;
    private Dialect dialect = Dialects.ISO87_ASCII;
    private LengthHeader lengthHeader = LengthHeader.ASCII_4;
    private boolean tpdu;
    private int maxFrameBytes = 4096;
    private Path tlsCertificate;
    private Path tlsPrivateKey;
    private final IssuerRules rules = new IssuerRules();

    public String bindAddress() {
        return bindAddress;
    }

    public IssuerSimulatorSettings bindAddress(final String bindAddress) {
        this.bindAddress = bindAddress;
        return this;
    }

    public int port() {
        return port;
    }

    /** 0 picks a free port. */
    public IssuerSimulatorSettings port(final int port) {
        this.port = port;
        return this;
    }

    public Dialect dialect() {
        return dialect;
    }

    public IssuerSimulatorSettings dialect(final Dialect dialect) {
        this.dialect = dialect;
        return this;
    }

    public IssuerSimulatorSettings lengthHeader(final LengthHeader lengthHeader) {
        this.lengthHeader = lengthHeader;
        return this;
    }

    public IssuerSimulatorSettings tpdu(final boolean tpdu) {
        this.tpdu = tpdu;
        return this;
    }

    public FrameFormat frameFormat() {
        return new FrameFormat(lengthHeader, tpdu ? Tpdu.LENGTH : 0, maxFrameBytes);
    }

    /** Speaks TLS with this certificate chain and PKCS#8 private key (PEM files); both null: plain TCP. */
    public IssuerSimulatorSettings tls(final Path certificate, final Path privateKey) {
        this.tlsCertificate = certificate;
        this.tlsPrivateKey = privateKey;
        return this;
    }

    /** The TLS certificate chain, or null for plain TCP. */
    public Path tlsCertificate() {
        return tlsCertificate;
    }

    public Path tlsPrivateKey() {
        return tlsPrivateKey;
    }

    /** The rules the simulator starts with (and keeps: it changes this object at run time). */
    public IssuerRules rules() {
        return rules;
    }

    /**
     * Reads {@code file}: {@code issuer-sim.bind-address}, {@code .port}, {@code .dialect}, {@code
     * .length-header} (ascii-4, binary-2), {@code .tpdu} (true, false), {@code .max-frame-bytes},
     * {@code .decline-over-minor} (an amount, or empty), {@code .listed-cards} ({@code card:code}
     * pairs separated by commas), {@code .delay.ms}, {@code .drop-answers}, {@code .drop-echoes},
     * {@code .refuse-sign-on}, {@code .close-on-request}, {@code .tls.certificate} and {@code
     * .tls.private-key} (PEM files; empty: plain TCP).
     *
     * @throws IllegalArgumentException naming every bad key
     */
    public static IssuerSimulatorSettings load(final Path file) throws IOException {
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return from(properties, file.toString());
    }

    static IssuerSimulatorSettings from(final Properties properties, final String source) {
        final IssuerSimulatorSettings settings = new IssuerSimulatorSettings();
        final List<String> problems = new ArrayList<>();
        for (final String key : properties.stringPropertyNames()) {
            final String value = properties.getProperty(key).strip();
            try {
                settings.apply(key, value);
            }
            catch (final IllegalArgumentException bad) {
                problems.add(key + " = " + value + " (" + source + "): " + bad.getMessage());
            }
        }
        if ((settings.tlsCertificate == null) != (settings.tlsPrivateKey == null)) {
            problems.add("issuer-sim.tls.certificate and issuer-sim.tls.private-key (" + source
                + "): set both for TLS, or neither");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return settings;
    }

    private void apply(final String key, final String value) {
        switch (key) {
            case "issuer-sim.bind-address":
                bindAddress = value;
                break;
            case "issuer-sim.port":
                port = number(value, 0, 65_535);
                break;
            case "issuer-sim.dialect":
                dialect = Dialects.byNameOrFile(value);
                break;
            case "issuer-sim.length-header":
                if (!value.equals("ascii-4") && !value.equals("binary-2")) {
                    throw new IllegalArgumentException("allowed is ascii-4 or binary-2");
                }
                lengthHeader = value.equals("ascii-4") ? LengthHeader.ASCII_4 : LengthHeader.BINARY_2;
                break;
            case "issuer-sim.tpdu":
                tpdu = bool(value);
                break;
            case "issuer-sim.max-frame-bytes":
                maxFrameBytes = number(value, 64, 65_535);
                break;
            case "issuer-sim.decline-over-minor":
                rules.declineOver(value.isEmpty() ? IssuerRules.NO_LIMIT : number(value, 0, Integer.MAX_VALUE));
                break;
            case "issuer-sim.listed-cards":
                for (final String pair : value.isEmpty() ? new String[0] : value.split(",")) {
                    final String[] parts = pair.strip().split(":");
                    if (parts.length != 2) {
                        throw new IllegalArgumentException("allowed is card:code pairs, e.g. 1111:05, 0004:14");
                    }
                    rules.list(parts[0].strip(), number(parts[1].strip(), 1, 99));
                }
                break;
            case "issuer-sim.delay.ms":
                rules.delayMillis(number(value, 0, 3_600_000));
                break;
            case "issuer-sim.drop-answers":
                rules.dropAnswers(bool(value));
                break;
            case "issuer-sim.drop-echoes":
                rules.dropEchoes(bool(value));
                break;
            case "issuer-sim.refuse-sign-on":
                rules.refuseSignOn(bool(value));
                break;
            case "issuer-sim.close-on-request":
                rules.closeOnRequest(bool(value));
                break;
            case "issuer-sim.tls.certificate":
                tlsCertificate = value.isEmpty() ? null : Path.of(value);
                break;
            case "issuer-sim.tls.private-key":
                tlsPrivateKey = value.isEmpty() ? null : Path.of(value);
                break;
            default:
                throw new IllegalArgumentException("not a key of the issuer simulator");
        }
    }

    static int number(final String value, final int min, final int max) {
        try {
            final int number = Integer.parseInt(value.replace("_", ""));
            if (number >= min && number <= max) {
                return number;
            }
        }
        catch (final NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException("allowed is a whole number from " + min + " to " + max);
    }

    static boolean bool(final String value) {
        if (value.equals("true") || value.equals("on")) {
            return true;
        }
        if (value.equals("false") || value.equals("off")) {
            return false;
        }
        throw new IllegalArgumentException("allowed is true or false (on or off)");
    }
}
