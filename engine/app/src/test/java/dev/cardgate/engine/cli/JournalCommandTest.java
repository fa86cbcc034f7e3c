package dev.cardgate.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.AuthorizationEngine;
import dev.cardgate.engine.blocklist.BlockReason;
import dev.cardgate.engine.blocklist.BlocklistEntry;
import dev.cardgate.engine.token.TestPans;

/** {@code cardgate journal} over the journal an engine wrote, with the configured folder and key. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JournalCommandTest {
    @TempDir
    Path folder;

    private OperatorFixture cardgate;

    @BeforeEach
    void decideThreeRequests() throws Exception {
        cardgate = OperatorFixture.in(folder);
        try (AuthorizationEngine engine = AuthorizationEngine.launch(cardgate.engineConfiguration())) {
            assertTrue(engine.authorize(TestPans.VISA, OperatorFixture.purchase(1)).approved());
            assertTrue(engine.authorize(TestPans.MASTERCARD, OperatorFixture.purchase(2)).approved());
            engine.blocklist().add(TestPans.VISA, BlockReason.STOLEN, BlocklistEntry.NO_EXPIRY, "CASE-1");
            assertEquals("43", engine.authorize(TestPans.VISA, OperatorFixture.purchase(3)).responseCodeText());
        }
    }

    @Test
    void dumpsTheConfiguredJournalAsAlignedText() {
        final OperatorRun dump = cardgate.run("journal");
        assertEquals(0, dump.status(), dump.printed());
        final List<String> lines = dump.out().lines().toList();
        assertEquals(4, lines.size(), dump.printed());
        assertTrue(lines.get(0).startsWith("sequence"), dump.printed());
        assertTrue(lines.get(1).contains("411111******1111"), dump.printed());
    }

    @Test
    void findsACardByThePanGivenOnStandardInputHashedWithTheConfiguredKey() {
        final OperatorRun visa = cardgate.withInput(TestPans.VISA + "\n", "journal", "--pan");
        assertEquals(0, visa.status(), visa.printed());
        assertEquals(3, visa.out().lines().count(), visa.printed());
        final OperatorRun stolen = cardgate.withInput(TestPans.VISA + "\n", "journal", "--pan", "-", "--response", "43",
            "--json");
        assertEquals(1, stolen.out().lines().count(), stolen.printed());
        assertTrue(stolen.out().contains("\"responseCode\":\"43\""), stolen.printed());
        final OperatorRun other = cardgate.withInput(TestPans.AMEX + "\n", "journal", "--pan");
        assertEquals(1, other.out().lines().count(), "the header only: " + other.printed());
    }

    @Test
    void countsDecisionsPerIntervalAndTerminal() {
        final OperatorRun stats = cardgate.run("journal", "--stats", "3600", "--terminal", OperatorFixture.TERMINAL);
        assertEquals(0, stats.status(), stats.printed());
        assertTrue(stats.out().contains("APPROVED"), stats.printed());
        assertTrue(stats.out().contains("CARD_STOLEN"), stats.printed());
    }

    @Test
    void badOptionsExit2AndAMissingJournalExits1() {
        final OperatorRun from = cardgate.run("journal", "--from", "yesterday");
        assertEquals(2, from.status(), from.printed());
        assertTrue(from.err().contains("yesterday"), from.printed());
        final OperatorRun pan = cardgate.withInput("12345\n", "journal", "--pan");
        assertEquals(2, pan.status(), pan.printed());
        assertTrue(pan.err().contains("the PAN given is not 12 to 19 digits"), pan.printed());
        final OperatorRun rule = cardgate.run("journal", "--rule", "many");
        assertEquals(2, rule.status(), rule.printed());
        final OperatorRun missing = cardgate.run("journal", "--dir", folder.resolve("nowhere").toString());
        assertEquals(1, missing.status(), missing.printed());
        assertTrue(missing.err().contains("there is no journal at"), missing.printed());
    }

    @Test
    void aDateSelectsThatWholeDayAndABadOneIsAClearError() {
        final String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        final OperatorRun fromToday = cardgate.run("journal", "--from", today, "--to", today);
        assertEquals(0, fromToday.status(), fromToday.printed());
        assertEquals(4, fromToday.out().lines().count(), fromToday.printed());
        final OperatorRun tomorrow = cardgate.run("journal", "--from",
            java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString());
        assertEquals(1, tomorrow.out().lines().count(), "the header only: " + tomorrow.printed());
        final OperatorRun badDate = cardgate.run("journal", "--from", "2026-13-04");
        assertEquals(2, badDate.status(), badDate.printed());
        assertTrue(badDate.err().contains("--from '2026-13-04' is not a date (2026-12-01, UTC) or an instant"),
            badDate.printed());
    }

    @Test
    void aResponseCodeOfMoreThanTwoDigitsAndATerminalIdWithASpaceAreRefused() {
        final OperatorRun response = cardgate.run("journal", "--response", "430");
        assertEquals(2, response.status(), response.printed());
        assertTrue(response.err().contains("--response 430 is not a field 39 of two digits"), response.printed());
        final OperatorRun terminal = cardgate.run("journal", "--terminal", "x y");
        assertEquals(2, terminal.status(), terminal.printed());
        assertTrue(terminal.err().contains("terminal id 'x y' has a space"), terminal.printed());
        final OperatorRun merchant = cardgate.run("journal", "--merchant", "M".repeat(16));
        assertEquals(2, merchant.status(), merchant.printed());
    }

    @Test
    void statsCountNetworkManagementApartFromApprovals() throws Exception {
        try (AuthorizationEngine engine = AuthorizationEngine.launch(cardgate.engineConfiguration())) {
            final dev.cardgate.engine.Decision echo = engine.authorize("", dev.cardgate.engine.AuthorizationRequestData
                .builder().messageTypeIndicator(800).systemTraceAuditNumber(9).terminalId(OperatorFixture.TERMINAL)
                .networkManagementCode(301).transmissionDateTime(1204080000L).build());
            assertEquals("00", echo.responseCodeText(), echo.toString());
        }
        final OperatorRun stats = cardgate.run("journal", "--stats", "86400", "--json");
        assertEquals(0, stats.status(), stats.printed());
        assertTrue(stats.out().contains("\"approved\":2,"), stats.printed());
        assertTrue(stats.out().contains("\"network-management\":1"), stats.printed());
    }

    @Test
    void verifyProvesTheChainWithTheConfiguredKeyAndNamesTheFirstBadSequence() throws java.io.IOException {
        final OperatorRun intact = cardgate.run("journal verify");
        assertEquals(0, intact.status(), intact.printed());
        assertTrue(intact.out().contains("journal intact: 1 segments, 3 records, sequences 0 to 2"), intact.printed());

        // the decline of the stolen card (sequence 2) made an approval: its checksum still matches
        final Path segment;
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(cardgate.engineConfiguration().journal()
            .directory())) {
            segment = files.filter(file -> file.toString().endsWith(".seg")).findFirst().orElseThrow();
        }
        final byte[] bytes = java.nio.file.Files.readAllBytes(segment);
        final int record = dev.cardgate.engine.journal.SegmentHeaderDescriptor.recordOffset(2);
        bytes[record + dev.cardgate.engine.event.AuthorizationSlotDescriptor.RESPONSE_CODE_OFFSET] = 0;
        final org.agrona.concurrent.UnsafeBuffer buffer = new org.agrona.concurrent.UnsafeBuffer(bytes);
        final java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes, record + 8, dev.cardgate.engine.event.AuthorizationSlotDescriptor.RECORD_LENGTH - 8);
        buffer.putInt(record + 4, (int)crc.getValue(), java.nio.ByteOrder.LITTLE_ENDIAN);
        java.nio.file.Files.write(segment, bytes);
        assertEquals(0, cardgate.run("journal").status(), "the reader alone sees a valid record");

        final OperatorRun altered = cardgate.run("journal verify");
        assertEquals(1, altered.status(), altered.printed());
        assertTrue(altered.err().contains("journal NOT intact: sequence 2 in"), altered.printed());
    }
}
