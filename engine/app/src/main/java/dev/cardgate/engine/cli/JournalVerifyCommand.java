package dev.cardgate.engine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.cardgate.engine.journal.JournalKey;
import dev.cardgate.engine.journal.JournalVerifier;
import dev.cardgate.engine.token.TokenKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cardgate journal verify}: proves with the token key that no decision in the journal
 * was altered, removed or inserted since it was written, and that no segment is missing,
 * reordered or replaced ({@link JournalVerifier}).
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Check every record's chain MAC and every link between segments; print a summary.",
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {"0:intact (summary printed)", "1:not intact (the first bad sequence or segment named), no journal, "
        + "or the key cannot be used", "2:bad option or configuration"})
final class JournalVerifyCommand extends OperatorCommand {
    @Option(names = "--dir", paramLabel = "FOLDER", description = "the journal folder (default: data.dir/journal.dir)")
    private Path directory;

    @Option(names = "--key-file", paramLabel = "FILE",
        description = "the engine's token key (default: CARDGATE_TOKEN_KEY, else data.dir/token.key.file)")
    private Path keyFile;

    @Override
    int execute(final PrintStream out, final PrintStream err) throws IOException {
        final Path journalDirectory = directory != null ? directory : configuration().journal().directory();
        if (!Files.isDirectory(journalDirectory)) {
            throw new OperatorFailure(REFUSED, "there is no journal at " + journalDirectory.toAbsolutePath().normalize()
                + ": check --dir or data.dir and journal.dir");
        }
        final TokenKey key = keyFile != null ? TokenKey.loadOrCreate(InputFiles.requireReadable(keyFile, "token key"))
            : OperatorFiles.tokenKey(configuration(), false);
        final JournalVerifier.Outcome outcome = new JournalVerifier(journalDirectory, JournalKey.of(key)).verify();
        if (outcome.intact()) {
            out.println(outcome.summary());
            return OK;
        }
        err.println(outcome.summary());
        return REFUSED;
    }
}
