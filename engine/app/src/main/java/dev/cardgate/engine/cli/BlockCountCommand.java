package dev.cardgate.engine.cli;

import java.io.PrintStream;

import dev.cardgate.engine.blocklist.BlocklistStore;
import picocli.CommandLine.Command;

/** {@code cardgate block count}: how full the blocklist is. */
@Command(name = "count", mixinStandardHelpOptions = true,
    description = "Print how many entries the blocklist holds (expired ones included) and its capacity.",
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {"0:printed", "1:the blocklist cannot be used", "2:bad configuration"})
final class BlockCountCommand extends OperatorCommand {
    @Override
    int execute(final PrintStream out, final PrintStream err) {
        try (BlocklistStore store = OperatorFiles.blocklist(configuration(),
            OperatorFiles.tokenKey(configuration(), false), false)) {
            out.println(store.count() + " of " + store.capacity() + " entries used, in " + store.mapFile());
        }
        return OK;
    }
}
