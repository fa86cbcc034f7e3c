package dev.cardgate.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cardgate block}: the hot-card list, changed in its shared map file (docs/operating.md). */
@Command(name = "block", mixinStandardHelpOptions = true,
    description = "Block, unblock, check, import, export and count cards on the blocklist. Changes go straight "
        + "into the shared map file: a running engine applies them from its next request.",
    subcommands = {BlockAddCommand.class, BlockRemoveCommand.class, BlockCheckCommand.class, BlockImportCommand.class,
        BlockExportCommand.class, BlockCountCommand.class})
final class BlockCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "name a subcommand: add, remove, check, import, export or count");
    }
}
