package dev.cardgate.engine.blocklist;

import dev.cardgate.engine.token.CardToken;
import dev.cardgate.engine.token.PanTokenizer;
import dev.cardgate.engine.token.TestPans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlocklistImportTest {
    private static final Pattern PAN_LIKE = Pattern.compile("\\d{12,}");

    @TempDir
    Path directory;

    private final PanTokenizer tokenizer = BlocklistStoreTest.KEY.newTokenizer();

    private BlocklistStore open(final long capacity) {
        return BlocklistStore.open(directory.resolve("blocklist.cm"), capacity, BlocklistStoreTest.KEY);
    }

    private Path importFile(final String... lines) throws Exception {
        return Files.write(directory.resolve("import-" + System.nanoTime() + ".csv"), List.of(lines));
    }

    private BlockReason find(final BlocklistStore store, final String pan, final long now) {
        final CardToken token = new CardToken();
        tokenizer.tokenize(pan, token);
        return store.newLookup().find(token.high(), token.low(), now);
    }

    @Test
    void importsTheSampleFileFromTheRepository() {
        final Path sample = Path.of("../../config/blocklist-sample.csv").toAbsolutePath().normalize();
        try (BlocklistStore store = open(1_000)) {
            final ImportReport report = store.importFile(sample);
            assertEquals(List.of(), report.rejectedLines());
            assertEquals(6, report.added());
            assertEquals(BlockReason.STOLEN, find(store, TestPans.VISA, System.currentTimeMillis()));
            assertEquals(BlockReason.LOST, find(store, "4000056655665556", System.currentTimeMillis()));
            assertEquals("CASE-1003", store.check("4000056655665556").orElseThrow().reference());
        }
    }

    @Test
    void reportsProgressAfterEachBatchUpToTheWholeFile() throws Exception {
        final int lines = 3 * BlocklistImporter.BATCH_LINES + 10;
        final List<String> content = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            content.add(TestPans.generated(i) + ",LOST");
        }
        final Path file = Files.write(directory.resolve("many.csv"), content);
        final List<Long> linesDone = new ArrayList<>();
        final List<Double> fractions = new ArrayList<>();
        try (BlocklistStore store = open(100_000)) {
            final ImportReport report = store.importFile(file, (done, fraction) -> {
                linesDone.add(done);
                fractions.add(fraction);
            });
            assertEquals(lines, report.added());
        }
        assertEquals(List.of(4096L, 8192L, 12288L, (long)lines), linesDone);
        assertEquals(4096.0 / lines, fractions.get(0), 0.01);
        assertEquals(1.0, fractions.get(3), 1e-9);
    }

    @Test
    void importsReasonsExpiriesAndReferences() throws Exception {
        final Path file = importFile(
            "# a comment",
            "",
            TestPans.VISA + ",STOLEN",
            TestPans.MASTERCARD + ",lost,2030-12-31,CASE-9",
            TestPans.VISA_2 + ",Fraud,2030-06-30T12:00:00+02:00",
            TestPans.AMEX + ",CLOSED,,REF",
            "   ",
            TestPans.DISCOVER + ",OTHER,");
        try (BlocklistStore store = open(1_000)) {
            final ImportReport report = store.importFile(file);
            assertEquals(8, report.linesRead());
            assertEquals(5, report.added());
            assertEquals(0, report.rejected());
            final BlocklistEntry mastercard = store.check(TestPans.MASTERCARD).orElseThrow();
            assertEquals(Instant.parse("2031-01-01T00:00:00Z").toEpochMilli(), mastercard.expiresEpochMillis());
            assertEquals("CASE-9", mastercard.reference());
            assertEquals(Instant.parse("2030-06-30T10:00:00Z").toEpochMilli(),
                store.check(TestPans.VISA_2).orElseThrow().expiresEpochMillis());
            assertEquals(BlocklistEntry.NO_EXPIRY, store.check(TestPans.DISCOVER).orElseThrow().expiresEpochMillis());
            assertEquals(BlockReason.CLOSED, find(store, TestPans.AMEX, System.currentTimeMillis()));
            final long lastMillisOf2030 = Instant.parse("2030-12-31T23:59:59.999Z").toEpochMilli();
            assertEquals(BlockReason.LOST, find(store, TestPans.MASTERCARD, lastMillisOf2030));
            assertNull(find(store, TestPans.MASTERCARD, lastMillisOf2030 + 1));
        }
    }

    @Test
    void reportsEachBadLineWithItsNumberAndWhyButNeverThePan() throws Exception {
        final String mistyped = TestPans.withWrongCheckDigit(TestPans.VISA);
        final Path file = importFile(
            TestPans.VISA + ",STOLEN",
            mistyped + ",LOST",
            "41111111111,LOST",
            "4111x11111111111,LOST",
            TestPans.MASTERCARD + ",MISLAID",
            TestPans.MASTERCARD + ",LOST,31/12/2030",
            TestPans.MASTERCARD + ",LOST,,A-REFERENCE-FAR-TOO-LONG",
            TestPans.MASTERCARD,
            TestPans.MASTERCARD + ",LOST,,REF,EXTRA",
            ",LOST",
            TestPans.MASTERCARD + "," + TestPans.VISA_2,
            TestPans.VISA_2 + ",LOST");
        try (BlocklistStore store = open(1_000)) {
            final ImportReport report = store.importFile(file);
            assertEquals(2, report.added());
            final List<Long> lineNumbers = new ArrayList<>();
            for (final RejectedLine rejected : report.rejectedLines()) {
                lineNumbers.add(rejected.lineNumber());
                assertFalse(PAN_LIKE.matcher(rejected.reason()).find(), "a PAN leaked into: " + rejected);
            }
            assertEquals(List.of(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L), lineNumbers);
            final List<RejectedLine> rejected = report.rejectedLines();
            assertTrue(rejected.get(0).reason().contains("411111******1112") && rejected.get(0).reason().contains("Luhn"),
                rejected.get(0).reason());
            assertTrue(rejected.get(1).reason().contains("11 digits"), rejected.get(1).reason());
            assertTrue(rejected.get(2).reason().contains("not a digit at position 5"), rejected.get(2).reason());
            assertTrue(rejected.get(3).reason().contains("unknown reason 'MISLAID'"), rejected.get(3).reason());
            assertTrue(rejected.get(4).reason().contains("expiry '31/12/2030'"), rejected.get(4).reason());
            assertTrue(rejected.get(5).reason().contains("at most 16"), rejected.get(5).reason());
            assertTrue(rejected.get(6).reason().contains("found 1 field"), rejected.get(6).reason());
            assertTrue(rejected.get(7).reason().contains("more than 4"), rejected.get(7).reason());
            assertTrue(rejected.get(8).reason().contains("PAN is empty"), rejected.get(8).reason());
            assertTrue(rejected.get(9).reason().contains("not shown"), rejected.get(9).reason());
            assertTrue(report.summary().contains("12 lines: 2 added, 0 updated, 0 unchanged, 10 rejected"), report.summary());
        }
    }

    @Test
    void importingTheSameFileAgainChangesNothing() throws Exception {
        final List<String> lines = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            lines.add(TestPans.generated(i) + "," + BlockReason.values()[i % 5] + (i % 3 == 0 ? ",2031-01-31,R" + i : ""));
        }
        final Path file = Files.write(directory.resolve("many.csv"), lines);
        try (BlocklistStore store = open(20_000)) {
            final ImportReport first = store.importFile(file);
            assertEquals(10_000, first.added());
            final BlocklistEntry before = store.check(TestPans.generated(1234)).orElseThrow();
            final ImportReport second = store.importFile(file);
            assertEquals(0, second.added());
            assertEquals(0, second.updated());
            assertEquals(10_000, second.unchanged());
            assertEquals(0, second.rejected());
            assertEquals(before, store.check(TestPans.generated(1234)).orElseThrow());
            assertEquals(10_000, store.count());
            for (int i = 0; i < 10_000; i += 997) {
                assertEquals(BlockReason.values()[i % 5], find(store, TestPans.generated(i), 0));
            }
        }
    }

    @Test
    void aLaterLineForTheSameCardWins() throws Exception {
        final List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3 * BlocklistImporter.BATCH_LINES; i++) {
            lines.add(TestPans.generated(i % 100) + "," + (i < 2 * BlocklistImporter.BATCH_LINES ? "LOST" : "STOLEN"));
        }
        try (BlocklistStore store = open(1_000)) {
            final ImportReport report = store.importFile(Files.write(directory.resolve("dup.csv"), lines));
            assertEquals(100, report.added());
            assertEquals(BlockReason.STOLEN, find(store, TestPans.generated(42), 0));
        }
    }

    @Test
    void linesBeyondTheCapacityAreRejectedOneByOne() throws Exception {
        final Path file = importFile(
            TestPans.VISA + ",LOST",
            TestPans.MASTERCARD + ",LOST",
            TestPans.VISA_2 + ",LOST",
            TestPans.VISA + ",STOLEN",
            TestPans.AMEX + ",LOST");
        try (BlocklistStore store = open(2)) {
            final ImportReport report = store.importFile(file);
            assertEquals(2, report.added(), "which two cards is not defined: writers work in parallel");
            assertEquals(5, report.added() + report.updated() + report.unchanged() + report.rejected());
            assertTrue(report.rejected() >= 2, report.rejectedLines().toString());
            for (final RejectedLine line : report.rejectedLines()) {
                assertTrue(line.reason().contains("full (capacity 2"), report.rejectedLines().toString());
            }
            assertEquals(2, store.count());
        }
    }

    @Test
    void aMissingImportFileIsAClearError() {
        try (BlocklistStore store = open(10)) {
            final BlocklistException missing = assertThrows(BlocklistException.class,
                () -> store.importFile(directory.resolve("absent.csv")));
            assertTrue(missing.getMessage().contains("absent.csv"), missing.getMessage());
        }
    }
}
