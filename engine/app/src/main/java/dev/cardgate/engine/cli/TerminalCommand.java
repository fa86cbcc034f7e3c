package dev.cardgate.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cardgate terminal}: the terminal registry, changed in its shared map file (docs/operating.md). */
@Command(name = "terminal", mixinStandardHelpOptions = true,
    description = "Register, change, show, import and list terminals. Changes go straight into the shared map "
        + "file: a running engine applies them from its next request.",
    subcommands = {TerminalAddCommand.class, TerminalSetCommand.class, TerminalShowCommand.class,
        TerminalImportCommand.class, TerminalListCommand.class, TerminalBatchCommand.class})
final class TerminalCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: add, set, show, import or list");
    }
}
