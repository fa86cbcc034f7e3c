package dev.cardgate.engine.journal;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.agrona.concurrent.EpochClock;

import dev.cardgate.engine.config.JournalDurability;
import dev.cardgate.engine.counters.CounterRegistry;
import dev.cardgate.engine.config.JournalConfiguration;
import dev.cardgate.engine.event.DecidedEventListener;
import dev.cardgate.engine.pipeline.DistinctFailureLog;

/**
 * The engine's decision journal, opened at start: scans and repairs the folder, replays the
 * replay window into the decision thread's state, and supplies the pipeline's journal stage
 * and the intake guard. Closing syncs and closes the active segment.
 *
 * <p>Threading: open, replay and close on the engine's starting/closing thread; the stage runs
 * on the journal thread.
 */
public final class Journal implements AutoCloseable {
    private final JournalConfiguration settings;
    private final Logger logger;
    private final EpochClock clock;
    private final JournalInventory inventory;
    private final JournalWriter writer;
    private final JournalHealth health;
    private final JournalHandler handler;
    private final JournalRetention retention;
    private final DistinctFailureLog failureLog;
    private final IntervalSyncer syncer;
    private volatile long replayWindowMillis;

    private Journal(final String engineName, final JournalConfiguration settings, final JournalKey key,
        final SegmentStorage storage, final int ringSize, final EpochClock clock, final CounterRegistry counters,
        final DistinctFailureLog failureLog, final Logger logger) throws IOException {
        this.settings = settings;
        this.logger = logger;
        this.clock = clock;
        this.failureLog = failureLog;
        inventory = new JournalScanner(settings.directory(), key.fingerprint(), true, settings.skipCorruptSegments()).scan();
        if (inventory.truncatedTail() != null) {
            logger.log(Level.WARNING, "journal: cut off a torn tail: " + inventory.truncatedTail());
        }
        for (final String skipped : inventory.skippedCorruptions()) {
            logger.log(Level.ERROR, "journal: SKIPPED a corrupt segment (journal.skip-corrupt-segments = true): "
                + skipped);
        }
        final boolean syncs = settings.durability() != JournalDurability.NONE;
        writer = new JournalWriter(settings.directory(), settings.segmentBytes(), key, storage, clock, syncs,
            inventory);
        counters.component(JournalCounter.class).set(JournalCounter.POSITION, writer.syncedSequence());
        counters.component(JournalCounter.class).proposeMax(JournalCounter.SYNCED_POSITION, writer.syncedSequence());
        health = new JournalHealth(settings.onFailure(), settings.retryInterval().toNanos());
        retention = new JournalRetention(settings.directory(), settings.retentionMaxAge().toMillis(),
            settings.retentionMaxBytes(), settings.archiveDirectory());
        handler = new JournalHandler(writer, settings.durability(), settings.ackAfterSync(), health,
            settings.retryInterval().toNanos(), ringSize, counters, failureLog, logger, this::applyRetention);
        syncer = settings.durability() == JournalDurability.INTERVAL
            ? new IntervalSyncer(engineName, writer, health, settings.syncInterval().toNanos(), counters, failureLog)
            : null;
        logger.log(Level.INFO, () -> "journal " + settings.directory() + ": " + inventory.segments().size()
            + " segments, " + inventory.recordCount() + " records, next sequence " + inventory.nextSequence()
            + ", durability " + settings.durability().configName()
            + (settings.ackAfterSync() ? " with ack-after-sync" : ""));
    }

    /**
     * Opens the journal folder (created owner-only if absent).
     *
     * @throws JournalException when the journal is corrupt (and not told to skip), was written with
     *                          another token key, or cannot be opened
     */
    public static Journal open(final String engineName, final JournalConfiguration settings, final JournalKey key,
        final SegmentStorage storage, final int ringSize, final EpochClock clock, final CounterRegistry counters,
        final DistinctFailureLog failureLog, final Logger logger) {
        try {
            if (!Files.isDirectory(settings.directory())) {
                Files.createDirectories(settings.directory(),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            return new Journal(engineName, settings, key, storage, ringSize, clock, counters, failureLog,
                logger);
        }
        catch (final IOException failure) {
            throw new JournalException("cannot open the journal in " + settings.directory() + ": " + failure, failure);
        }
    }

    /** What start-up's scan found. */
    public JournalInventory inventory() {
        return inventory;
    }

    /**
     * Replays the records inside the longest of the listeners' windows, in journal order, into
     * each listener (for its own window), then applies retention with that window protected.
     * Call before the pipeline starts.
     *
     * @return records handed to the listeners (counted once per listener)
     */
    public long replay(final List<? extends DecidedEventListener> listeners) {
        final long now = clock.time();
        long replayed = 0;
        long longestWindow = 0;
        for (final DecidedEventListener listener : listeners) {
            replayed += JournalReplay.replay(inventory, listener, now);
            longestWindow = Math.max(longestWindow, listener.replayWindowMillis());
        }
        replayWindowMillis = longestWindow;
        applyRetention();
        return replayed;
    }

    /** The journal stage for the pipeline. */
    public JournalHandler stage() {
        return handler;
    }

    /** Whether the journal writes; the pipeline's intake guard. */
    public JournalHealth health() {
        return health;
    }

    public JournalConfiguration settings() {
        return settings;
    }

    private void applyRetention() {
        if (retention.keepsEverything()) {
            return;
        }
        final long now = clock.time();
        try {
            final List<Path> retired = retention.apply(writer.activeSegmentIndex(), now, now - replayWindowMillis);
            if (!retired.isEmpty()) {
                logger.log(Level.INFO, "journal retention " + (settings.archiveDirectory() == null ? "deleted "
                    : "archived to " + settings.archiveDirectory() + ": ") + retired);
            }
        }
        catch (final IOException | RuntimeException failure) {
            failureLog.record("journal retention", failure);
        }
    }

    /** Call after the pipeline has stopped: syncs (unless durability none) and closes. */
    @Override
    public void close() throws IOException {
        if (syncer != null) {
            syncer.close();
        }
        writer.close(settings.durability() != JournalDurability.NONE);
    }
}
