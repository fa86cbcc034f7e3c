package dev.cardgate.engine.cli;

import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.config.FrontEndConfiguration;
import dev.cardgate.engine.upstream.UpstreamLinkFactory;
import dev.cardgate.engine.upstream.link.NettyUpstreamLink;

/**
 * Where {@code cardgate serve} gets its link to the card network: the one place the application
 * builds it. With {@code upstream.enabled = true} the link (engine/upstream, its
 * {@code upstream.*} keys) reads the terminals' frames in the front-end's dialect and framing and
 * counts into the engine's counters file; otherwise there is none and the engine answers alone.
 */
final class UpstreamLinks {
    private UpstreamLinks() {
    }

    /** The link {@code serve} runs with, or null for none (the engine decides alone). */
    static UpstreamLinkFactory forServe(final EngineConfiguration configuration) {
        if (!configuration.upstream().enabled()) {
            return null;
        }
        final FrontEndConfiguration terminals = configuration.frontEnd();
        return counters -> new NettyUpstreamLink(configuration.upstream(), terminals.dialect(),
            terminals.frameFormat(), counters);
    }
}
