package dev.cardgate.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cardgate rules}: check a rules file, or make the running engine reload its own. */
@Command(name = "rules", mixinStandardHelpOptions = true,
    description = "Check a policy and risk rules file (docs/rules.md), or make the running engine reload its rules.",
    subcommands = {RulesCheckCommand.class, RulesReloadCommand.class})
final class RulesCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: check or reload");
    }
}
