package dev.cardgate.engine.journal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.BooleanSupplier;

import dev.cardgate.engine.token.CardToken;
import dev.cardgate.engine.token.TokenKey;

/**
 * The journal reader as a command: dump, find, follow and statistics, as aligned text or JSON
 * lines; safe to run while the engine writes. The {@code cardgate journal} subcommand wraps
 * {@link #run}. Usage:
 * <pre>
 *   JournalReaderCommand --dir DATA/journal [--from INSTANT] [--to INSTANT] [--terminal ID]
 *       [--merchant ID] [--pan PAN --key-file FILE | --token HEX] [--response NN] [--rule N]
 *       [--stats SECONDS] [--json] [--follow]
 * </pre>
 * {@code --pan} is tokenized with the key file's key (the engine's), and the token is searched:
 * the PAN itself is in no record. {@code --token} takes the token itself, 32 hexadecimal digits.
 */
public final class JournalReaderCommand {
    private JournalReaderCommand() {
    }

    public static void main(final String[] arguments) throws IOException {
        final int status = run(arguments, System.out, System.err, () -> true);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the command.
     *
     * @param keepFollowing with {@code --follow}, polled between reads: false ends the command
     * @return 0, or 2 for bad arguments, 1 when damaged records were met
     */
    public static int run(final String[] arguments, final PrintStream out, final PrintStream err,
        final BooleanSupplier keepFollowing) throws IOException {
        Path directory = null;
        JournalQuery query = JournalQuery.ALL;
        long from = Long.MIN_VALUE;
        long to = Long.MAX_VALUE;
        String pan = null;
        Path keyFile = null;
        long statsMillis = 0;
        boolean json = false;
        boolean follow = false;
        try {
            for (int i = 0; i < arguments.length; i++) {
                final String option = arguments[i];
                switch (option) {
                    case "--json":
                        json = true;
                        break;
                    case "--follow":
                        follow = true;
                        break;
                    default:
                        if (i + 1 >= arguments.length) {
                            throw new IllegalArgumentException(option + " needs a value");
                        }
                        final String value = arguments[++i];
                        switch (option) {
                            case "--dir":
                                directory = Path.of(value);
                                break;
                            case "--from":
                                from = Instant.parse(value).toEpochMilli();
                                break;
                            case "--to":
                                to = Instant.parse(value).toEpochMilli();
                                break;
                            case "--terminal":
                                query = query.withTerminal(value);
                                break;
                            case "--merchant":
                                query = query.withMerchant(value);
                                break;
                            case "--pan":
                                pan = value;
                                break;
                            case "--key-file":
                                keyFile = Path.of(value);
                                break;
                            case "--token":
                                query = withCardToken(query, value);
                                break;
                            case "--response":
                                query = query.withResponseCode(Integer.parseInt(value));
                                break;
                            case "--rule":
                                query = query.withRule(Integer.parseInt(value));
                                break;
                            case "--stats":
                                statsMillis = Long.parseLong(value) * 1000;
                                break;
                            default:
                                throw new IllegalArgumentException("unknown option " + option);
                        }
                }
            }
            if (directory == null) {
                throw new IllegalArgumentException("--dir (the journal folder) is required");
            }
            if (pan != null) {
                if (keyFile == null) {
                    throw new IllegalArgumentException("--pan needs --key-file, the engine's token key");
                }
                if (!java.nio.file.Files.isRegularFile(keyFile)) {
                    throw new IllegalArgumentException("--key-file " + keyFile + " does not exist");
                }
                final CardToken token = new CardToken();
                if (!TokenKey.loadOrCreate(keyFile).newTokenizer().tokenize(pan, token)) {
                    throw new IllegalArgumentException("--pan is not 12 to 19 digits");
                }
                query = query.withCardToken(token.high(), token.low());
            }
        }
        catch (final IllegalArgumentException | DateTimeParseException bad) {
            err.println("journal reader: " + bad.getMessage());
            return 2;
        }
        return JournalPrinter.print(directory, query.withTimeRange(from, to), statsMillis, json, follow, out, err,
            keepFollowing);
    }

    /** A card by its token as 32 hexadecimal digits, as {@code cardgate block} prints it. */
    private static JournalQuery withCardToken(final JournalQuery query, final String hex) {
        if (!hex.matches("[0-9a-fA-F]{32}")) {
            throw new IllegalArgumentException("--token is not 32 hexadecimal digits (a card token as "
                + "`cardgate block check` prints it)");
        }
        return query.withCardToken(Long.parseUnsignedLong(hex.substring(0, 16), 16),
            Long.parseUnsignedLong(hex.substring(16), 16));
    }
}
