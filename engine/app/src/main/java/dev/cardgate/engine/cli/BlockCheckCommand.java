package dev.cardgate.engine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;

import dev.cardgate.engine.blocklist.BlocklistEntry;
import dev.cardgate.engine.blocklist.BlocklistStore;
import dev.cardgate.engine.token.TokenKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cardgate block check}: shows a card's entry. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Show whether a card is blocked, why, since and until when.",
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {"0:the card is blocked", "1:the card is not listed, its entry has expired, or the blocklist "
        + "cannot be used", "2:bad PAN or configuration"})
final class BlockCheckCommand extends OperatorCommand {
    @Mixin
    private PanParameter panParameter;

    @Override
    int execute(final PrintStream out, final PrintStream err) throws IOException {
        final String pan = panParameter.read(err);
        final TokenKey key = OperatorFiles.tokenKey(configuration(), false);
        try (BlocklistStore store = OperatorFiles.blocklist(configuration(), key, false)) {
            final Optional<BlocklistEntry> entry = store.check(pan);
            final long now = System.currentTimeMillis();
            out.println(entry.isEmpty() ? "not listed" : entry.get().blocksAt(now) ? "blocked" : "expired");
            BlockOutput.printCard(out, pan, key);
            if (entry.isEmpty()) {
                return REFUSED;
            }
            BlockOutput.printEntry(out, entry.get(), now);
            return entry.get().blocksAt(now) ? OK : REFUSED;
        }
    }
}
