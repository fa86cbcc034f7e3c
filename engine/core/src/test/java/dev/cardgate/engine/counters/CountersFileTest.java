package dev.cardgate.engine.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.AuthorizationEngine;
import dev.cardgate.engine.AuthorizationRequestData;
import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.decision.DecisionCounter;
import dev.cardgate.engine.event.DecisionReason;
import dev.cardgate.engine.files.OwnerOnlyFiles;
import dev.cardgate.engine.journal.JournalCounter;
import dev.cardgate.engine.pipeline.PipelineCounter;

/**
 * The engine's counters file: owner-only in the data folder, laid out so that an Agrona
 * CountersReader over a read-only mapping sees what the engine counts, and refused when it is
 * not a counters file.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CountersFileTest {
    @TempDir
    Path folder;

    @Test
    void theEngineWritesAnOwnerOnlyCountersFileThatAReaderSeesAsTheEngineCounts() throws IOException {
        final Path dataDirectory = folder.resolve("data");
        try (AuthorizationEngine engine = AuthorizationEngine.launch(EngineConfiguration.builder()
            .dataDirectory(dataDirectory).blocklistCapacity(1_000).build())) {
            for (int stan = 1; stan <= 5; stan++) {
                assertTrue(engine.authorize("5105105105105100", request(stan)).approved());
            }
            assertEquals(DecisionReason.INVALID_CARD_NUMBER, engine.authorize("4111", request(6)).reason());

            final Path file = dataDirectory.resolve(CountersFileDescriptor.FILE_NAME);
            assertEquals(file, engine.countersFile());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            assertNull(OwnerOnlyFiles.describeExcessPermissions(file));
            final CountersFileReader reader = CountersFileReader.open(file);
            assertEquals(ProcessHandle.current().pid(), reader.processId());
            final List<CounterValue> values = reader.read();
            assertEquals(6, value(values, "requests"));
            assertEquals(5, value(values, "approvals"));
            assertEquals(1, value(values, "declines.by-reason reason=INVALID_CARD_NUMBER"));
            assertEquals(1, value(values, "declines.by-code code=14"));
            assertEquals(engine.counters().value(JournalCounter.RECORDS), value(values, "journal.records"));
            assertEquals(6, value(values, "journal.position"));
            assertEquals(6, engine.counters().value(PipelineCounter.REQUESTS));
            assertEquals(5, engine.counters().value(DecisionCounter.APPROVALS));
            final CounterValue approvals = values.stream().filter(value -> value.label().equals("approvals"))
                .findFirst().orElseThrow();
            assertEquals(DecisionCounter.APPROVALS.id(), approvals.descriptorId(), "the key holds the descriptor's id");
            assertEquals(CounterTypes.TOTAL, approvals.typeId());
        }
    }

    @Test
    void aFileThatIsNotACountersFileIsRefusedNamingIt() throws IOException {
        final Path notCounters = folder.resolve(CountersFileDescriptor.FILE_NAME);
        Files.write(notCounters, new byte[4096]);
        final CountersFileException refused = assertThrows(CountersFileException.class,
            () -> CountersFileReader.open(notCounters));
        assertTrue(refused.getMessage().contains(notCounters + " is not a cardgate counters file"),
            refused.getMessage());
    }

    private static long value(final List<CounterValue> values, final String label) {
        return values.stream().filter(value -> value.label().equals(label)).findFirst()
            .orElseThrow(() -> new AssertionError("no counter " + label + " in " + values)).value();
    }

    private static AuthorizationRequestData request(final int stan) {
        return AuthorizationRequestData.builder().systemTraceAuditNumber(stan).terminalId("TERM0001")
            .merchantId("MERCHANT0000001").expiryYearMonth(4912).amountMinor(1_250).currencyCode(978)
            .merchantCategoryCode(5411).countryCode(276).posEntryMode(51).build();
    }
}
