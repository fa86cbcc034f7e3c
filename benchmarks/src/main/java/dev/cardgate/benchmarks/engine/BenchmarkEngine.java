package dev.cardgate.benchmarks.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.agrona.concurrent.UnsafeBuffer;

import dev.cardgate.engine.AuthorizationEngine;
import dev.cardgate.engine.blocklist.BlockReason;
import dev.cardgate.engine.blocklist.BlocklistEntry;
import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.config.ThreadLayout;
import dev.cardgate.engine.config.WaitStrategyType;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionListener;
import dev.cardgate.engine.token.CardToken;
import dev.cardgate.engine.token.PanTokenizer;

/**
 * A real engine (token key, Chronicle Map blocklist with one blocked card) in a temporary data
 * folder, and a producer that submits requests through the zero-allocation path: every 16th
 * request is for the blocked card (answered 43), the others approved.
 *
 * <p>{@link #submit} runs on one producer thread and allocates nothing.
 */
public final class BenchmarkEngine implements AutoCloseable {
    static final String CLEAN_PAN = "4111111111111111";
    static final String BLOCKED_PAN = "5555555555554444";
    /** Fields 2, 4, 11, 14, 18, 41, 42 and 49 as a primary bitmap: what the engine requires by default. */
    private static final long PRESENT_FIELDS = AuthorizationEvent.fieldBit(2) | AuthorizationEvent.fieldBit(4)
        | AuthorizationEvent.fieldBit(11) | AuthorizationEvent.fieldBit(14) | AuthorizationEvent.fieldBit(18)
        | AuthorizationEvent.fieldBit(41) | AuthorizationEvent.fieldBit(42) | AuthorizationEvent.fieldBit(49);

    private final Path dataDirectory;
    private final AuthorizationEngine engine;
    private final CardToken cleanToken = new CardToken();
    private final CardToken blockedToken = new CardToken();
    private final UnsafeBuffer terminalId = new UnsafeBuffer("TERM0001".getBytes(StandardCharsets.US_ASCII));
    private final UnsafeBuffer merchantId = new UnsafeBuffer("MERCHANT0000001".getBytes(StandardCharsets.US_ASCII));

    BenchmarkEngine(final WaitStrategyType waitStrategy, final ThreadLayout threadLayout, final int ringSize) {
        this(waitStrategy, threadLayout, ringSize, journal -> journal.enabled(false));
    }

    /** An engine with the given journal settings; the journal lives in the temporary data folder. */
    public BenchmarkEngine(final WaitStrategyType waitStrategy, final ThreadLayout threadLayout, final int ringSize,
        final java.util.function.UnaryOperator<dev.cardgate.engine.config.JournalConfiguration.Builder> journal) {
        try {
            dataDirectory = Files.createTempDirectory("cardgate-benchmark-");
        }
        catch (final IOException failure) {
            throw new UncheckedIOException(failure);
        }
        engine = AuthorizationEngine.launch(EngineConfiguration.builder()
            .dataDirectory(dataDirectory)
            .engineName("benchmark")
            .ringSize(ringSize)
            .waitStrategy(waitStrategy)
            .threadLayout(threadLayout)
            .blocklistCapacity(10_000)
            .journal(journal)
            .build());
        engine.blocklist().add(BLOCKED_PAN, BlockReason.STOLEN, BlocklistEntry.NO_EXPIRY, "BENCHMARK");
        final PanTokenizer tokenizer = engine.newTokenizer();
        tokenizer.tokenize(CLEAN_PAN, cleanToken);
        tokenizer.tokenize(BLOCKED_PAN, blockedToken);
    }

    /**
     * Claims (spinning politely while the ring is full), fills and publishes one request.
     *
     * @return false when the engine is closed
     */
    public boolean submit(final int number, final long correlationId, final DecisionListener listener) {
        long sequence;
        while ((sequence = engine.tryClaim()) == AuthorizationEngine.RING_FULL) {
            Thread.yield();
        }
        if (sequence == AuthorizationEngine.CLOSED) {
            return false;
        }
        final AuthorizationEvent event = engine.claimedEvent(sequence);
        final boolean blocked = (number & 15) == 0;
        event.messageTypeIndicator(100)
            .systemTraceAuditNumber(number % 999_999 + 1)
            .transmissionDateTime(number)
            .terminalId(terminalId, 0)
            .merchantId(merchantId, 0)
            .cardToken(blocked ? blockedToken : cleanToken)
            .maskedPan(16, blocked ? 555555 : 411111, blocked ? 4444 : 1111)
            .expiryYearMonth(2812)
            .amountMinor(1_000 + (number & 1023))
            .currencyCode(978)
            .merchantCategoryCode(5411)
            .panLuhnValid(true)
            .presentFields(PRESENT_FIELDS)
            .listener(listener)
            .correlationId(correlationId);
        engine.publish(sequence);
        return true;
    }

    public AuthorizationEngine engine() {
        return engine;
    }

    /** The engine's data folder (the journal is in its {@code journal} subfolder). */
    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        engine.close();
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (final IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
