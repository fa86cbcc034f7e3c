package dev.cardgate.engine.cli;

import java.io.PrintWriter;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cardgate help [COMMAND...]}: the help of the command named by the whole path, e.g.
 * {@code cardgate help block add} prints what {@code cardgate block add --help} does (picocli's
 * own help command follows only the first word, and printed the help of {@code block}).
 */
@Command(name = "help", helpCommand = true,
    description = "Print the help of a command: cardgate help block add.",
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {"0:printed", "2:no such command"})
final class HelpCommand implements Runnable, CommandLine.IHelpCommandInitializable2 {
    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "the command, e.g. block add")
    private List<String> path = List.of();

    @Spec
    private CommandSpec spec;

    private PrintWriter out;
    private CommandLine.Help.ColorScheme colorScheme;

    @Override
    public void init(final CommandLine helpCommandLine, final CommandLine.Help.ColorScheme colors,
        final PrintWriter outWriter, final PrintWriter errWriter) {
        this.colorScheme = colors;
        this.out = outWriter;
    }

    @Override
    public void run() {
        CommandLine command = spec.parent().commandLine();
        for (final String name : path) {
            final CommandLine next = command.getSubcommands().get(name);
            if (next == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no command '" + command.getCommandName()
                    + " " + name + "': " + command.getCommandName() + " has " + String.join(", ",
                        command.getSubcommands().keySet()));
            }
            command = next;
        }
        if (out == null) {
            command.usage(System.out);
        }
        else {
            command.usage(out, colorScheme);
            out.flush();
        }
    }
}
