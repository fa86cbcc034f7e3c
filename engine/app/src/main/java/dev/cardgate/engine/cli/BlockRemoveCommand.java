package dev.cardgate.engine.cli;

import java.io.IOException;
import java.io.PrintStream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cardgate block remove}: unlists a card. */
@Command(name = "remove", mixinStandardHelpOptions = true,
    description = {"Unblock a card: the engine stops declining it from its next request.",
        "With --file FILE (or - for standard input), every card of a list, one PAN a line, in one call, with a "
            + "summary: FILE: N cards, R removed, L not-listed, B rejected."},
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {"0:removed (with --file: every line read, listed or not)",
        "1:the card was not listed, or the blocklist cannot be used", "2:bad PAN (with --file: a line rejected) or "
            + "configuration"})
final class BlockRemoveCommand extends OperatorCommand {
    @Mixin
    private PanParameter panParameter;

    @Mixin
    private CardListOption cardList;

    @Override
    int execute(final PrintStream out, final PrintStream err) throws IOException {
        if (cardList.given()) {
            if (panParameter.given()) {
                throw new OperatorFailure(BAD_INPUT, "give one PAN or --file, not both");
            }
            final CardBlocklist blocklist = OperatorSession.blocklist(configuration(), false);
            return cardList.forEachCard(out, err, pan -> {
                final CardBlocklist.Removed removed = blocklist.remove(pan);
                return new CardListOption.Done(removed.removed() ? "removed" : "not-listed", removed.token());
            });
        }
        final String pan = panParameter.read(err);
        final CardBlocklist.Removed removed = OperatorSession.blocklist(configuration(), false).remove(pan);
        out.println(removed.removed() ? "removed" : "not listed");
        BlockOutput.printCard(out, pan, removed.token());
        return removed.removed() ? OK : REFUSED;
    }
}
