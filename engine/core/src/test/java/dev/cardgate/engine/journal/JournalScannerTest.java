package dev.cardgate.engine.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionReason;

class JournalScannerTest {
    private static final long T0 = 1_767_225_600_000L;

    @TempDir
    Path directory;

    @Test
    void recordsRoundTripAcrossSegmentsWithEveryField() throws IOException {
        final int count = JournalFixtures.RECORDS_PER_SMALL_SEGMENT * 2 + 10;
        final JournalInventory inventory = JournalFixtures.write(directory, count, T0);

        assertEquals(3, inventory.segments().size());
        assertEquals(count, inventory.recordCount());
        assertEquals(count, inventory.nextSequence());
        assertNull(inventory.truncatedTail());
        final List<AuthorizationEvent> read = new ArrayList<>();
        new JournalReader(directory, problem -> { throw new AssertionError(problem); }).read(JournalQuery.ALL,
            record -> {
                read.add(JournalFixtures.copyOf(record));
            });
        assertEquals(count, read.size());
        final AuthorizationEvent expected = new AuthorizationEvent();
        for (int n = 0; n < count; n++) {
            JournalFixtures.decided(expected, n, T0 + n);
            final AuthorizationEvent actual = read.get(n);
            assertEquals(expected.systemTraceAuditNumber(), actual.systemTraceAuditNumber());
            assertEquals(expected.amountMinor(), actual.amountMinor());
            assertEquals(expected.cardTokenHigh(), actual.cardTokenHigh());
            assertEquals(expected.reason(), actual.reason());
            assertEquals(expected.ruleId(), actual.ruleId());
            assertEquals(expected.authorizationId(), actual.authorizationId());
            assertEquals(expected.decisionTimeEpochMillis(), actual.decisionTimeEpochMillis());
            assertEquals(expected.transmissionDateTime(), actual.transmissionDateTime());
            assertEquals(expected.terminalIdByte(7), actual.terminalIdByte(7));
            assertEquals(expected.merchantIdByte(14), actual.merchantIdByte(14));
            assertEquals(expected.panFirstSix(), actual.panFirstSix());
            assertEquals(expected.panLastFour(), actual.panLastFour());
            assertEquals(expected.posEntryMode(), actual.posEntryMode());
        }
    }

