package dev.cardgate.engine.cli;

import java.io.IOException;
import java.io.PrintStream;

import dev.cardgate.engine.terminal.TerminalRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cardgate terminal set}: changes settings of a registered terminal, keeping the rest. */
@Command(name = "set", mixinStandardHelpOptions = true,
    description = "Change the given settings of a registered terminal (e.g. --status disabled, --software 2.5.0); "
        + "the others, its sign-on and last-heard time stay.",
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {"0:changed", "1:the terminal is not registered, or the registry cannot be used",
        "2:nothing to change, a bad setting, or bad configuration"})
final class TerminalSetCommand extends OperatorCommand {
    @Mixin
    private TerminalIdParameter terminalIdParameter;

    @Mixin
    private TerminalSettings settings;

    @Override
    int execute(final PrintStream out, final PrintStream err) throws IOException {
        final String terminalId = terminalIdParameter.checked();
        if (!settings.anyGiven()) {
            throw new OperatorFailure(BAD_INPUT, "nothing to change: give at least one setting, e.g. --status "
                + "disabled (see --help)");
        }
        final TerminalAccess registry = OperatorSession.terminals(configuration());
        final TerminalRecord current = registry.show(terminalId).orElseThrow(() ->
            TerminalIds.notRegistered(terminalId));
        final TerminalRecord changed = settings.applyTo(current);
        if (!registry.set(changed)) {
            throw TerminalIds.notRegistered(terminalId);
        }
        out.println("changed");
        TerminalShowCommand.print(out, changed);
        return OK;
    }
}
