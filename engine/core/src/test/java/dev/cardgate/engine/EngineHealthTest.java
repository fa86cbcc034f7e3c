package dev.cardgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.journal.FailingSegmentStorage;

/** What /health reports of the engine: ready, the journal unable to write and writing again, closing. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EngineHealthTest {
    @TempDir
    Path dataDirectory;

    @Test
    void reportsTheJournalWhileItCannotWriteAndTheCloseOnceItBegins() throws InterruptedException {
        final FailingSegmentStorage storage = new FailingSegmentStorage();
        final AuthorizationEngine engine = AuthorizationEngine.launch(new EngineContext()
            .configuration(EngineConfiguration.builder().dataDirectory(dataDirectory).blocklistCapacity(1_000)
                .journal(journal -> journal.retryIntervalMillis(50)).build())
            .journalStorage(storage));
        try {
            assertEquals(List.of(), engine.healthProblems());

            storage.failFromNowOn();
            assertEquals(96, engine.authorize("5105105105105100", TestEngines.request(1)).responseCode());
            assertEquals(List.of("the journal cannot write (" + dataDirectory.resolve("journal") + ")"),
                engine.healthProblems());

            storage.heal();
            Thread.sleep(100);
            assertTrue(engine.authorize("5105105105105100", TestEngines.request(2)).approved());
            assertEquals(List.of(), engine.healthProblems());
        }
        finally {
            engine.close();
        }
        assertEquals(1, engine.healthProblems().size());
        assertTrue(engine.healthProblems().get(0).startsWith("the engine is closing"), engine.healthProblems().get(0));
    }
}
