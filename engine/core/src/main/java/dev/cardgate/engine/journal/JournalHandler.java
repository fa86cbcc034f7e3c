package dev.cardgate.engine.journal;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;

import dev.cardgate.engine.config.JournalDurability;
import dev.cardgate.engine.rules.EngineRules;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionReason;
import dev.cardgate.engine.counters.ComponentCounters;
import dev.cardgate.engine.counters.CounterRegistry;
import dev.cardgate.engine.counters.StageLatency;
import dev.cardgate.engine.pipeline.DistinctFailureLog;
import dev.cardgate.engine.pipeline.PipelineCounter;
import dev.cardgate.engine.pipeline.StageFailureAnswer;

/**
 * The journal stage, between decision and reply: appends each decided event's record and, with
 * durability batch, syncs once at the end of each batch (group commit).
 *
 * <p>Ack-after-sync: the Disruptor publishes this stage's sequence only after {@code onEvent}
 * returns for the batch's last event, and the reply stage waits for that sequence; so syncing
 * inside that call means no event of the batch is answered before its record is on the disk.
 * Without ack-after-sync the sequence is published through the callback before the sync.
 *
 * <p>Failures: when an append or a sync fails, the journal is marked failed (logged once,
 * counted), and no answer leaves without its record: every decision whose record is not durable
 * (an approval, but also a decline, a reversal's or an echo's acknowledgement) is answered 96,
 * journal failure, before its answer leaves (its record, if written, is amended to say so). A
 * decline stays a decline; an answer the audit trail does not hold is never sent.
 * Writing is retried at most once per retry interval, on the next event; when it works the
 * journal resumes. This stage never throws on I/O.
 *
 * <p>Each record's time from its append to the end of its batch (its sync included) goes into
 * the journal latency recorder; the journal position and synced position counters follow the
 * writer.
 *
 * <p>Threading: the journal thread. No allocation per event in steady state.
 */
public final class JournalHandler implements EventHandler<AuthorizationEvent> {
    private final JournalWriter writer;
    private final JournalDurability durability;
    private final boolean ackAfterSync;
    private final JournalHealth health;
    private final ComponentCounters<JournalCounter> counters;
    private final DistinctFailureLog failureLog;
    private final Logger logger;
    private final long retryIntervalNanos;
    private final Runnable afterRoll;
    private final AuthorizationEvent[] batchEvents;
    private final long[] batchRecordSequences;
    private final long[] batchAppendNanos;
    private final StageLatency latency;
    private int batchCount;
    private long nextRetryNanos;
    private long lastSegmentIndex;
    private Sequence sequenceCallback;

    /**
     * @param ringSize  the ring's size: the largest batch
     * @param afterRoll run on this thread after the writer moved to a new segment (retention)
     */
    public JournalHandler(final JournalWriter writer, final JournalDurability durability, final boolean ackAfterSync,
        final JournalHealth health, final long retryIntervalNanos, final int ringSize, final CounterRegistry counters,
        final DistinctFailureLog failureLog, final Logger logger, final Runnable afterRoll) {
        this.writer = writer;
        this.durability = durability;
        this.ackAfterSync = ackAfterSync;
        this.health = health;
        this.retryIntervalNanos = retryIntervalNanos;
        this.counters = counters.component(JournalCounter.class);
        this.failureLog = failureLog;
        this.logger = logger;
        this.afterRoll = afterRoll;
        this.batchEvents = new AuthorizationEvent[ringSize];
        this.batchRecordSequences = new long[ringSize];
        this.batchAppendNanos = new long[ringSize];
        this.latency = counters.latency().journal();
        this.lastSegmentIndex = writer.activeSegmentIndex();
    }

    /**
     * The stage threw on an event (a bug: I/O failures are handled inside it): the event's record
     * cannot be trusted, so its decision, approval or decline, is answered 96; counted as a stage
     * failure (and a withheld approval as such).
     */
    public static StageFailureAnswer failureAnswer(final CounterRegistry counters) {
        final ComponentCounters<JournalCounter> journal = counters.component(JournalCounter.class);
        final ComponentCounters<PipelineCounter> pipeline = counters.component(PipelineCounter.class);
        return event -> {
            if (event != null && event.reason() != DecisionReason.JOURNAL_FAILURE) {
                if (event.approved()) {
                    journal.increment(JournalCounter.APPROVALS_WITHHELD);
                }
                event.decline(DecisionReason.JOURNAL_FAILURE, EngineRules.JOURNAL_FAILURE,
                    event.decisionTimeEpochMillis());
            }
            pipeline.increment(PipelineCounter.STAGE_FAILURES);
        };
    }

