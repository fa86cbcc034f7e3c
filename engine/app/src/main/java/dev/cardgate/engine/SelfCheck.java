package dev.cardgate.engine;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.cardgate.engine.blocklist.BlockReason;
import dev.cardgate.engine.blocklist.BlocklistEntry;
import dev.cardgate.engine.blocklist.BlocklistException;
import dev.cardgate.engine.blocklist.BlocklistStore;
import dev.cardgate.engine.blocklist.ImportReport;
import dev.cardgate.engine.config.ConfigurationException;
import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.config.EngineConfigurationLoader;
import dev.cardgate.engine.decision.TerminalCheck;
import dev.cardgate.engine.event.DecisionReason;
import dev.cardgate.engine.terminal.TerminalRecord;
import dev.cardgate.engine.token.TokenKeyException;

/**
 * {@code cardgate selfcheck}: launches the engine on the given configuration (its rules, its
 * terminal settings) in a folder of its own, never the configured data folder: a fresh
 * owner-only temporary folder, removed at the end, so that its test cards, terminal and decisions
 * never reach production files. There it registers and signs on its own terminal, imports
 * {@code blocklist-sample.csv} beside the configuration file if present, authorizes well-known
 * test cards (a clean one of each brand and one of every blocked kind: lost 41, stolen 43, fraud
 * 59, closed 62, other 04) and prints each decision with the masked PAN. The front-end is not
 * started, so TLS files are not needed.
 *
 * <p>Exit status: 0 when every decision is the expected one, 1 when one is not, 2 when the
 * engine cannot start (bad configuration, key or map file; the message says which).
 *
 * <p>Usage: {@code java @config/jvm.options -jar engine/app/target/cardgate.jar [config file]}
 */
public final class SelfCheck {
    private static final String TERMINAL_ID = "SELFCHK1";
    private static final String MERCHANT_ID = "CARDGATE-SELF";
    /** The cards checked: test PANs only. Blocked ones are those of the sample import file. */
    private static final List<Expectation> EXPECTATIONS = List.of(
        new Expectation("4242424242424242", DecisionReason.APPROVED, null),
        new Expectation("5105105105105100", DecisionReason.APPROVED, null),
        new Expectation("5555555555554444", DecisionReason.CARD_LOST, BlockReason.LOST),
        new Expectation("4111111111111111", DecisionReason.CARD_STOLEN, BlockReason.STOLEN),
        new Expectation("4012888888881881", DecisionReason.CARD_FRAUD, BlockReason.FRAUD),
        new Expectation("378282246310005", DecisionReason.CARD_CLOSED, BlockReason.CLOSED),
        new Expectation("6011111111111117", DecisionReason.CARD_BLOCKED_OTHER, BlockReason.OTHER),
        new Expectation("4111", DecisionReason.INVALID_CARD_NUMBER, null));

    private SelfCheck() {
    }

    public static void main(final String[] arguments) {
        final Path configFile = Path.of(arguments.length > 0 ? arguments[0] : "config/cardgate.properties");
        System.exit(run(configFile, System.getenv(), System.out));
    }

    /** Runs the check; returns the exit status. */
    static int run(final Path configFile, final Map<String, String> environment, final PrintStream out) {
        return run(configFile, environment, null, out);
    }

    /**
     * Runs the check with a relative data folder resolved against {@code baseDirectory} (the
     * cardgate home; null for the working directory); returns the exit status.
     */
    public static int run(final Path configFile, final Map<String, String> environment, final Path baseDirectory,
        final PrintStream out) {
        final Path folder;
        try {
            folder = Files.createTempDirectory("cardgate-selfcheck-");
        }
        catch (final IOException cannotCreate) {
            out.println("cannot create the self-check's folder: " + cannotCreate.getMessage());
            return 2;
        }
        try {
            return runIn(folder, configFile, environment, baseDirectory, out);
        }
        finally {
            remove(folder);
        }
    }

