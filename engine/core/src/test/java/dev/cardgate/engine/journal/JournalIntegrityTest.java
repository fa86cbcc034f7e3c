package dev.cardgate.engine.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.event.AuthorizationSlotDescriptor;

/**
 * The chain proves the journal whole: a record altered, removed or inserted (its checksum and
 * sequences made to match again, as anyone without the key can) is found by the verifier at its
 * sequence; a missing, reordered or replaced segment is found by the start-up scan, the reader
 * and the verifier, each naming the break.
 */
class JournalIntegrityTest {
    private static final long T0 = 1_767_225_600_000L;
    private static final int RECORD = AuthorizationSlotDescriptor.RECORD_LENGTH;
    private static final int COUNT = JournalFixtures.RECORDS_PER_SMALL_SEGMENT * 2 + 10;

    @TempDir
    Path directory;

    @TempDir
    Path other;

    @Test
    void anUntouchedJournalVerifies() throws IOException {
        JournalFixtures.write(directory, COUNT, T0);
        final JournalVerifier.Outcome outcome = new JournalVerifier(directory, JournalFixtures.KEY).verify();
        assertTrue(outcome.intact(), outcome.summary());
        assertEquals(COUNT, outcome.records());
        assertEquals(3, outcome.segments());
        assertTrue(outcome.summary().contains("sequences 0 to " + (COUNT - 1)), outcome.summary());
    }

    @Test
    void anAlteredDecisionIsFoundAtItsSequence() throws IOException {
        JournalFixtures.write(directory, COUNT, T0);
        final Path first = SegmentFiles.segmentPath(directory, 0);
        final byte[] bytes = Files.readAllBytes(first);
        // record 5, a stolen card declined 43, made an approval
        final int offset = SegmentHeaderDescriptor.recordOffset(5);
        assertEquals(43, bytes[offset + AuthorizationSlotDescriptor.RESPONSE_CODE_OFFSET]);
        bytes[offset + AuthorizationSlotDescriptor.RESPONSE_CODE_OFFSET] = 0;
        bytes[offset + AuthorizationSlotDescriptor.REASON_OFFSET] =
            (byte)dev.cardgate.engine.event.DecisionReason.APPROVED.ordinal();
        resealChecksum(bytes, offset);
        Files.write(first, bytes);

        assertEquals(COUNT, new JournalScanner(directory, JournalFixtures.FINGERPRINT, false, false).scan().recordCount(),
            "the checksum alone does not see it");
        assertNotIntactAt("sequence 5 in " + first);
    }

    @Test
    void aRemovedDecisionIsFoundWhereItWas() throws IOException {
        JournalFixtures.write(directory, COUNT, T0);
        final Path first = SegmentFiles.segmentPath(directory, 0);
        final byte[] bytes = Files.readAllBytes(first);
        // record 20 taken out: the later ones move down and are renumbered, checksums recomputed
        final int removed = SegmentHeaderDescriptor.recordOffset(20);
        final int end = SegmentHeaderDescriptor.recordOffset(JournalFixtures.RECORDS_PER_SMALL_SEGMENT);
        System.arraycopy(bytes, removed + RECORD, bytes, removed, end - removed - RECORD);
        java.util.Arrays.fill(bytes, end - RECORD, end, (byte)0);
        for (int i = 20; i < JournalFixtures.RECORDS_PER_SMALL_SEGMENT - 1; i++) {
            final int offset = SegmentHeaderDescriptor.recordOffset(i);
            new UnsafeBuffer(bytes).putLong(offset + AuthorizationSlotDescriptor.SEQUENCE_OFFSET, i,
                java.nio.ByteOrder.LITTLE_ENDIAN);
            resealChecksum(bytes, offset);
        }
        Files.write(first, bytes);

        assertNotIntactAt("sequence 20 in " + first);
    }

    @Test
    void anInsertedDecisionIsFoundWhereItWasPut() throws IOException {
        JournalFixtures.write(directory, 30, T0);
        final Path only = SegmentFiles.segmentPath(directory, 0);
        final byte[] bytes = Files.readAllBytes(only);
        // a copy of record 3 put in at 10: the later ones move up and are renumbered
        final int inserted = SegmentHeaderDescriptor.recordOffset(10);
        final int end = SegmentHeaderDescriptor.recordOffset(31);
        System.arraycopy(bytes, inserted, bytes, inserted + RECORD, end - inserted - RECORD);
        System.arraycopy(bytes, SegmentHeaderDescriptor.recordOffset(3), bytes, inserted, RECORD);
        for (int i = 10; i < 31; i++) {
            final int offset = SegmentHeaderDescriptor.recordOffset(i);
            new UnsafeBuffer(bytes).putLong(offset + AuthorizationSlotDescriptor.SEQUENCE_OFFSET, i,
                java.nio.ByteOrder.LITTLE_ENDIAN);
            resealChecksum(bytes, offset);
        }
        Files.write(only, bytes);

        assertNotIntactAt("sequence 10 in " + only);
    }

