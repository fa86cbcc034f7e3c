package dev.cardgate.engine.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.cardgate.engine.AuthorizationRequestData;
import dev.cardgate.engine.TestEngines;
import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.config.EngineConfigurationLoader;

/** A configuration file in a test's folder, small maps and journal, for the operator commands and an engine. */
final class OperatorFixture {
    static final String TERMINAL = "TERM0001";

    private final Path folder;
    private final Path configFile;

    private OperatorFixture(final Path folder, final Path configFile) {
        this.folder = folder;
        this.configFile = configFile;
    }

    /** @param extraLines more settings, e.g. "rules.file = ..." */
    static OperatorFixture in(final Path folder, final String... extraLines) throws IOException {
        final Path configFile = folder.resolve("cardgate.properties");
        Files.writeString(configFile, "data.dir = " + folder.resolve("data") + "\n"
            + "blocklist.capacity = 1000\n"
            + "terminal.capacity = 1000\n"
            + "journal.segment.bytes = 65536\n"
            + String.join("\n", extraLines) + "\n");
        return new OperatorFixture(folder, configFile);
    }

    Path folder() {
        return folder;
    }

    Path dataDirectory() {
        return folder.resolve("data");
    }

    String config() {
        return configFile.toString();
    }

    /** The same configuration, for launching an engine in this JVM. */
    EngineConfiguration engineConfiguration() {
        return EngineConfigurationLoader.loadBuilder(configFile, Map.of()).build();
    }

    /** A file in the test's folder with these lines. */
    Path file(final String name, final String... lines) throws IOException {
        final Path file = folder.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    /** {@code cardgate SUBCOMMAND... --config FILE ARGUMENTS...}: the configuration goes after the subcommands. */
    OperatorRun withInput(final String stdin, final String commandAndSubcommand, final String... arguments) {
        final String[] words = commandAndSubcommand.split(" ");
        final String[] all = new String[words.length + 2 + arguments.length];
        System.arraycopy(words, 0, all, 0, words.length);
        all[words.length] = "--config";
        all[words.length + 1] = config();
        System.arraycopy(arguments, 0, all, words.length + 2, arguments.length);
        return OperatorRun.withInput(stdin, all);
    }

    OperatorRun run(final String commandAndSubcommand, final String... arguments) {
        return withInput("", commandAndSubcommand, arguments);
    }

    /** A purchase at {@link #TERMINAL} that the default rules approve. */
    static AuthorizationRequestData purchase(final int stan) {
        return TestEngines.request(stan);
    }
}
