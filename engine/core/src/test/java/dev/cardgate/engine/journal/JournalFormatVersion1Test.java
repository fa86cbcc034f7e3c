package dev.cardgate.engine.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.event.DecidedEventListener;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionReason;

/**
 * A journal of format version 1, written by the engine before version 2 existed (kept under
 * test resources, journal-v1/README.md says what is in it), is read, replayed and continued.
 */
class JournalFormatVersion1Test {
    private static final long T0 = 1_767_225_600_000L;

    @TempDir
    Path directory;

    @BeforeEach
    void copyTheVersion1Journal() throws IOException, URISyntaxException {
        final Path source = Path.of(getClass().getResource("/journal-v1").toURI());
        try (Stream<Path> files = Files.list(source)) {
            for (final Path file : (Iterable<Path>)files.filter(f -> f.toString().endsWith(".seg"))::iterator) {
                Files.copy(file, directory.resolve(file.getFileName()));
            }
        }
    }

    @Test
    void theReaderReadsEveryVersion1RecordWithField90() throws IOException {
        final List<AuthorizationEvent> read = new ArrayList<>();
        final List<Long> sequences = new ArrayList<>();
        final long count = new JournalReader(directory, problem -> { throw new AssertionError(problem); })
            .read(JournalQuery.ALL, record -> {
                assertEquals(SegmentHeaderDescriptor.FORMAT_VERSION_1, record.formatVersion());
                sequences.add(record.sequence());
                read.add(JournalFixtures.copyOf(record));
            });
        assertEquals(20, count);
        assertEquals(19L, sequences.get(19));
        final AuthorizationEvent expected = new AuthorizationEvent();
        for (int n = 0; n < 19; n++) {
            JournalFixtures.decided(expected, n, T0 + n);
            final AuthorizationEvent actual = read.get(n);
            assertEquals(expected.systemTraceAuditNumber(), actual.systemTraceAuditNumber());
            assertEquals(expected.reason(), actual.reason());
            assertEquals(expected.responseCode(), actual.responseCode());
            assertEquals(expected.authorizationId(), actual.authorizationId());
            assertEquals(expected.cardTokenHigh(), actual.cardTokenHigh());
            assertEquals(expected.amountMinor(), actual.amountMinor());
            assertEquals(expected.terminalIdByte(7), actual.terminalIdByte(7));
            assertEquals(expected.decisionTimeEpochMillis(), actual.decisionTimeEpochMillis());
        }
        final AuthorizationEvent reversal = read.get(19);
        assertEquals(420, reversal.messageTypeIndicator());
        assertEquals(DecisionReason.REVERSAL_ACCEPTED, reversal.reason());
        assertEquals(100, reversal.originalMessageType());
        assertEquals(1, reversal.originalSystemTraceAuditNumber());
        assertEquals(1_231_235_959L, reversal.originalTransmissionDateTime());
        assertEquals(AuthorizationEvent.NO_AUTHORIZATION_ID, reversal.authorizationId());
    }

    @Test
    void anEngineReplaysItAndContinuesInAVersion2SegmentThatVerifies() throws IOException {
        final JournalInventory inventory = new JournalScanner(directory, JournalFixtures.FINGERPRINT, true, false).scan();
        assertEquals(20, inventory.recordCount());
        final List<Integer> replayed = new ArrayList<>();
        JournalReplay.replay(inventory, new DecidedEventListener() {
            @Override
            public void onDecided(final AuthorizationEvent decided) {
                replayed.add(decided.originalSystemTraceAuditNumber() * 1000 + decided.systemTraceAuditNumber());
            }

            @Override
            public long replayWindowMillis() {
                return Long.MAX_VALUE / 2;
            }
        }, T0 + 100);
        assertEquals(20, replayed.size());
        assertEquals(1077, replayed.get(19), "the reversal's field 90 replays");

        final AuthorizationEvent event = new AuthorizationEvent();
        try (JournalWriter writer = new JournalWriter(directory, 128 + 256 * 8, JournalFixtures.KEY,
            FileSegmentStorage.INSTANCE, () -> T0, true, inventory)) {
            assertEquals(3, writer.activeSegmentIndex(), "a version 1 segment is not appended to");
            for (int n = 20; n < 30; n++) {
                assertEquals(n, writer.append(JournalFixtures.decided(event, n, T0 + n), n));
            }
        }
        final JournalInventory continued = new JournalScanner(directory, JournalFixtures.FINGERPRINT, true, false).scan();
        assertEquals(30, continued.recordCount());
        final JournalVerifier.Outcome outcome = new JournalVerifier(directory, JournalFixtures.KEY).verify();
        assertTrue(outcome.intact(), outcome.summary());
        assertEquals(20, outcome.unchainedRecords());
        assertEquals(30, outcome.records());
    }
}
