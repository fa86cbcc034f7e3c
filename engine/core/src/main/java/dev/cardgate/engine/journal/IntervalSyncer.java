package dev.cardgate.engine.journal;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.locks.LockSupport;

import dev.cardgate.engine.pipeline.DistinctFailureLog;
import dev.cardgate.engine.counters.ComponentCounters;
import dev.cardgate.engine.counters.CounterRegistry;

/**
 * Durability {@code interval}: a daemon thread that syncs the active segment every interval
 * when records were journaled since its last sync, so that the journal thread never waits for
 * the disk and an idle engine still gets its last records synced.
 *
 * <p>It syncs through the segment's channel (fdatasync, which on Linux also writes back pages
 * dirtied through the mapping). A segment closed by a roll in between needs nothing: the roll
 * synced it. A failure marks the journal failed; the journal thread then retries and resumes.
 */
final class IntervalSyncer implements AutoCloseable {
    private final JournalWriter writer;
    private final JournalHealth health;
    private final ComponentCounters<JournalCounter> counters;
    private final DistinctFailureLog failureLog;
    private final long intervalNanos;
    private final Thread thread;
    private volatile boolean running = true;
    private long lastJournaled;

    IntervalSyncer(final String engineName, final JournalWriter writer, final JournalHealth health,
        final long intervalNanos, final CounterRegistry counters, final DistinctFailureLog failureLog) {
        this.writer = writer;
        this.health = health;
        this.intervalNanos = intervalNanos;
        this.counters = counters.component(JournalCounter.class);
        this.failureLog = failureLog;
        thread = new Thread(this::run, "cardgate-" + engineName + "-journal-sync");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            LockSupport.parkNanos(intervalNanos);
            syncIfWritten();
        }
    }

    private void syncIfWritten() {
        final long journaled = counters.get(JournalCounter.RECORDS);
        if (journaled == lastJournaled || health.failed()) {
            return;
        }
        final long position = counters.get(JournalCounter.POSITION);
        final SegmentFile segment = writer.activeChannelForSync();
        try {
            segment.channel().force(false);
            counters.proposeMax(JournalCounter.SYNCED_POSITION, position);
            lastJournaled = journaled;
            counters.increment(JournalCounter.SYNCS);
        }
        catch (final ClosedChannelException rolled) {
            lastJournaled = journaled;
        }
        catch (final IOException | RuntimeException failure) {
            counters.increment(JournalCounter.FAILURES);
            failureLog.record("journal sync", failure);
            health.markFailed();
        }
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(10_000);
        }
        catch (final InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
