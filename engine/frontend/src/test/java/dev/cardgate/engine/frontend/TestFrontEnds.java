package dev.cardgate.engine.frontend;

import java.nio.file.Path;
import java.util.function.Consumer;

import dev.cardgate.codec.framing.LengthHeader;
import dev.cardgate.engine.AuthorizationEngine;
import dev.cardgate.engine.blocklist.BlockReason;
import dev.cardgate.engine.blocklist.BlocklistEntry;
import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.config.FrontEndConfiguration;

/** Engines and front-end settings for the front-end's tests: real files in a test folder, port 0. */
final class TestFrontEnds {
    /** Approved: not on the blocklist. */
    static final String CLEAN_CARD = "4242424242424242";
    /** Declined 43: blocklisted as stolen. */
    static final String STOLEN_CARD = "5555555555554444";
    /** Declined 14: too short to be a card number. */
    static final String SHORT_CARD = "411111";

    private TestFrontEnds() {
    }

    /** An engine on {@code dataDirectory} with {@link #STOLEN_CARD} blocked. */
    static AuthorizationEngine launchEngine(final Path dataDirectory, final Consumer<EngineConfiguration.Builder> settings) {
        final EngineConfiguration.Builder builder = EngineConfiguration.builder()
            .dataDirectory(dataDirectory)
            .ringSize(1024)
            .blocklistCapacity(1_000);
        settings.accept(builder);
        final AuthorizationEngine engine = AuthorizationEngine.launch(builder.build());
        engine.blocklist().add(STOLEN_CARD, BlockReason.STOLEN, BlocklistEntry.NO_EXPIRY, "TEST");
        return engine;
    }

    static AuthorizationEngine launchEngine(final Path dataDirectory) {
        return launchEngine(dataDirectory, builder -> { });
    }

    /** Front-end settings on a free loopback port, validated as the engine validates them. */
    static FrontEndConfiguration frontEnd(final Consumer<FrontEndConfiguration.Builder> settings) {
        return EngineConfiguration.builder()
            .frontEnd(frontEnd -> {
                frontEnd.port(0);
                settings.accept(frontEnd);
            })
            .build()
            .frontEnd();
    }

    static FrontEndConfiguration frontEnd(final String dialect, final LengthHeader lengthHeader, final boolean tpdu) {
        return frontEnd(settings -> settings.dialect(dialect).lengthHeader(lengthHeader).tpdu(tpdu));
    }
}
