package dev.cardgate.engine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.cardgate.engine.journal.JournalReaderCommand;
import dev.cardgate.engine.token.CardToken;
import dev.cardgate.engine.token.TokenKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cardgate journal}: the decision journal's reader ({@link JournalReaderCommand}) with the
 * configured journal folder and token key as defaults. A PAN to search for is hashed here with the
 * key, and only its token is handed on.
 */
@Command(name = "journal", mixinStandardHelpOptions = true,
    description = "Dump, search, follow or summarize the decision journal; safe while the engine writes it.",
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {"0:read", "1:damaged records were met (each printed), no journal, or the key cannot be used",
        "2:bad option, PAN or configuration"})
final class JournalCommand extends OperatorCommand {
    @Option(names = "--dir", paramLabel = "FOLDER", description = "the journal folder (default: data.dir/journal.dir)")
    private Path directory;

    @Option(names = "--key-file", paramLabel = "FILE",
        description = "the token key for --pan (default: CARDGATE_TOKEN_KEY, else data.dir/token.key.file)")
    private Path keyFile;

    @Option(names = "--from", paramLabel = "INSTANT", description = "decisions at or after, e.g. 2026-12-01T08:00:00Z")
    private String from;

    @Option(names = "--to", paramLabel = "INSTANT", description = "decisions before")
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

    @Option(names = "--stats", paramLabel = "SECONDS", description = "counts per response code per interval")
    private Long statsSeconds;

    @Option(names = "--json", description = "JSON lines instead of aligned text")
    private boolean json;

    @Option(names = "--follow", description = "keep printing new decisions as the engine writes them")
    private boolean follow;

    @Override
    int execute(final PrintStream out, final PrintStream err) throws IOException {
        final Path journalDirectory = directory != null ? directory : configuration().journal().directory();
        if (!Files.isDirectory(journalDirectory)) {
            throw new OperatorFailure(REFUSED, "there is no journal at " + journalDirectory.toAbsolutePath().normalize()
                + ": check --dir or data.dir and journal.dir (the engine creates it at its first start)");
        }
        final List<String> arguments = new ArrayList<>(List.of("--dir", journalDirectory.toString()));
        addIfGiven(arguments, "--from", from);
        addIfGiven(arguments, "--to", to);
        addIfGiven(arguments, "--terminal", terminal);
        addIfGiven(arguments, "--merchant", merchant);
        addIfGiven(arguments, "--response", response);
        addIfGiven(arguments, "--rule", rule);
        addIfGiven(arguments, "--stats", statsSeconds);
        if (pan != null) {
            addIfGiven(arguments, "--token", tokenOf(PanInput.readDigits(pan, err)));
        }
        if (json) {
            arguments.add("--json");
        }
        if (follow) {
            arguments.add("--follow");
        }
        return JournalReaderCommand.run(arguments.toArray(new String[0]), out, err, () -> true);
    }

    private String tokenOf(final String cardNumber) {
        final TokenKey key = keyFile != null ? TokenKey.loadOrCreate(InputFiles.requireReadable(keyFile, "token key"))
            : OperatorFiles.tokenKey(configuration(), false);
        final CardToken token = new CardToken();
        key.newTokenizer().tokenize(cardNumber, token);
        return token.toString();
    }

    private static void addIfGiven(final List<String> arguments, final String option, final Object value) {
        if (value != null) {
            arguments.add(option);
            arguments.add(value.toString());
        }
    }
}
