package dev.cardgate.engine;

import java.nio.file.Files;

import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.token.TokenKeyException;

/**
 * What is checked before a launch creates anything (data folder, counters file, token key):
 * a refusal found later would leave those files behind, a new secret among them.
 */
final class LaunchPreconditions {
    private LaunchPreconditions() {
    }

    /**
     * @throws TokenKeyException when the key file is absent but the blocklist exists: the map was
     *     made with a key the engine does not have, and a new one would only be refused by it
     */
    static void check(final EngineConfiguration configuration) {
        if (configuration.tokenKeyHex() == null && !Files.exists(configuration.tokenKeyFile())
            && Files.exists(configuration.blocklistFile())) {
            throw new TokenKeyException("the blocklist at " + configuration.blocklistFile().toAbsolutePath().normalize()
                + " was made with a token key that is not at " + configuration.tokenKeyFile().toAbsolutePath()
                .normalize() + ": set CARDGATE_TOKEN_KEY as the engine had it, or point token.key.file at its key"
                + " file (a new key would not open this blocklist)");
        }
    }
}
