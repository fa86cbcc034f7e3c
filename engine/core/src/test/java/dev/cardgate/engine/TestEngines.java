package dev.cardgate.engine;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

import org.agrona.concurrent.SystemEpochClock;

import dev.cardgate.engine.blocklist.BlocklistLookup;
import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.counters.CountersFile;
import dev.cardgate.engine.terminal.TerminalSource;

/** Engines for pipeline tests: in-memory blocklist, test tokenizer, no files. */
public final class TestEngines {
    private TestEngines() {
    }

    static AuthorizationEngine launch(final BlocklistLookup blocklist,
        final UnaryOperator<EngineConfiguration.Builder> settings, final AutoCloseable... resources) {
        final EngineConfiguration configuration = settings.apply(EngineConfiguration.builder()
            .dataDirectory(Path.of("target", "unused-data"))
            .ringSize(1024)).build();
        return AuthorizationEngine.launch(new EngineContext().configuration(configuration)
            .countersFile(CountersFile.inMemory(SystemEpochClock.INSTANCE)).tokenizers(TestTokenizer::new)
            .blocklistLookup(blocklist).terminals(TerminalSource.NONE).withoutJournal().withoutControlChannel()
            .closeOnClose(resources));
    }

    /** The fields {@link #fill} marks present: a constant, so that the allocation tests measure the engine alone. */
    private static final long FILLED_FIELDS = presentBits(2, 3, 4, 11, 14, 18, 19, 22, 41, 42, 49);

    private static long presentBits(final int... fields) {
        long bits = 0;
        for (final int field : fields) {
            bits |= dev.cardgate.engine.event.AuthorizationEvent.fieldBit(field);
        }
        return bits;
    }

    /**
     * Fills a claimed entry of the zero-allocation path with the fields of {@link #request} and
     * reports them present, as a front-end does from the decoder's bitmap; the card is the
     * caller's to set.
     */
    static dev.cardgate.engine.event.AuthorizationEvent fill(final dev.cardgate.engine.event.AuthorizationEvent event,
        final int stan) {
        event.messageTypeIndicator(100).systemTraceAuditNumber(stan).terminalId("TERM0001")
            .merchantId("MERCHANT0000001").expiryYearMonth(4912).amountMinor(1_250).currencyCode(978)
            .merchantCategoryCode(5411).countryCode(276).posEntryMode(51).panLuhnValid(true);
        return event.presentFields(FILLED_FIELDS);
    }

    /** A purchase the default rules approve: 12.50 EUR at a grocery (5411) in Germany, terminal TERM0001. */
    public static AuthorizationRequestData request(final int stan) {
        return AuthorizationRequestData.builder()
            .systemTraceAuditNumber(stan)
            .terminalId("TERM0001")
            .merchantId("MERCHANT0000001")
            .processingCode(0)
            .expiryYearMonth(4912)
            .amountMinor(1_250)
            .currencyCode(978)
            .merchantCategoryCode(5411)
            .countryCode(276)
            .posEntryMode(51)
            .build();
    }
}
