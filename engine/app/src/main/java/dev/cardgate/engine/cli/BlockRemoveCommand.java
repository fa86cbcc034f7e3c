package dev.cardgate.engine.cli;

import java.io.IOException;
import java.io.PrintStream;

import dev.cardgate.engine.blocklist.BlocklistStore;
import dev.cardgate.engine.token.TokenKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cardgate block remove}: unlists a card. */
@Command(name = "remove", mixinStandardHelpOptions = true,
    description = "Unblock a card: the engine stops declining it from its next request.",
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {"0:removed", "1:the card was not listed, or the blocklist cannot be used",
        "2:bad PAN or configuration"})
final class BlockRemoveCommand extends OperatorCommand {
    @Mixin
    private PanParameter panParameter;

    @Override
    int execute(final PrintStream out, final PrintStream err) throws IOException {
        final String pan = panParameter.read(err);
        final TokenKey key = OperatorFiles.tokenKey(configuration(), false);
        try (BlocklistStore store = OperatorFiles.blocklist(configuration(), key, false)) {
            final boolean removed = store.remove(pan);
            out.println(removed ? "removed" : "not listed");
            BlockOutput.printCard(out, pan, key);
            return removed ? OK : REFUSED;
        }
    }
}
