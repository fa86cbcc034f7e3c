package dev.cardgate.engine.cli;

import java.io.IOException;
import java.io.PrintStream;

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
        final CardBlocklist.Removed removed = OperatorSession.blocklist(configuration(), false).remove(pan);
        out.println(removed.removed() ? "removed" : "not listed");
        BlockOutput.printCard(out, pan, removed.token());
        return removed.removed() ? OK : REFUSED;
    }
}
