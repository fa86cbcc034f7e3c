package dev.cardgate.engine.cli;

import java.util.concurrent.Callable;

import dev.cardgate.engine.SelfCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cardgate selfcheck}: runs the engine's self-check ({@link SelfCheck}) on the configuration. */
@Command(name = "selfcheck", mixinStandardHelpOptions = true,
    description = "Launch the engine, authorize well-known test cards and check every decision. "
        + "Exit status 0: all as expected, 1: a wrong decision, 2: the engine cannot start.")
final class SelfCheckCommand implements Callable<Integer> {
    @Mixin
    private ConfigurationOption configuration;

    @Override
    public Integer call() {
        return SelfCheck.run(configuration.configFile(), System.getenv(), ConfigurationOption.home(), System.out);
    }
}
