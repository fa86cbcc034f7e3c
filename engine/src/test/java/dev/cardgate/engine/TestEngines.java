package dev.cardgate.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.cardgate.engine.blocklist.BlocklistLookup;
import dev.cardgate.engine.config.EngineConfiguration;

/** Engines for pipeline tests: in-memory blocklist, test tokenizer, no files. */
final class TestEngines {
    private TestEngines() {
    }

    static AuthorizationEngine launch(final BlocklistLookup blocklist,
        final UnaryOperator<EngineConfiguration.Builder> settings, final AutoCloseable... resources) {
        final EngineConfiguration configuration = settings.apply(EngineConfiguration.builder()
            .dataDirectory(Path.of("target", "unused-data"))
            .ringSize(1024)).build();
        return new AuthorizationEngine(configuration, null, null, blocklist, TestTokenizer::new, List.of(resources));
    }

    static AuthorizationRequestData request(final int stan) {
        return AuthorizationRequestData.builder()
            .systemTraceAuditNumber(stan)
            .terminalId("TERM0001")
            .merchantId("MERCHANT0000001")
            .expiryYearMonth(2812)
            .amountMinor(1_250)
            .currencyCode(978)
            .merchantCategoryCode(5411)
            .countryCode(276)
            .posEntryMode(51)
            .build();
    }
}
