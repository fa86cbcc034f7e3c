package dev.cardgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.journal.JournalException;
import dev.cardgate.engine.journal.JournalInventory;
import dev.cardgate.engine.journal.JournalQuery;
import dev.cardgate.engine.journal.JournalReader;
import dev.cardgate.engine.journal.JournalRecordDescriptor;
import dev.cardgate.engine.journal.JournalScanner;
import dev.cardgate.engine.journal.SegmentFiles;
import dev.cardgate.engine.journal.SegmentHeaderDescriptor;
import dev.cardgate.engine.journal.JournalCounter;

/**
 * kill -9 under load: every decision whose answer was sent is in the journal after the crash;
 * a torn record at the tail is cut off at restart; a damaged record is never read as valid.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JournalCrashTest {
    private static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private static final int ANSWERS_BEFORE_KILL = 20_000;
    private static final int CHILD_DEADLINE_SECONDS = 60;

    @TempDir
    Path dataDirectory;

    @Test
    void everyAnsweredDecisionSurvivesKillNineAndTheTornTailIsCutOff() throws Exception {
        final Set<Integer> answered = runAndKill();
        final Path journal = dataDirectory.resolve("journal");
        // as the engine's start does: a kill during a segment roll leaves a last segment whose header was
        // never written (or a torn last record), which the start removes; a check-only scan refuses it
        final JournalInventory afterCrash = new JournalScanner(journal, null, true, false).scan();
        assertTrue(afterCrash.recordCount() >= answered.size());

        final Set<Integer> journaled = new HashSet<>();
        new JournalReader(journal, problem -> { throw new AssertionError(problem); })
            .read(JournalQuery.ALL, record -> journaled.add(record.systemTraceAuditNumber()));
        final List<Integer> missing = new ArrayList<>();
        for (final int stan : answered) {
            if (!journaled.contains(stan)) {
                missing.add(stan);
            }
        }
        assertTrue(missing.isEmpty(), missing.size() + " answered decisions missing from the journal: " + missing);

        final long restartedRecords = restartAndSubmit(10);
        final JournalInventory afterRestart = new JournalScanner(journal, null, false, false).scan();
        assertEquals(afterCrash.recordCount() + restartedRecords, afterRestart.recordCount());

        JournalInventory beforeTear = afterRestart;
        final int capacity = SegmentHeaderDescriptor.recordCapacity(64 * 1024);
        while (beforeTear.lastSegment().recordCount() == capacity) {
            restartAndSubmit(1);
            beforeTear = new JournalScanner(journal, null, false, false).scan();
        }
        final Path last = beforeTear.lastSegment().path();
        final int tornOffset = SegmentHeaderDescriptor.recordOffset(beforeTear.lastSegment().recordCount());
        write(last, tornOffset + JournalRecordDescriptor.SEQUENCE_OFFSET, new byte[] {7, 7, 7, 7, 7, 7, 7, 7, 1, 2});
        final JournalException torn = assertThrows(JournalException.class,
            () -> new JournalScanner(journal, null, false, false).scan());
        assertTrue(torn.getMessage().contains(last + " at byte " + tornOffset), torn.getMessage());
        final long afterTear = restartAndSubmit(1);
        final JournalInventory repaired = new JournalScanner(journal, null, false, false).scan();
        assertEquals(beforeTear.recordCount() + afterTear, repaired.recordCount(),
            "the torn record was cut off and the restarted engine appended after the last whole record");

        final List<Path> segments = SegmentFiles.list(journal);
        final Path first = segments.get(0);
        final int damaged = SegmentHeaderDescriptor.recordOffset(100);
        flip(first, damaged + JournalRecordDescriptor.AMOUNT_OFFSET);
        final JournalException refused = assertThrows(JournalException.class,
            () -> new JournalScanner(journal, null, true, false).scan());
        assertTrue(refused.getMessage().contains(first + " at byte " + damaged), refused.getMessage());
        final List<Long> sequences = new ArrayList<>();
        final List<String> damage = new ArrayList<>();
        new JournalReader(journal, damage::add).read(JournalQuery.ALL, record -> sequences.add(record.sequence()));
        assertEquals(1, damage.size(), damage.toString());
        assertTrue(!sequences.contains(100L) && sequences.contains(99L) && sequences.contains(101L));
    }

    private Set<Integer> runAndKill() throws Exception {
        final Path jvmOptions = Path.of("../..", "config", "jvm.options").toAbsolutePath().normalize();
        final String java = ProcessHandle.current().info().command().orElseThrow();
        final Process child = new ProcessBuilder(List.of(java, "@" + jvmOptions, "-cp",
            System.getProperty("java.class.path"), JournalCrashProcess.class.getName(), dataDirectory.toString(), KEY))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
        // reading the child's pipe ignores interrupts: a child that stops answering is killed
        // from outside, which ends the read, and the test fails on the count instead of hanging
        CompletableFuture.delayedExecutor(CHILD_DEADLINE_SECONDS, TimeUnit.SECONDS).execute(child::destroyForcibly);
        final Set<Integer> answered = new HashSet<>();
        try {
            readAnswersAndKill(child, answered);
        }
        finally {
            child.destroyForcibly();
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
        assertTrue(answered.size() >= ANSWERS_BEFORE_KILL, "the child answered only " + answered.size());
        return answered;
    }

    private static void readAnswersAndKill(final Process child, final Set<Integer> answered) throws Exception {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
            StandardCharsets.US_ASCII))) {
            String line;
            while (answered.size() < ANSWERS_BEFORE_KILL && (line = lines.readLine()) != null) {
                answered.add(Integer.parseInt(line.trim()));
            }
            // SIGKILL without Process.destroyForcibly(), which would also close our end of the
            // pipe: what the child printed before it died must still be read.
            assertEquals(0, new ProcessBuilder("kill", "-KILL", Long.toString(child.pid())).start().waitFor());
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    answered.add(Integer.parseInt(line.trim()));
                }
            }
        }
    }

    /** Starts an engine on the journal, answers {@code count} requests, closes; returns the records it wrote. */
    private long restartAndSubmit(final int count) {
        try (AuthorizationEngine restarted = AuthorizationEngine.launch(configuration())) {
            final java.util.concurrent.atomic.AtomicLong answered = new java.util.concurrent.atomic.AtomicLong();
            JournalEngineTest.submit(restarted, count, event -> answered.incrementAndGet(), answered);
            return restarted.counters().value(JournalCounter.RECORDS);
        }
    }

    private EngineConfiguration configuration() {
        return EngineConfiguration.builder().dataDirectory(dataDirectory).engineName("crash-restart").ringSize(1024)
            .blocklistCapacity(1_000).tokenKeyHex(KEY).journal(journal -> journal.segmentBytes(64 * 1024)).build();
    }

    private static void write(final Path file, final int offset, final byte[] bytes) throws Exception {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes), offset);
        }
    }

    private static void flip(final Path file, final int offset) throws Exception {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            final ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, offset);
            one.put(0, (byte)(one.get(0) ^ 0x01));
            one.rewind();
            channel.write(one, offset);
        }
    }
}
