package dev.cardgate.engine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;

import dev.cardgate.engine.terminal.TerminalRecord;
import dev.cardgate.engine.token.SafeEcho;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cardgate terminal show}: one terminal's registration. */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = "Show a terminal's registration, sign-on and when the engine last heard from it.",
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {"0:shown", "1:the terminal is not registered, or the registry cannot be used",
        "2:bad terminal id or configuration"})
final class TerminalShowCommand extends OperatorCommand {
    @Mixin
    private TerminalIdParameter terminalIdParameter;

    @Override
    int execute(final PrintStream out, final PrintStream err) throws IOException {
        final String terminalId = terminalIdParameter.checked();
        print(out, OperatorSession.terminals(configuration()).show(terminalId)
            .orElseThrow(() -> TerminalIds.notRegistered(terminalId)));
        return OK;
    }

    static void print(final PrintStream out, final TerminalRecord terminal) {
        out.println("terminal         " + SafeEcho.visible(terminal.terminalId()));
        out.println("status           " + terminal.status().configName());
        out.println("merchant         " + SafeEcho.visible(terminal.merchantId()));
        out.println("mcc              " + String.format("%04d", terminal.merchantCategoryCode()));
        out.println("country          " + String.format("%03d", terminal.countryCode()));
        out.println("region           " + SafeEcho.visible(terminal.region()));
        out.println("group            " + SafeEcho.visible(terminal.group()));
        out.println("model            " + SafeEcho.visible(terminal.model()));
        out.println("software         " + terminal.softwareVersion());
        out.println("sign-on required " + (terminal.signOnRequired() ? "yes" : "no"));
        out.println("signed on        " + (terminal.signedOn() ? "yes" : "no"));
        out.println("last heard       " + lastHeard(terminal));
    }

    static String lastHeard(final TerminalRecord terminal) {
        return terminal.lastHeardEpochMillis() == 0 ? "never" : Instant.ofEpochMilli(terminal.lastHeardEpochMillis())
            .toString();
    }
}
