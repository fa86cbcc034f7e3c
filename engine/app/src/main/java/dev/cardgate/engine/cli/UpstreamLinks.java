package dev.cardgate.engine.cli;

import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.upstream.UpstreamLink;

/**
 * Where {@code cardgate serve} gets its link to the card network: the one place the application
 * builds it. The link itself (Netty, ISO 8583 toward the network, its {@code upstream.*} keys)
 * lives in the {@code engine/upstream} module; until that module is on this application's class
 * path there is no link to build, and the engine answers alone exactly as before. When it is,
 * this method returns the link built from the configuration when {@code upstream.enabled} is
 * true (and null otherwise); the engine starts it and closes it.
 */
final class UpstreamLinks {
    private UpstreamLinks() {
    }

    /** The link {@code serve} runs with, or null for none (the engine decides alone). */
    static UpstreamLink forServe(final EngineConfiguration configuration) {
        return null;
    }
}