    @Test
    void segmentsAreOwnerOnlyAndHoldNoClearPan() throws IOException {
        JournalFixtures.write(directory, 10, T0);
        final Path segment = SegmentFiles.list(directory).get(0);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(segment)));
        final String bytes = new String(Files.readAllBytes(segment), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(bytes.indexOf("4111111111111111") < 0);
    }

    @Test
    void cutsOffATornRecordAtTheTailAndAppendsAfterTheLastWholeOne() throws IOException {
        JournalFixtures.write(directory, 100, T0);
        final Path segment = SegmentFiles.list(directory).get(0);
        final int tornOffset = SegmentHeaderDescriptor.recordOffset(100);
        writeBytes(segment, tornOffset + 8, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});

        final JournalInventory repaired = new JournalScanner(directory, JournalFixtures.FINGERPRINT, true, false).scan();

        assertNotNull(repaired.truncatedTail());
        assertTrue(repaired.truncatedTail().contains("at byte " + tornOffset), repaired.truncatedTail());
        assertEquals(100, repaired.nextSequence());
        assertNull(new JournalScanner(directory, JournalFixtures.FINGERPRINT, true, false).scan().truncatedTail());
        final JournalInventory appended = JournalFixtures.write(directory, 5, T0);
        assertEquals(105, appended.recordCount());
    }

    @Test
    void aFlippedByteIsNeverReadAsValidAndRefusesStartWithItsPosition() throws IOException {
        JournalFixtures.write(directory, JournalFixtures.RECORDS_PER_SMALL_SEGMENT + 20, T0);
        final Path first = SegmentFiles.list(directory).get(0);
        final int damagedOffset = SegmentHeaderDescriptor.recordOffset(7);
        flipByte(first, damagedOffset + JournalRecordDescriptor.AMOUNT_OFFSET);

        final JournalException refused = assertThrows(JournalException.class,
            () -> new JournalScanner(directory, JournalFixtures.FINGERPRINT, true, false).scan());
        assertTrue(refused.getMessage().contains(first + " at byte " + damagedOffset), refused.getMessage());
        assertTrue(refused.getMessage().contains("checksum"), refused.getMessage());

        final List<String> damage = new ArrayList<>();
        final List<Long> sequences = new ArrayList<>();
        new JournalReader(directory, damage::add).read(JournalQuery.ALL, record -> sequences.add(record.sequence()));
        assertEquals(1, damage.size());
        assertTrue(!sequences.contains(7L) && sequences.contains(6L) && sequences.contains(8L));
    }

    @Test
    void skipsACorruptSegmentOnlyWhenToldTo() throws IOException {
        JournalFixtures.write(directory, JournalFixtures.RECORDS_PER_SMALL_SEGMENT * 2 + 5, T0);
        final Path first = SegmentFiles.list(directory).get(0);
        flipByte(first, SegmentHeaderDescriptor.recordOffset(3) + JournalRecordDescriptor.STAN_OFFSET);

        final JournalInventory skipped = new JournalScanner(directory, JournalFixtures.FINGERPRINT, true, true).scan();

        assertEquals(1, skipped.skippedCorruptions().size());
        assertEquals(2, skipped.segments().size());
        assertEquals(JournalFixtures.RECORDS_PER_SMALL_SEGMENT + 5, skipped.recordCount());
    }

    @Test
    void refusesASegmentWrittenWithAnotherTokenKey() throws IOException {
        JournalFixtures.write(directory, 3, T0);
        final JournalException refused = assertThrows(JournalException.class,
            () -> new JournalScanner(directory, "fedcba9876543210", true, false).scan());
        assertTrue(refused.getMessage().contains("fingerprint " + JournalFixtures.FINGERPRINT), refused.getMessage());
    }

    @Test
    void removesALastSegmentWhoseHeaderWasNeverWritten() throws IOException {
        final int full = JournalFixtures.RECORDS_PER_SMALL_SEGMENT;
        JournalFixtures.write(directory, full, T0);
        final Path unfinished = SegmentFiles.segmentPath(directory, 1);
        Files.write(unfinished, new byte[JournalFixtures.SMALL_SEGMENT]);

        final JournalInventory repaired = new JournalScanner(directory, JournalFixtures.FINGERPRINT, true, false).scan();

        assertTrue(repaired.truncatedTail().contains("unfinished"), repaired.truncatedTail());
        assertTrue(Files.notExists(unfinished));
        assertEquals(full, repaired.nextSequence());
    }

    @Test
    void amendedDecisionStaysChecksummed() throws IOException {
        final JournalInventory empty = new JournalScanner(directory, JournalFixtures.FINGERPRINT, true, false).scan();
        final AuthorizationEvent event = new AuthorizationEvent();
        try (JournalWriter writer = new JournalWriter(directory, JournalFixtures.SMALL_SEGMENT,
            JournalFixtures.KEY, FileSegmentStorage.INSTANCE, () -> T0, true, empty)) {
            final long sequence = writer.append(JournalFixtures.decided(event, 1, T0), 0);
            assertTrue(writer.amendDecision(sequence, DecisionReason.JOURNAL_FAILURE, 904));
        }
        final List<Integer> codes = new ArrayList<>();
        new JournalReader(directory, problem -> { throw new AssertionError(problem); })
            .read(JournalQuery.ALL, record -> codes.add(record.responseCode()));
        assertEquals(List.of(96), codes);
    }

    static void flipByte(final Path file, final int offset) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            final ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, offset);
            one.put(0, (byte)(one.get(0) ^ 0x40));
            one.rewind();
            channel.write(one, offset);
        }
    }

    static void writeBytes(final Path file, final int offset, final byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes), offset);
        }
    }
}
