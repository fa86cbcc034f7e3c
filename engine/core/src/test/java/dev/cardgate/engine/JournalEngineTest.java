package dev.cardgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.config.JournalFailureAnswer;
import dev.cardgate.engine.config.ThreadLayout;
import dev.cardgate.engine.event.DecidedEventListener;
import dev.cardgate.engine.rules.EngineRules;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionListener;
import dev.cardgate.engine.event.DecisionReason;
import dev.cardgate.engine.journal.FailingSegmentStorage;
import dev.cardgate.engine.journal.JournalCounter;
import dev.cardgate.engine.journal.JournalException;
import dev.cardgate.engine.journal.JournalQuery;
import dev.cardgate.engine.journal.JournalReader;
import dev.cardgate.engine.token.CardToken;
import dev.cardgate.engine.journal.JournalCounter;
import dev.cardgate.engine.pipeline.PipelineCounter;

/** The journal inside a running engine: ack-after-sync, failure answers, replay on start. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JournalEngineTest {
    private static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private static final String CLEAN_PAN = "4111111111111111";

    @TempDir
    Path dataDirectory;

    @ParameterizedTest
    @EnumSource(ThreadLayout.class)
    void noAnswerLeavesBeforeItsRecordIsOnTheDisk(final ThreadLayout layout) throws Exception {
        final FailingSegmentStorage storage = new FailingSegmentStorage();
        final AtomicLong answered = new AtomicLong();
        final AtomicLong early = new AtomicLong();
        final DecisionListener listener = event -> {
            final long position = answered.incrementAndGet();
            if (storage.syncedRecords() < position) {
                early.incrementAndGet();
            }
        };
        try (AuthorizationEngine engine = launch(storage, settings -> settings.threadLayout(layout), List.of())) {
            submit(engine, 5_000, listener, answered);
            assertEquals(5_000, engine.counters().value(JournalCounter.RECORDS));
            assertTrue(engine.counters().value(JournalCounter.SYNCS) > 0);
        }
        assertEquals(0, early.get(), early.get() + " answers left before their record was synced");
        assertEquals(5_000, new JournalReader(dataDirectory.resolve("journal"), problem -> { })
            .read(JournalQuery.ALL, record -> { }));
    }

    @Test
    void answers96WhileTheDiskFailsAndApprovesAgainWhenItWorks() throws Exception {
        final FailingSegmentStorage storage = new FailingSegmentStorage();
        final List<Integer> codes = new ArrayList<>();
        final AtomicLong answered = new AtomicLong();
        final DecisionListener listener = event -> {
            synchronized (codes) {
                codes.add(event.responseCode());
            }
            answered.incrementAndGet();
        };
        try (AuthorizationEngine engine = launch(storage, settings -> settings
            .journal(journal -> journal.retryIntervalMillis(50)), List.of())) {
            submit(engine, 10, listener, answered);
            storage.failFromNowOn();
            submit(engine, 10, listener, answered);
            assertTrue(engine.counters().value(JournalCounter.FAILURES) > 0);
            assertEquals(10, engine.counters().value(JournalCounter.APPROVALS_WITHHELD));
            storage.heal();
            Thread.sleep(100);
            submit(engine, 10, listener, answered);
            assertEquals(1, engine.counters().value(JournalCounter.RECOVERIES));
            assertTrue(engine.distinctFailures().keySet().stream().anyMatch(key -> key.contains("No space left")));
        }
        synchronized (codes) {
            assertEquals(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), codes.subList(0, 10));
            assertTrue(codes.subList(10, 20).stream().allMatch(code -> code == 96), codes.toString());
            assertTrue(codes.subList(21, 30).stream().allMatch(code -> code == 0), codes.toString());
        }
        final List<Integer> journaledCodes = new ArrayList<>();
        new JournalReader(dataDirectory.resolve("journal"), problem -> { throw new AssertionError(problem); })
            .read(JournalQuery.ALL, record -> journaledCodes.add(record.responseCode()));
        synchronized (codes) {
            assertEquals(codes.stream().filter(code -> code == 0).count(),
                journaledCodes.stream().filter(code -> code == 0).count(),
                "every approval answered has its record, and no record says approved when the answer was 96: "
                    + journaledCodes);
        }
        assertTrue(journaledCodes.subList(0, 10).stream().allMatch(code -> code == 0), journaledCodes.toString());
    }

    @Test
    void aDeclineThatCannotBeJournaledIsAnswered96NotSentUnrecorded() throws Exception {
        final String stolenPan = "5555555555554444";
        final FailingSegmentStorage storage = new FailingSegmentStorage();
        try (AuthorizationEngine engine = launch(storage, settings -> settings
            .journal(journal -> journal.retryIntervalMillis(60_000)), List.of())) {
            engine.blocklist().add(stolenPan, dev.cardgate.engine.blocklist.BlockReason.STOLEN,
                dev.cardgate.engine.blocklist.BlocklistEntry.NO_EXPIRY, "CASE-1");
            assertEquals(43, engine.authorize(stolenPan, TestEngines.request(1)).responseCode());
            storage.failFromNowOn();
            final Decision unsynced = engine.authorize(stolenPan, TestEngines.request(2));
            final Decision unwritten = engine.authorize(stolenPan, TestEngines.request(3));
            assertEquals(DecisionReason.JOURNAL_FAILURE, unsynced.reason(), "its record's sync failed");
            assertEquals(DecisionReason.JOURNAL_FAILURE, unwritten.reason(), "the journal was down: no record");
            assertEquals(96, unwritten.responseCode());
            assertEquals(0, engine.counters().value(JournalCounter.APPROVALS_WITHHELD), "no approval was withheld");
        }
        final List<String> journaled = new ArrayList<>();
        new JournalReader(dataDirectory.resolve("journal"), problem -> { throw new AssertionError(problem); })
            .read(JournalQuery.ALL, record -> journaled.add(record.systemTraceAuditNumber() + ":"
                + record.responseCode()));
        assertEquals("1:43", journaled.get(0));
        assertTrue(journaled.stream().noneMatch(entry -> entry.endsWith(":43") && !entry.equals("1:43")),
            "no 43 was answered 96 and recorded 43: " + journaled);
    }

    @Test
    void refusesNewRequestsWith91WhileTheDiskFailsWhenConfiguredSo() throws Exception {
        final FailingSegmentStorage storage = new FailingSegmentStorage();
        final AtomicLong answered = new AtomicLong();
        final DecisionListener listener = event -> answered.incrementAndGet();
        try (AuthorizationEngine engine = launch(storage, settings -> settings.journal(journal -> journal
            .onFailure(JournalFailureAnswer.REFUSE_91).retryIntervalMillis(200)), List.of())) {
            submit(engine, 5, listener, answered);
            storage.failFromNowOn();
            final Decision failedSync = engine.authorize(CLEAN_PAN, TestEngines.request(6));
            assertEquals(96, failedSync.responseCode(), "its sync failed, so it is not approved");
            final Decision refused = engine.authorize(CLEAN_PAN, TestEngines.request(7));
            assertEquals(DecisionReason.JOURNAL_UNAVAILABLE, refused.reason());
            assertEquals(91, refused.responseCode());
            assertEquals(EngineRules.JOURNAL_UNAVAILABLE, refused.ruleId());
            assertEquals(AuthorizationEngine.JOURNAL_UNAVAILABLE, engine.tryClaim());
            assertTrue(engine.counters().value(PipelineCounter.REFUSED_JOURNAL_UNAVAILABLE) >= 2);
            storage.heal();
            Thread.sleep(250);
            assertEquals(0, engine.authorize(CLEAN_PAN, TestEngines.request(8)).responseCode(),
                "the probe let in after the retry interval finds the disk healed and is approved");
            assertEquals(0, engine.authorize(CLEAN_PAN, TestEngines.request(9)).responseCode());
        }
    }

    @Test
    void replaysTheWindowIntoTheDecidedEventListenersOnRestart() throws Exception {
        final AtomicLong answered = new AtomicLong();
        try (AuthorizationEngine engine = launch(new FailingSegmentStorage(), settings -> settings, List.of())) {
            submit(engine, 300, event -> answered.incrementAndGet(), answered);
        }
        final List<Integer> replayedStans = new ArrayList<>();
        final DecidedEventListener recorder = new DecidedEventListener() {
            @Override
            public void onDecided(final AuthorizationEvent decided) {
                assertTrue(decided.approved());
                assertTrue(decided.cardTokenPresent());
                replayedStans.add(decided.systemTraceAuditNumber());
            }

            @Override
            public long replayWindowMillis() {
                return 60_000;
            }
        };
        try (AuthorizationEngine engine = launch(new FailingSegmentStorage(), settings -> settings, List.of(recorder))) {
            answered.set(0);
            submit(engine, 1, event -> answered.incrementAndGet(), answered);
        }
        assertEquals(300, replayedStans.size());
        for (int i = 0; i < 300; i++) {
            assertEquals(i, replayedStans.get(i));
        }
    }

    @Test
    void intervalDurabilitySyncsInTheBackgroundWhileAnswersDoNotWait() throws Exception {
        final FailingSegmentStorage storage = new FailingSegmentStorage();
        final AtomicLong answered = new AtomicLong();
        try (AuthorizationEngine engine = launch(storage, settings -> settings.journal(journal -> journal
            .durability(dev.cardgate.engine.config.JournalDurability.INTERVAL).ackAfterSync(false)
            .intervalMillis(5)), List.of())) {
            submit(engine, 100, event -> answered.incrementAndGet(), answered);
            Await.until("the idle journal to be synced", Duration.ofSeconds(5),
                () -> engine.counters().value(JournalCounter.SYNCS) > 0);
            assertEquals(1, storage.forces(), "the journal thread synced only the new segment's header, no records");
        }
    }

    @Test
    void refusesToStartWithAnotherTokenKeysJournal() throws Exception {
        final AtomicLong answered = new AtomicLong();
        try (AuthorizationEngine engine = launch(new FailingSegmentStorage(), settings -> settings, List.of())) {
            submit(engine, 3, event -> answered.incrementAndGet(), answered);
        }
        final JournalException refused = assertThrows(JournalException.class, () -> AuthorizationEngine.launch(
            new EngineContext().configuration(configuration(settings -> settings.tokenKeyHex(KEY.replace('0', '1'))
                .blocklistFile(Path.of("other-blocklist.cm")).newBlocklist(true))).journalStorage(new FailingSegmentStorage())));
        assertTrue(refused.getMessage().contains("fingerprint"), refused.getMessage());
    }

    @Test
    void refusesToStartWhenAJournalSegmentIsMissingAndNamesTheGap() throws Exception {
        final AtomicLong answered = new AtomicLong();
        try (AuthorizationEngine engine = launch(new FailingSegmentStorage(), settings -> settings, List.of())) {
            submit(engine, 600, event -> answered.incrementAndGet(), answered);
        }
        final Path journalDirectory = configuration(settings -> settings).journal().directory();
        final Path middle = journalDirectory.resolve("journal-000000000001.seg");
        java.nio.file.Files.delete(middle);
        final JournalException refused = assertThrows(JournalException.class,
            () -> launch(new FailingSegmentStorage(), settings -> settings, List.of()));
        assertTrue(refused.getMessage().contains("the journal has a gap")
            && refused.getMessage().contains("sequences 255 to 509"), refused.getMessage());
    }

    private AuthorizationEngine launch(final FailingSegmentStorage storage,
        final java.util.function.UnaryOperator<EngineConfiguration.Builder> settings,
        final List<DecidedEventListener> listeners) {
        return AuthorizationEngine.launch(new EngineContext().configuration(configuration(settings))
            .journalStorage(storage).replayListeners(listeners));
    }

    private EngineConfiguration configuration(final java.util.function.UnaryOperator<EngineConfiguration.Builder> settings) {
        return settings.apply(EngineConfiguration.builder()
            .dataDirectory(dataDirectory)
            .engineName("journal-test")
            .ringSize(256)
            .blocklistCapacity(1_000)
            .tokenKeyHex(KEY)
            .journal(journal -> journal.segmentBytes(64 * 1024))).build();
    }

    /** Submits {@code count} clean requests (STAN = running number) and waits for their answers. */
    static void submit(final AuthorizationEngine engine, final int count, final DecisionListener listener,
        final AtomicLong answered) {
        final CardToken token = new CardToken();
        engine.newTokenizer().tokenize(CLEAN_PAN, token);
        final long first = answered.get();
        final long target = first + count;
        for (int i = 0; i < count; i++) {
            final long sequence = engine.claim();
            if (sequence < 0) {
                throw new IllegalStateException("refused: " + sequence);
            }
            TestEngines.fill(engine.claimedEvent(sequence), (int)((first + i) % 1_000_000)).cardToken(token)
                .maskedPan(16, 411111, 1111).amountMinor(1_000).listener(listener);
            engine.publish(sequence);
        }
        while (answered.get() < target) {
            Thread.onSpinWait();
        }
    }
}
