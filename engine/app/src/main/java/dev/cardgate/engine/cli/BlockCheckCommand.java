package dev.cardgate.engine.cli;

import java.io.IOException;
import java.io.PrintStream;

import dev.cardgate.engine.blocklist.BlocklistEntry;
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
        final CardBlocklist.Checked checked = OperatorSession.blocklist(configuration(), false).check(pan);
        final BlocklistEntry entry = checked.entry();
        final long now = System.currentTimeMillis();
        out.println(entry == null ? "not listed" : entry.blocksAt(now) ? "blocked" : "expired");
        BlockOutput.printCard(out, pan, checked.token());
        if (entry == null) {
            return REFUSED;
        }
        BlockOutput.printEntry(out, entry, now);
        return entry.blocksAt(now) ? OK : REFUSED;
    }
}