    @Override
    public void setSequenceCallback(final Sequence sequenceCallback) {
        this.sequenceCallback = sequenceCallback;
    }

    @Override
    public void onEvent(final AuthorizationEvent event, final long sequence, final boolean endOfBatch) {
        if (health.failed()) {
            tryResume();
        }
        if (!health.failed()) {
            append(event);
        }
        if (health.failed()) {
            answerUnrecorded(event);
        }
        if (endOfBatch) {
            endBatch(sequence);
        }
    }

    private void append(final AuthorizationEvent event) {
        final long recordSequence;
        final long appendNanos = System.nanoTime();
        try {
            recordSequence = writer.append(event, appendNanos);
        }
        catch (final IOException | RuntimeException | InternalError failure) {
            fail(failure);
            return;
        }
        counters.increment(JournalCounter.RECORDS);
        counters.set(JournalCounter.POSITION, recordSequence + 1);
        if (batchCount < batchEvents.length) {
            batchEvents[batchCount] = event;
            batchRecordSequences[batchCount] = recordSequence;
            batchAppendNanos[batchCount] = appendNanos;
            batchCount++;
        }
    }

    private void endBatch(final long sequence) {
        final boolean batchUnsynced = batchCount > 0
            && batchRecordSequences[batchCount - 1] >= writer.syncedSequence();
        if (durability == JournalDurability.BATCH && batchUnsynced) {
            if (!ackAfterSync && sequenceCallback != null) {
                sequenceCallback.set(sequence);
            }
            try {
                writer.sync();
                counters.increment(JournalCounter.SYNCS);
                counters.proposeMax(JournalCounter.SYNCED_POSITION, writer.syncedSequence());
            }
            catch (final IOException | RuntimeException | InternalError failure) {
                fail(failure);
            }
            if (ackAfterSync) {
                answerUnsyncedOfBatch();
            }
        }
        final long batchEndNanos = System.nanoTime();
        for (int i = 0; i < batchCount; i++) {
            batchEvents[i] = null;
            latency.record(batchEndNanos - batchAppendNanos[i]);
        }
        batchCount = 0;
        if (writer.activeSegmentIndex() != lastSegmentIndex) {
            lastSegmentIndex = writer.activeSegmentIndex();
            afterRoll.run();
        }
    }

    /** The decisions of this batch whose records did not reach the disk are answered 96, their records amended. */
    private void answerUnsyncedOfBatch() {
        final long syncedSequence = writer.syncedSequence();
        for (int i = 0; i < batchCount; i++) {
            final AuthorizationEvent event = batchEvents[i];
            if (batchRecordSequences[i] >= syncedSequence && event.reason() != DecisionReason.JOURNAL_FAILURE) {
                writer.amendDecision(batchRecordSequences[i], DecisionReason.JOURNAL_FAILURE,
                    EngineRules.JOURNAL_FAILURE);
                answerUnrecorded(event);
            }
        }
    }

    /** A decision without a durable record is not sent as decided: it is answered 96 (a withheld approval is counted). */
    private void answerUnrecorded(final AuthorizationEvent event) {
        if (event.reason() == DecisionReason.JOURNAL_FAILURE) {
            return;
        }
        if (event.approved()) {
            counters.increment(JournalCounter.APPROVALS_WITHHELD);
        }
        event.decline(DecisionReason.JOURNAL_FAILURE, EngineRules.JOURNAL_FAILURE, event.decisionTimeEpochMillis());
    }

    private void fail(final Throwable failure) {
        counters.increment(JournalCounter.FAILURES);
        failureLog.record("journal", failure);
        if (health.markFailed()) {
            logger.log(Level.ERROR, "the journal cannot write (" + failure + "): nothing is approved until it "
                + "writes again; retrying every " + retryIntervalNanos / 1_000_000 + " ms");
        }
        nextRetryNanos = System.nanoTime() + retryIntervalNanos;
    }

    /** Syncs what is pending; success means the disk takes writes again. */
    private void tryResume() {
        if (System.nanoTime() - nextRetryNanos < 0) {
            return;
        }
        try {
            writer.sync();
            writer.ensureRoom();
        }
        catch (final IOException | RuntimeException | InternalError stillFailing) {
            counters.increment(JournalCounter.FAILURES);
            failureLog.record("journal", stillFailing);
            nextRetryNanos = System.nanoTime() + retryIntervalNanos;
            return;
        }
        health.markHealthy();
        counters.increment(JournalCounter.RECOVERIES);
        counters.proposeMax(JournalCounter.SYNCED_POSITION, writer.syncedSequence());
        logger.log(Level.WARNING, "the journal writes again; approvals resume");
    }
}
