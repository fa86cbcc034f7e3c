package dev.cardgate.engine;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import org.agrona.concurrent.SystemEpochClock;

import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.counters.CountersFile;
import dev.cardgate.engine.terminal.TerminalSource;
import dev.cardgate.engine.upstream.UpstreamLink;

/**
 * Engines with an upstream link for the flow tests: a data folder of the test's (the
 * store-and-forward file and, when asked for, the journal), the test tokenizer, an in-memory
 * blocklist, no terminal registry, and a clock the test moves.
 */
final class UpstreamEngines {
    static final String CLEAN_PAN = "4111111111111111";
    static final String STOLEN_PAN = "5555555555554444";

    /** The engines' wall clock: starts at 2026-12-04T04:00:00Z, moved by the tests. */
    final AtomicLong clock = new AtomicLong(1_796_356_800_000L);
    private final Path dataDirectory;

    UpstreamEngines(final Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    AuthorizationEngine launch(final UpstreamLink link, final boolean journal,
        final UnaryOperator<EngineConfiguration.Builder> settings) {
        final EngineConfiguration configuration = settings.apply(EngineConfiguration.builder()
            .dataDirectory(dataDirectory).engineName("upstream-test").ringSize(256).blocklistCapacity(1_000)
            .clock(clock::get, "test clock")).build();
        final EngineContext context = new EngineContext().configuration(configuration)
            .countersFile(CountersFile.inMemory(SystemEpochClock.INSTANCE)).tokenizers(TestTokenizer::new)
            .blocklistLookup(new InMemoryBlocklist().block(STOLEN_PAN, dev.cardgate.engine.blocklist.BlockReason.STOLEN))
            .terminals(TerminalSource.NONE).withoutControlChannel().upstreamLink(link);
        return AuthorizationEngine.launch(journal ? context : context.withoutJournal());
    }

    /** A purchase the local checks approve, {@code amount} minor units, at terminal TERM0001. */
    static AuthorizationRequestData purchase(final int stan, final long amount) {
        return AuthorizationRequestData.builder().systemTraceAuditNumber(stan).transmissionDateTime(1_204_040_000L + stan)
            .terminalId("TERM0001").merchantId("MERCHANT0000001").processingCode(0).expiryYearMonth(4912)
            .amountMinor(amount).currencyCode(978).merchantCategoryCode(5411).countryCode(276).posEntryMode(51).build();
    }

    static Decision await(final java.util.concurrent.CompletableFuture<Decision> answer) throws Exception {
        return answer.get(10, TimeUnit.SECONDS);
    }
}
