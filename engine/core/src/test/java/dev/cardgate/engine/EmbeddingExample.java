package dev.cardgate.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.cardgate.engine.blocklist.BlockReason;
import dev.cardgate.engine.blocklist.BlocklistEntry;
import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.config.WaitStrategyType;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionListener;
import dev.cardgate.engine.event.PanParts;
import dev.cardgate.engine.token.CardToken;
import dev.cardgate.engine.token.Luhn;
import dev.cardgate.engine.token.PanTokenizer;

/**
 * The complete embedding example of docs/embedding.md: the text between the tag lines is copied
 * into the document verbatim, and {@link EmbeddingExampleTest} runs it and checks the copy.
 */
final class EmbeddingExample {
    private EmbeddingExample() {
    }

    // tag::example[]
    /** Fields 2, 4, 11, 14, 41, 42 and 49, as an ISO 8583 primary bitmap. */
    static final long PRESENT_FIELDS = AuthorizationEvent.fieldBit(2) | AuthorizationEvent.fieldBit(4)
        | AuthorizationEvent.fieldBit(11) | AuthorizationEvent.fieldBit(14) | AuthorizationEvent.fieldBit(41)
        | AuthorizationEvent.fieldBit(42) | AuthorizationEvent.fieldBit(49);

    static List<String> run(final Path dataDirectory) throws Exception {
        final List<String> printed = new ArrayList<>();
        final EngineConfiguration configuration = EngineConfiguration.builder()
            .dataDirectory(dataDirectory)              // token key and blocklist map live here
            .ringSize(1024)
            .waitStrategy(WaitStrategyType.BLOCKING)   // the default: right on 2 cores
            .build();                                  // validates; throws ConfigurationException

        try (AuthorizationEngine engine = AuthorizationEngine.launch(configuration)) {
            // An operator blocks a card (or imports a file, or runs the CLI from another process).
            engine.blocklist().add("5555555555554444", BlockReason.STOLEN, BlocklistEntry.NO_EXPIRY, "CASE-1");

            final AuthorizationRequestData request = AuthorizationRequestData.builder()
                .systemTraceAuditNumber(1)
                .terminalId("TERM0001")
                .merchantId("MERCHANT0000001")
                .expiryYearMonth(2812)
                .amountMinor(2_500)                    // 25.00
                .currencyCode(978)                     // EUR
                .merchantCategoryCode(5411)
                .build();

            // 1. Convenience path, blocking: the PAN is tokenized on this thread, never kept.
            final Decision approved = engine.authorize("4111111111111111", request);
            printed.add(approved.responseCodeText() + " " + approved.reason() + " " + approved.authorizationId()
                + " " + approved.maskedPan());

            // 2. Convenience path, asynchronous: never blocks; a full ring completes it with 91 at once.
            final CompletableFuture<Decision> pending = engine.authorizeAsync("5555555555554444", request);
            final Decision declined = pending.get(5, TimeUnit.SECONDS);
            printed.add(declined.responseCodeText() + " " + declined.reason() + " rule=" + declined.ruleName()
                + " " + declined.maskedPan());

            // 3. Zero-allocation path, as a front-end does it: one tokenizer and one listener per
            //    producer thread, reused for every request; the listener runs on the reply thread.
            final PanTokenizer tokenizer = engine.newTokenizer();
            final CardToken token = new CardToken();
            final BlockingQueue<String> answers = new ArrayBlockingQueue<>(16);
            final DecisionListener listener = event ->
                answers.add(event.correlationId() + " " + event.responseCode() + " " + event.reason());

            final String pan = "4012888888881881";     // in a front-end: bytes in the decoder's buffer
            final long sequence = engine.tryClaim();   // never waits
            if (sequence == AuthorizationEngine.RING_FULL || sequence == AuthorizationEngine.CLOSED) {
                printed.add("answer 91 without the engine");
            }
            else {
                final AuthorizationEvent event = engine.claimedEvent(sequence);
                event.systemTraceAuditNumber(2)
                    .terminalId("TERM0001")
                    .merchantId("MERCHANT0000001")
                    .expiryYearMonth(2812)
                    .amountMinor(990)
                    .currencyCode(978)
                    .presentFields(PRESENT_FIELDS)     // in a front-end: the decoder's primary bitmap
                    .listener(listener)
                    .correlationId(42);                // routes the answer back, e.g. to a connection
                if (tokenizer.tokenize(pan, token)) {
                    event.cardToken(token).maskedPan(pan.length(), PanParts.firstSix(pan), PanParts.lastFour(pan))
                        .panLuhnValid(Luhn.isValid(pan));  // the clear PAN never enters the ring
                }
                engine.publish(sequence);              // always publish what was claimed
                printed.add(answers.poll(5, TimeUnit.SECONDS));
            }
        }                                              // close: drains, answers, releases every file
        return printed;
    }
    // end::example[]
}
