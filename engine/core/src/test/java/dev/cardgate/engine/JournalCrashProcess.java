package dev.cardgate.engine;

import java.nio.file.Path;

import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.event.DecisionListener;
import dev.cardgate.engine.token.CardToken;

/**
 * The child JVM of {@link JournalCrashTest}: an engine with the journal (batch, ack-after-sync)
 * under continuous load; prints each answered request's STAN after its listener has fired, until
 * it is killed. Arguments: the data folder and the token key as hex.
 */
public final class JournalCrashProcess {
    private JournalCrashProcess() {
    }

    public static void main(final String[] arguments) {
        final EngineConfiguration configuration = EngineConfiguration.builder()
            .dataDirectory(Path.of(arguments[0]))
            .engineName("crash")
            .ringSize(1024)
            .blocklistCapacity(1_000)
            .tokenKeyHex(arguments[1])
            .journal(journal -> journal.segmentBytes(64 * 1024))
            .build();
        final AuthorizationEngine engine = AuthorizationEngine.launch(configuration);
        final CardToken token = new CardToken();
        engine.newTokenizer().tokenize("4111111111111111", token);
        final DecisionListener printer = event -> {
            if (event.approved()) {
                System.out.println(event.systemTraceAuditNumber());
            }
        };
        for (int stan = 1; ; stan++) {
            final long sequence = engine.claim();
            if (sequence < 0) {
                return;
            }
            TestEngines.fill(engine.claimedEvent(sequence), stan).cardToken(token).maskedPan(16, 411111, 1111)
                .amountMinor(stan).listener(printer);
            engine.publish(sequence);
        }
    }
}
