package dev.cardgate.engine.blocklist;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One of the import's map writers, on its own thread. Tokens are dealt to lanes by their bits,
 * so every line for a given card goes to the same lane, which applies its share of each batch in
 * file order: a later line for a card still wins, while lanes write different cards in parallel.
 *
 * <p>Threading: {@link #submit} and {@link #finish} from the importing thread; counters and the
 * rejected list are written by the lane's thread only and read after {@link #finish}.
 */
final class ImportLane {
    private static final int MAX_PENDING = 4;

    private final EntryWriter writer;
    private final AtomicLong entries;
    private final String fullLineMessage;
    private final StoredEntry entry = new StoredEntry();
    private final ExecutorService thread;
    private final ArrayDeque<Future<?>> pending = new ArrayDeque<>();
    final List<RejectedLine> rejected = new ArrayList<>();
    long added;
    long updated;
    long unchanged;

    ImportLane(final EntryWriter writer, final AtomicLong entries, final String fullLineMessage, final String threadName) {
        this.writer = writer;
        this.entries = entries;
        this.fullLineMessage = fullLineMessage;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            final Thread laneThread = new Thread(runnable, threadName);
            laneThread.setDaemon(true);
            return laneThread;
        });
    }

    /** Queues the entries {@code batch[indices[0, count)]}; waits when the lane is far behind. */
    void submit(final ParsedBatch batch, final int[] indices, final int count, final long addedEpochMillis) {
        if (pending.size() >= MAX_PENDING) {
            await(pending.poll());
        }
        pending.add(thread.submit(() -> apply(batch, indices, count, addedEpochMillis)));
    }

    /** Waits for everything queued, then stops the lane's thread. */
    void finish() {
        try {
            while (!pending.isEmpty()) {
                await(pending.poll());
            }
        } finally {
            thread.shutdownNow();
        }
    }

    private void apply(final ParsedBatch batch, final int[] indices, final int count, final long addedEpochMillis) {
        for (int n = 0; n < count; n++) {
            final int i = indices[n];
            entry.set(batch.reasons[i], addedEpochMillis, batch.expiresEpochMillis[i], batch.references[i]);
            final AddOutcome outcome = writer.write(batch.tokenHighs[i], batch.tokenLows[i], entry, entries);
            if (outcome == null) {
                rejected.add(new RejectedLine(batch.lineNumbers[i], fullLineMessage));
            } else if (outcome == AddOutcome.ADDED) {
                added++;
            } else if (outcome == AddOutcome.UPDATED) {
                updated++;
            } else {
                unchanged++;
            }
        }
    }

    static void await(final Future<?> future) {
        try {
            future.get();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BlocklistException("the blocklist import was interrupted; importing the file again completes it", e);
        } catch (final ExecutionException e) {
            if (e.getCause() instanceof BlocklistException) {
                throw (BlocklistException)e.getCause();
            }
            throw new BlocklistException("the blocklist import failed: " + e.getCause()
                + "; importing the file again completes it", e.getCause());
        }
    }
}
