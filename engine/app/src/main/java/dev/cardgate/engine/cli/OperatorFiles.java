package dev.cardgate.engine.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.cardgate.engine.DataDirectory;
import dev.cardgate.engine.blocklist.BlocklistStore;
import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.terminal.TerminalRegistry;
import dev.cardgate.engine.token.TokenKey;

/**
 * Opens the engine's shared files for an operator command, as the configuration names them. A
 * command that changes a map creates what is missing (data folder, key, map) as the engine's
 * first start would; a command that only reads refuses to, so that a mistyped data.dir shows as
 * an error rather than as an empty blocklist.
 */
final class OperatorFiles {
    private OperatorFiles() {
    }

    /** The card token key: CARDGATE_TOKEN_KEY when set, else the key file. */
    static TokenKey tokenKey(final EngineConfiguration configuration, final boolean createIfAbsent) {
        if (configuration.tokenKeyHex() != null) {
            return TokenKey.fromHex(configuration.tokenKeyHex());
        }
        final Path keyFile = configuration.tokenKeyFile();
        if (!createIfAbsent) {
            requireExisting(keyFile, "token key", "token.key.file (or the environment variable CARDGATE_TOKEN_KEY)");
        }
        if (!Files.exists(keyFile) && Files.exists(configuration.blocklistFile())) {
            // a new key would only be refused by the map, and leave a stray secret behind
            throw new OperatorFailure(OperatorCommand.REFUSED, "the blocklist at "
                + configuration.blocklistFile().toAbsolutePath().normalize() + " was made with a token key that is "
                + "not at " + keyFile.toAbsolutePath().normalize() + ": set CARDGATE_TOKEN_KEY as the engine has it, "
                + "or point token.key.file at the engine's key file");
        }
        DataDirectory.createIfAbsent(configuration.dataDirectory());
        return TokenKey.loadOrCreate(keyFile);
    }

    /** The blocklist, opened with {@code key} (the map refuses any other than the one it was made with). */
    static BlocklistStore blocklist(final EngineConfiguration configuration, final TokenKey key,
        final boolean createIfAbsent) {
        if (!createIfAbsent) {
            requireExisting(configuration.blocklistFile(), "blocklist", "blocklist.file");
        }
        return BlocklistStore.open(configuration.blocklistFile(), configuration.blocklistCapacity(), key);
    }

    static TerminalRegistry terminals(final EngineConfiguration configuration, final boolean createIfAbsent) {
        if (!createIfAbsent) {
            requireExisting(configuration.terminalFile(), "terminal registry", "terminal.file");
        }
        DataDirectory.createIfAbsent(configuration.dataDirectory());
        return TerminalRegistry.open(configuration.terminalFile(), configuration.terminalCapacity());
    }

    private static void requireExisting(final Path file, final String what, final String setting) {
        if (!Files.exists(file)) {
            throw new OperatorFailure(OperatorCommand.REFUSED, "there is no " + what + " at "
                + file.toAbsolutePath().normalize() + " (data.dir and " + setting + "): check --config, or start "
                + "the engine once (it creates it)");
        }
    }
}
