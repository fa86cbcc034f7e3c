package dev.cardgate.engine.cli;

import java.io.PrintStream;

import dev.cardgate.engine.terminal.TerminalRecord;
import dev.cardgate.engine.terminal.TerminalRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cardgate terminal add}: registers a new terminal. */
@Command(name = "add", mixinStandardHelpOptions = true,
    description = "Register a new terminal (active unless --status says otherwise).",
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {"0:registered", "1:registered already (use set), the registry is full or cannot be used",
        "2:a missing or bad setting, or bad configuration"})
final class TerminalAddCommand extends OperatorCommand {
    @Mixin
    private TerminalIdParameter terminalIdParameter;

    @Mixin
    private TerminalSettings settings;

    @Override
    int execute(final PrintStream out, final PrintStream err) {
        final TerminalRecord terminal = settings.newTerminal(terminalIdParameter.checked());
        try (TerminalRegistry registry = OperatorFiles.terminals(configuration(), true)) {
            try {
                registry.add(terminal);
            }
            catch (final IllegalArgumentException registeredAlready) {
                throw new OperatorFailure(REFUSED, registeredAlready.getMessage());
            }
        }
        out.println("registered");
        TerminalShowCommand.print(out, terminal);
        return OK;
    }
}