    @Test
    void aMissingSegmentIsFoundAtStartByTheReaderAndByTheVerifier() throws IOException {
        JournalFixtures.write(directory, COUNT, T0);
        Files.delete(SegmentFiles.segmentPath(directory, 1));

        final String gap = "sequences " + JournalFixtures.RECORDS_PER_SMALL_SEGMENT + " to "
            + (2 * JournalFixtures.RECORDS_PER_SMALL_SEGMENT - 1);
        assertStartRefused(gap);
        assertReaderReports(gap);
        assertNotIntactAt(gap);
    }

    @Test
    void reorderedSegmentsAreFoundAtStartByTheReaderAndByTheVerifier() throws IOException {
        JournalFixtures.write(directory, COUNT, T0);
        final Path second = SegmentFiles.segmentPath(directory, 1);
        final Path third = SegmentFiles.segmentPath(directory, 2);
        final Path aside = directory.resolve("aside");
        Files.move(second, aside);
        Files.move(third, second);
        Files.move(aside, third);

        assertStartRefused("its header says segment 2");
        assertReaderReports("segments out of order");
        assertNotIntactAt("its header says segment 2");
    }

    @Test
    void aReplacedSegmentIsFoundAtStartByTheReaderAndByTheVerifier() throws IOException {
        JournalFixtures.write(directory, COUNT, T0);
        // the same requests decided a second later, in another journal with the same key
        JournalFixtures.write(other, COUNT, T0 + 1_000);
        Files.copy(SegmentFiles.segmentPath(other, 1), SegmentFiles.segmentPath(directory, 1),
            StandardCopyOption.REPLACE_EXISTING);

        assertStartRefused("does not continue the chain of " + SegmentFiles.segmentPath(directory, 0));
        assertReaderReports("does not continue the chain");
        assertNotIntactAt("does not continue the chain");
    }

    @Test
    void theVerifierRefusesAnotherKey() throws IOException {
        JournalFixtures.write(directory, 10, T0);
        final JournalVerifier.Outcome outcome = new JournalVerifier(directory,
            new JournalKey(JournalFixtures.FINGERPRINT, new byte[32])).verify();
        assertFalse(outcome.intact());
        assertTrue(outcome.problem().contains("sequence 0"), outcome.summary());
    }

    @Test
    void anAmendedDecisionKeepsTheChainWholeForTheRecordsAfterIt() throws IOException {
        final JournalInventory empty = new JournalScanner(directory, JournalFixtures.FINGERPRINT, true, false).scan();
        final dev.cardgate.engine.event.AuthorizationEvent event = new dev.cardgate.engine.event.AuthorizationEvent();
        try (JournalWriter writer = new JournalWriter(directory, JournalFixtures.SMALL_SEGMENT, JournalFixtures.KEY,
            FileSegmentStorage.INSTANCE, () -> T0, true, empty)) {
            final long amended = writer.append(JournalFixtures.decided(event, 1, T0), 0);
            for (int n = 2; n < 6; n++) {
                writer.append(JournalFixtures.decided(event, n, T0 + n), n);
            }
            assertTrue(writer.amendDecision(amended, dev.cardgate.engine.event.DecisionReason.JOURNAL_FAILURE, 904));
        }
        final JournalVerifier.Outcome outcome = new JournalVerifier(directory, JournalFixtures.KEY).verify();
        assertTrue(outcome.intact(), outcome.summary());
        assertEquals(5, outcome.records());
    }

    private void assertStartRefused(final String expected) {
        final JournalException refused = assertThrows(JournalException.class,
            () -> new JournalScanner(directory, JournalFixtures.FINGERPRINT, true, false).scan());
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    }

    private void assertReaderReports(final String expected) throws IOException {
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int status = JournalPrinter.print(directory, JournalQuery.ALL, 0, true, false,
            new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8), () -> false);
        final String printed = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, printed);
        assertTrue(printed.contains(expected), printed);
    }

    private void assertNotIntactAt(final String expected) throws IOException {
        final JournalVerifier.Outcome outcome = new JournalVerifier(directory, JournalFixtures.KEY).verify();
        assertFalse(outcome.intact(), outcome.summary());
        assertTrue(outcome.problem().contains(expected), outcome.summary());
    }

    private static void resealChecksum(final byte[] bytes, final int offset) {
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        buffer.putInt(offset + AuthorizationSlotDescriptor.CHECKSUM_OFFSET,
            new RecordChecksum().compute(buffer, offset + AuthorizationSlotDescriptor.CHECKSUMMED_FROM,
                RECORD - AuthorizationSlotDescriptor.CHECKSUMMED_FROM), java.nio.ByteOrder.LITTLE_ENDIAN);
    }
}