    private static int runIn(final Path folder, final Path configFile, final Map<String, String> environment,
        final Path baseDirectory, final PrintStream out) {
        final EngineConfiguration configuration;
        try {
            configuration = EngineConfigurationLoader.loadBuilder(configFile, environment)
                .baseDirectory(baseDirectory)
                .dataDirectory(folder)
                .frontEnd(frontEnd -> frontEnd.tlsEnabled(false))
                .build();
        }
        catch (final ConfigurationException invalid) {
            out.println(invalid.getMessage());
            return 2;
        }
        out.println(configuration);
        out.println("self-check in " + folder + " (its own folder, removed at the end), rules "
            + (configuration.rulesFile() == null ? "built-in defaults" : configuration.rulesFile().toString()));
        try (AuthorizationEngine engine = AuthorizationEngine.launch(configuration)) {
            prepareBlocklist(engine.blocklist(), configFile.resolveSibling("blocklist-sample.csv"), out);
            signOn(engine);
            int failures = 0;
            int stan = 2;
            for (final Expectation expectation : EXPECTATIONS) {
                final Decision decision = engine.authorize(expectation.pan, AuthorizationRequestData.builder()
                    .systemTraceAuditNumber(stan++)
                    .terminalId(TERMINAL_ID)
                    .merchantId(MERCHANT_ID)
                    .processingCode(0)
                    .expiryYearMonth(3012)
                    .amountMinor(1_000)
                    .currencyCode(978)
                    .merchantCategoryCode(5411)
                    .countryCode(276)
                    .posEntryMode(51)
                    .build());
                final boolean expected = decision.reason() == expectation.reason;
                failures += expected ? 0 : 1;
                out.println((expected ? "ok    " : "WRONG ") + decision
                    + (expected ? "" : "  (expected " + expectation.reason + ")"));
            }
            out.println(failures == 0 ? "self-check passed" : "self-check FAILED: " + failures + " unexpected decisions");
            return failures == 0 ? 0 : 1;
        }
        catch (final TokenKeyException | BlocklistException | java.io.UncheckedIOException cannotStart) {
            out.println("cannot start the engine: " + cannotStart.getMessage());
            return 2;
        }
    }

    /** Registers the self-check's terminal in its own registry and signs it on, as a terminal would. */
    private static void signOn(final AuthorizationEngine engine) {
        engine.terminals().add(TerminalRecord.active(TERMINAL_ID, MERCHANT_ID, 5411, 276, "SELFCHK", "SELFCHK",
            "SELFCHK", "1.0", true));
        engine.authorize("", AuthorizationRequestData.builder().messageTypeIndicator(800)
            .networkManagementCode(TerminalCheck.SIGN_ON_CODE).systemTraceAuditNumber(1).terminalId(TERMINAL_ID)
            .build());
    }

    private static void remove(final Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (final IOException | java.io.UncheckedIOException ignored) {
            // a temporary folder left behind is the system's to clean
        }
    }

    /** Imports the sample if present, then lists any blocked card of the check still missing. */
    private static void prepareBlocklist(final BlocklistStore blocklist, final Path sample, final PrintStream out) {
        if (Files.isRegularFile(sample)) {
            final ImportReport report = blocklist.importFile(sample);
            out.println(report.summary());
        }
        for (final Expectation expectation : EXPECTATIONS) {
            if (expectation.blockReason != null && blocklist.check(expectation.pan).isEmpty()) {
                blocklist.add(expectation.pan, expectation.blockReason, BlocklistEntry.NO_EXPIRY, "SELF-CHECK");
            }
        }
    }

    /** A test card and the decision it must get. */
    private static final class Expectation {
        private final String pan;
        private final DecisionReason reason;
        private final BlockReason blockReason;

        Expectation(final String pan, final DecisionReason reason, final BlockReason blockReason) {
            this.pan = pan;
            this.reason = reason;
            this.blockReason = blockReason;
        }
    }
}
