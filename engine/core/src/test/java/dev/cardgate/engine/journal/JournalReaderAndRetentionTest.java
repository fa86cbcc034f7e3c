package dev.cardgate.engine.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.Await;
import dev.cardgate.engine.event.AuthorizationEvent;

class JournalReaderAndRetentionTest {
    private static final long T0 = 1_767_225_600_000L;

    @TempDir
    Path directory;

    @Test
    void findsByTerminalMerchantCardResponseCodeRuleAndTimeRange() throws IOException {
        JournalFixtures.write(directory, 300, T0);
        final JournalReader reader = new JournalReader(directory, problem -> { throw new AssertionError(problem); });

        assertEquals(100, reader.read(JournalQuery.ALL.withTerminal("TERM0001"), record -> { }));
        assertEquals(300, reader.read(JournalQuery.ALL.withMerchant("MERCHANT0000001"), record -> { }));
        assertEquals(0, reader.read(JournalQuery.ALL.withMerchant("OTHER"), record -> { }));
        assertEquals(60, reader.read(JournalQuery.ALL.withResponseCode(43), record -> { }));
        assertEquals(60, reader.read(JournalQuery.ALL.withRule(301), record -> { }));
        assertEquals(240, reader.read(JournalQuery.ALL.withResponseCode(0), record -> { }));
        assertEquals(43, reader.read(JournalQuery.ALL.withCardToken(0x1111_2222_3333_4444L + 2, 0x5555_6666_7777_8888L),
            record -> { }));
        assertEquals(50, reader.read(JournalQuery.ALL.withTimeRange(T0 + 100, T0 + 150), record -> { }));
    }

    @Test
    void commandPrintsAlignedTextJsonLinesAndStatistics() throws IOException {
        JournalFixtures.write(directory, 20, T0);
        final String text = run("--dir", directory.toString(), "--terminal", "TERM0002");
        assertTrue(text.startsWith("sequence"), text);
        assertEquals(1 + 6, text.lines().count(), text);
        assertTrue(text.contains("411111******1111"), text);

        final String json = run("--dir", directory.toString(), "--response", "43", "--json");
        assertEquals(4, json.lines().count(), json);
        assertTrue(json.lines().allMatch(line -> line.startsWith("{\"sequence\":") && line.contains("\"reason\":\"CARD_STOLEN\"")),
            json);

        final String stats = run("--dir", directory.toString(), "--stats", "60", "--json");
        assertTrue(stats.contains("\"approved\":16") && stats.contains("\"declined\":4")
            && stats.contains("\"CARD_STOLEN\":4"), stats);
        assertTrue(stats.contains("\"intervalStart\":\"" + Instant.ofEpochMilli(T0) + "\""), stats);
    }

    @Test
    void commandRefusesBadArgumentsClearly() throws IOException {
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int status = JournalReaderCommand.run(new String[] {"--dir", directory.toString(), "--pan",
            "4111111111111111"}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err), () -> false);
        assertEquals(2, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--pan needs --key-file"));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void followSeesRecordsAppendedWhileItRuns() throws Exception {
        final JournalInventory empty = new JournalScanner(directory, JournalFixtures.FINGERPRINT, true, false).scan();
        final AtomicLong seen = new AtomicLong();
        final AtomicBoolean following = new AtomicBoolean(true);
        final Thread follower = new Thread(() -> {
            try {
                new JournalReader(directory, problem -> { throw new AssertionError(problem); })
                    .follow(JournalQuery.ALL, record -> seen.incrementAndGet(), following::get);
            }
            catch (final IOException failure) {
                throw new java.io.UncheckedIOException(failure);
            }
        });
        follower.start();
        final int count = JournalFixtures.RECORDS_PER_SMALL_SEGMENT + 50;
        final AuthorizationEvent event = new AuthorizationEvent();
        try (JournalWriter writer = new JournalWriter(directory, JournalFixtures.SMALL_SEGMENT,
            JournalFixtures.KEY, FileSegmentStorage.INSTANCE, () -> T0, false, empty)) {
            for (int n = 0; n < count; n++) {
                writer.append(JournalFixtures.decided(event, n, T0 + n), n);
                if (n % 100 == 0) {
                    Thread.sleep(5);
                }
            }
            Await.until("the follower to see all " + count + " records", Duration.ofSeconds(30),
                () -> seen.get() >= count);
        }
        following.set(false);
        follower.join();
        assertEquals(count, seen.get());
    }

    @Test
    void retiresOldSegmentsByAgeButNeverTheActiveOrOneInsideTheReplayWindow() throws IOException {
        JournalFixtures.write(directory, JournalFixtures.RECORDS_PER_SMALL_SEGMENT * 4 + 1, T0);
        final List<Path> segments = SegmentFiles.list(directory);
        assertEquals(5, segments.size());
        final long now = T0 + 100 * 3_600_000L;
        for (int i = 0; i < segments.size(); i++) {
            Files.setLastModifiedTime(segments.get(i), FileTime.fromMillis(T0 + i * 3_600_000L));
        }
        final Path archive = directory.resolve("archive");
        final JournalRetention retention = new JournalRetention(directory, 3_600_000L, 0, archive);

        final List<Path> retired = retention.apply(4, now, T0 + 2 * 3_600_000L);

        assertEquals(segments.subList(0, 2), retired);
        assertTrue(Files.exists(archive.resolve(segments.get(0).getFileName())));
        assertEquals(3, SegmentFiles.list(directory).size());
    }

    @Test
    void retiresOldestSegmentsWhileTheJournalIsTooBig() throws IOException {
        JournalFixtures.write(directory, JournalFixtures.RECORDS_PER_SMALL_SEGMENT * 4 + 1, T0);
        final JournalRetention retention = new JournalRetention(directory, 0, 2L * JournalFixtures.SMALL_SEGMENT, null);

        final List<Path> retired = retention.apply(4, T0, Long.MAX_VALUE);

        assertEquals(3, retired.size());
        assertEquals(List.of(SegmentFiles.segmentPath(directory, 3), SegmentFiles.segmentPath(directory, 4)),
            new ArrayList<>(SegmentFiles.list(directory)));
        final List<Path> activeKept = retention.apply(4, T0, Long.MAX_VALUE);
        assertTrue(activeKept.isEmpty());
    }

    private String run(final String... arguments) throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final int status = JournalReaderCommand.run(arguments, new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err, () -> false);
        assertEquals(0, status);
        return out.toString(StandardCharsets.UTF_8);
    }
}
