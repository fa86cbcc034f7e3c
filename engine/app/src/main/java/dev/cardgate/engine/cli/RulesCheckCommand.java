package dev.cardgate.engine.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import dev.cardgate.engine.rules.RuleSet;
import dev.cardgate.engine.rules.RulesFileException;
import dev.cardgate.engine.rules.RulesParser;
import dev.cardgate.engine.token.SafeEcho;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cardgate rules check}: validates a rules file here, touching no engine. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Validate a rules file as the engine would, without touching a running engine: print every "
        + "problem as file:line: reason, or what the file defines.",
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {"0:valid", "1:invalid (every problem printed)", "2:no such file, or bad configuration"})
final class RulesCheckCommand extends OperatorCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
        description = "the rules file (default: rules.file of the configuration)")
    private Path file;

    @Override
    int execute(final PrintStream out, final PrintStream err) {
        final Path rulesFile = file != null ? file : configuredRulesFile();
        InputFiles.requireReadable(rulesFile, "rules file");
        final RuleSet rules;
        try {
            rules = RulesParser.parse(rulesFile);
        }
        catch (final RulesFileException invalid) {
            invalid.problems().forEach(problem -> err.println(SafeEcho.visible(problem)));
            out.println(rulesFile + ": invalid, " + invalid.problems().size() + " problem"
                + (invalid.problems().size() == 1 ? "" : "s"));
            return REFUSED;
        }
        out.println(rulesFile + ": valid");
        out.println(rules);
        rules.describe().stream().sorted().forEach(rule -> out.println("  " + rule));
        return OK;
    }

    private Path configuredRulesFile() {
        final Path configured = configuration().rulesFile();
        if (configured == null) {
            throw new OperatorFailure(BAD_INPUT, "no rules file given, and the configuration has rules.file = none: "
                + "name the file to check");
        }
        return configured;
    }
}
