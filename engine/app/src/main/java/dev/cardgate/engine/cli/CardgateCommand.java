package dev.cardgate.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code cardgate}: the runnable jar's entry point. It only dispatches to a subcommand; run
 * without one it prints its usage and fails.
 */
@Command(name = "cardgate", mixinStandardHelpOptions = true, version = "cardgate 0.1.0",
    description = "Low-latency card authorization engine for acquirers.",
    subcommands = {ServeCommand.class, SelfCheckCommand.class, BlockCommand.class, TerminalCommand.class,
        RulesCommand.class, JournalCommand.class, StatCommand.class, IssuerSimCommand.class, SafCommand.class, BatchCommand.class, HelpCommand.class})
public final class CardgateCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    public static void main(final String[] arguments) {
        System.exit(execute(arguments));
    }

    /** Runs the command line; returns the exit status. */
    public static int execute(final String... arguments) {
        return new CommandLine(new CardgateCommand()).execute(arguments);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "name a subcommand: " + String.join(", ", spec.subcommands().keySet()));
    }
}
