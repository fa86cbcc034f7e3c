package dev.cardgate.engine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;

import dev.cardgate.engine.control.NoEngineAnsweredException;
import dev.cardgate.engine.control.RulesReloadClient;
import dev.cardgate.engine.rules.RulesReloadReport;
import dev.cardgate.engine.token.SafeEcho;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cardgate rules reload}: asks the engine running on the configured data folder (another
 * process) to reload its rules file, through the control channel ({@code <data.dir>/control}).
 */
@Command(name = "reload", mixinStandardHelpOptions = true,
    description = "Make the running engine (cardgate serve on the same data.dir) reload its rules file. A valid "
        + "file takes effect from the engine's next request; an invalid one is refused, every problem printed, "
        + "and the rules in force stay.",
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {"0:accepted", "1:refused (every problem printed; the old rules stay)", "2:bad configuration",
        "3:no engine answered (none running on this data folder, or it did not answer in time)"})
final class RulesReloadCommand extends OperatorCommand {
    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
        description = "how long to wait for the engine's answer (default: ${DEFAULT-VALUE})")
    private long timeoutSeconds;

    @Override
    int execute(final PrintStream out, final PrintStream err) throws IOException, InterruptedException {
        if (timeoutSeconds < 1 || timeoutSeconds > 600) {
            throw new OperatorFailure(BAD_INPUT, "--timeout " + timeoutSeconds + " is not from 1 to 600 seconds");
        }
        final RulesReloadReport report;
        try {
            report = RulesReloadClient.reload(configuration().dataDirectory(), Duration.ofSeconds(timeoutSeconds));
        }
        catch (final NoEngineAnsweredException noAnswer) {
            throw new OperatorFailure(NO_ENGINE, noAnswer.getMessage());
        }
        if (!report.accepted()) {
            report.problems().forEach(problem -> err.println(SafeEcho.visible(problem)));
            out.println("refused: " + report.problems().size() + " problem" + (report.problems().size() == 1 ? "" : "s")
                + "; the rules in force stay");
            return REFUSED;
        }
        out.println("accepted: rules version " + report.version() + ", in force from the engine's next request");
        out.println(report.summary());
        return OK;
    }
}
