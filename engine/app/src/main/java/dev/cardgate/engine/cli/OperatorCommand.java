package dev.cardgate.engine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

import dev.cardgate.engine.blocklist.BlocklistException;
import dev.cardgate.engine.config.ConfigurationException;
import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.terminal.TerminalException;
import dev.cardgate.engine.token.TokenKeyException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every operator command shares: the {@code --config} option, the exit statuses, and
 * turning each kind of failure into one message on standard error and its status. Results go to
 * standard output, problems and progress to standard error.
 */
abstract class OperatorCommand implements Callable<Integer> {
    /** Done. */
    static final int OK = 0;
    /** Refused or not found: the card is not listed, the terminal not registered, the file invalid, the map unusable. */
    static final int REFUSED = 1;
    /** Bad usage or input: an option, a PAN, a date, a missing file, bad lines of an import. */
    static final int BAD_INPUT = 2;
    /** No engine answered (rules reload). */
    static final int NO_ENGINE = 3;

    /**
     * Chronicle's INFO lines ("Chronicle core loaded from ...") are for a log, not the operator's
     * screen: an operator command shows its warnings only. Held here, since java.util.logging
     * keeps its loggers weakly and would forget the level. Taken at the first call, not at class
     * load: picocli loads every subcommand class when {@code cardgate serve} starts, and a logger
     * taken then would create java.util.logging's manager before serve installs its own.
     */
    private static java.util.logging.Logger chronicleLog;

    @Mixin
    private ConfigurationOption configurationOption;

    @Spec
    private CommandSpec spec;

    private EngineConfiguration configuration;

    @Override
    public final Integer call() throws InterruptedException {
        chronicleLog = java.util.logging.Logger.getLogger("net.openhft");
        chronicleLog.setLevel(java.util.logging.Level.WARNING);
        final PrintStream err = System.err;
        try {
            return execute(System.out, err);
        }
        catch (final OperatorFailure failure) {
            err.println(name() + ": " + failure.getMessage());
            return failure.exitStatus();
        }
        catch (final ConfigurationException invalid) {
            err.println(name() + ": the configuration " + configurationOption.configFile() + " is invalid:\n"
                + invalid.getMessage());
            return BAD_INPUT;
        }
        catch (final TokenKeyException | BlocklistException | TerminalException cannotUse) {
            err.println(name() + ": " + cannotUse.getMessage());
            return REFUSED;
        }
        catch (final IOException | UncheckedIOException failed) {
            err.println(name() + ": " + failed.getMessage());
            return REFUSED;
        }
        finally {
            OperatorSession.commandEnded();
            System.out.flush();
            err.flush();
        }
    }

    /** Does the work; returns the exit status. */
    abstract int execute(PrintStream out, PrintStream err) throws IOException, InterruptedException;

    /** The configuration, loaded once with the environment's overrides. */
    final EngineConfiguration configuration() {
        if (configuration == null) {
            configuration = configurationOption.load(System.getenv());
        }
        return configuration;
    }

    /** "cardgate block add", for messages. */
    final String name() {
        return spec.qualifiedName(" ");
    }
}
