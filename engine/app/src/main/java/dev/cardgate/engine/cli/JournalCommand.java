package dev.cardgate.engine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.journal.JournalPrinter;
import dev.cardgate.engine.journal.JournalQuery;
import dev.cardgate.engine.terminal.AsciiCodes;
import dev.cardgate.engine.token.CardToken;
import dev.cardgate.engine.token.SafeEcho;
import dev.cardgate.engine.token.TokenKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cardgate journal}: reads the decision journal ({@link JournalPrinter}) with the
 * configured journal folder and token key as defaults; {@code cardgate journal verify} checks
 * its chain. A PAN to search for is hashed here with the key, and only its token is searched.
 */
@Command(name = "journal", mixinStandardHelpOptions = true,
    description = "Dump, search, follow or summarize the decision journal; safe while the engine writes it.",
    subcommands = JournalVerifyCommand.class,
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {"0:read", "1:damaged records or a missing segment were met (each printed), no journal, or the key "
        + "cannot be used", "2:bad option, PAN or configuration"})
final class JournalCommand extends OperatorCommand {
    private static final int MAX_RESPONSE_CODE = 99;
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    @Option(names = "--dir", paramLabel = "FOLDER", description = "the journal folder (default: data.dir/journal.dir)")
    private Path directory;

    @Option(names = "--key-file", paramLabel = "FILE",
        description = "the token key for --pan (default: CARDGATE_TOKEN_KEY, else data.dir/token.key.file)")
    private Path keyFile;

    @Option(names = "--from", paramLabel = "DATE|INSTANT",
        description = "decisions at or after: an instant (2026-12-01T08:00:00Z) or a date (2026-12-01: from the start "
            + "of that day, UTC)")
    private String from;

    @Option(names = "--to", paramLabel = "DATE|INSTANT",
        description = "decisions before an instant, or through a date (2026-12-01: up to the end of that day, UTC)")
    private String to;

    @Option(names = "--terminal", paramLabel = "ID", description = "of this terminal (field 41)")
    private String terminal;

    @Option(names = "--merchant", paramLabel = "ID", description = "of this merchant (field 42)")
    private String merchant;

    @Option(names = "--pan", paramLabel = "PAN|-", arity = "0..1", fallbackValue = "-",
        description = "of this card; - or no value: read the PAN from standard input")
    private String pan;

    @Option(names = "--response", paramLabel = "NN", description = "answered with this field 39 (0 for 00)")
    private Integer response;

    @Option(names = "--rule", paramLabel = "N", description = "decided by this rule id")
    private Integer rule;

    @Option(names = "--batch", paramLabel = "N", description = "counted in this batch of its terminal (with --terminal)")
    private Integer batch;

    @Option(names = "--stats", paramLabel = "SECONDS", description = "counts per response code per interval")
    private Long statsSeconds;

    @Option(names = "--json", description = "JSON lines instead of aligned text")
    private boolean json;

    @Option(names = "--follow", description = "keep printing new decisions as the engine writes them")
    private boolean follow;

    @Override
    int execute(final PrintStream out, final PrintStream err) throws IOException {
        final Path journalDirectory = journalDirectory(directory);
        JournalQuery query = JournalQuery.ALL.withTimeRange(instant(from, "--from", Long.MIN_VALUE, false),
            instant(to, "--to", Long.MAX_VALUE, true));
        if (terminal != null) {
            query = query.withTerminal(TerminalIds.check(terminal));
        }
        if (merchant != null) {
            query = query.withMerchant(merchantId(merchant));
        }
        if (response != null) {
            if (response < 0 || response > MAX_RESPONSE_CODE) {
                throw new OperatorFailure(BAD_INPUT, "--response " + response + " is not a field 39 of two digits: "
                    + "give 0 to 99 (0 for 00, 43 for 43)");
            }
            query = query.withResponseCode(response);
        }
        if (rule != null) {
            if (rule < 0) {
                throw new OperatorFailure(BAD_INPUT, "--rule " + rule + " is not a rule id: give 0 or more");
            }
            query = query.withRule(rule);
        }
        if (statsSeconds != null && statsSeconds < 1) {
            throw new OperatorFailure(BAD_INPUT, "--stats " + statsSeconds + " is not an interval: give 1 second or more");
        }
        if (batch != null) {
            query = query.withBatch(batch);
        }
        if (pan != null) {
            final CardToken token = tokenOf(PanInput.readDigits(pan, err));
            query = query.withCardToken(token.high(), token.low());
        }
        final long statsMillis = statsSeconds == null ? 0 : statsSeconds * 1000;
        return JournalPrinter.print(journalDirectory, query, statsMillis, json, follow, out, err, () -> true);
    }

    /** The journal folder: {@code given}, else the configured one; refused when it does not exist. */
    private Path journalDirectory(final Path given) {
        final Path journalDirectory = given != null ? given : configuration().journal().directory();
        if (!Files.isDirectory(journalDirectory)) {
            throw new OperatorFailure(REFUSED, "there is no journal at " + journalDirectory.toAbsolutePath().normalize()
                + ": check --dir or data.dir and journal.dir (the engine creates it at its first start)");
        }
        return journalDirectory;
    }

    /**
     * Epoch milliseconds of an instant, or of a date's start ({@code endOfDay}: of the next
     * day's start, so that --to 2026-12-04 takes that whole day).
     */
    private static long instant(final String text, final String option, final long absent, final boolean endOfDay) {
        if (text == null) {
            return absent;
        }
        final String given = text.strip();
        try {
            if (DATE.matcher(given).matches()) {
                final LocalDate day = LocalDate.parse(given);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            return OffsetDateTime.parse(given).toInstant().toEpochMilli();
        }
        catch (final DateTimeParseException | ArithmeticException bad) {
            throw new OperatorFailure(BAD_INPUT, option + " " + SafeEcho.quoted(text) + " is not a date (2026-12-01, "
                + "UTC) or an instant with its offset (2026-12-01T08:00:00Z)");
        }
    }

    private static String merchantId(final String text) {
        final String problem = AsciiCodes.describeProblem("merchant id", text, AuthorizationEvent.MERCHANT_ID_LENGTH);
        if (problem != null) {
            throw new OperatorFailure(BAD_INPUT, problem + ": give field 42 as the terminal sends it, 1-"
                + AuthorizationEvent.MERCHANT_ID_LENGTH + " printable ASCII characters");
        }
        return text;
    }

    private CardToken tokenOf(final String cardNumber) {
        final TokenKey key = keyFile != null ? TokenKey.loadOrCreate(InputFiles.requireReadable(keyFile, "token key"))
            : OperatorFiles.tokenKey(configuration(), false);
        final CardToken token = new CardToken();
        key.newTokenizer().tokenize(cardNumber, token);
        return token;
    }
}
