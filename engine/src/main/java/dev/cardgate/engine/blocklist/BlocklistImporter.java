package dev.cardgate.engine.blocklist;

import dev.cardgate.engine.token.TokenKey;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One import of a file into a store. The calling thread reads lines in batches and writes the
 * map; worker threads parse and hash the batches meanwhile (hashing is most of the cost). Batches
 * are written in file order, so when a file lists a card twice the later line wins, as it would
 * read top to bottom.
 *
 * <p>The caller holds the store's monitor and the writers' lock for the whole import, so the
 * running entry count stays exact and the capacity is never overshot.
 */
final class BlocklistImporter {
    static final int BATCH_LINES = 4096;
    private static final int MAX_WORKERS = 4;
    private static final AtomicInteger IMPORT_NUMBER = new AtomicInteger();

    private final BlocklistStore store;
    private final TokenKey key;
    private final StoredEntry entry = new StoredEntry();
    private final List<RejectedLine> rejected = new ArrayList<>();
    private long added;
    private long updated;
    private long unchanged;
    private long entries;

    BlocklistImporter(final BlocklistStore store, final TokenKey key) {
        this.store = store;
        this.key = key;
    }

    ImportReport run(final Path file) throws IOException {
        final int workers = Math.max(1, Math.min(MAX_WORKERS, Runtime.getRuntime().availableProcessors()));
        final int importNumber = IMPORT_NUMBER.incrementAndGet();
        final AtomicInteger workerNumber = new AtomicInteger();
        final ThreadLocal<ImportLineParser> parsers = ThreadLocal.withInitial(() -> new ImportLineParser(key.newTokenizer()));
        final ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
            final Thread thread = new Thread(runnable, "blocklist-import-" + importNumber + "-" + workerNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        entries = store.chronicleMap().longSize();
        long linesRead = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            final ArrayDeque<Future<ParsedBatch>> inFlight = new ArrayDeque<>();
            while (true) {
                final String[] lines = new String[BATCH_LINES];
                int count = 0;
                String line;
                while (count < BATCH_LINES && (line = reader.readLine()) != null) {
                    lines[count++] = line;
                }
                if (count == 0) {
                    break;
                }
                final int batchLines = count;
                final long firstLineNumber = linesRead + 1;
                linesRead += count;
                inFlight.add(pool.submit(() -> parsers.get().parse(lines, batchLines, firstLineNumber)));
                if (inFlight.size() >= 2 * workers) {
                    apply(inFlight.poll());
                }
            }
            while (!inFlight.isEmpty()) {
                apply(inFlight.poll());
            }
        } catch (final NoSuchFileException e) {
            throw new BlocklistException("the blocklist import file " + file + " does not exist", e);
        } finally {
            pool.shutdownNow();
        }
        rejected.sort(Comparator.comparingLong(RejectedLine::lineNumber));
        return new ImportReport(file, linesRead, added, updated, unchanged, rejected);
    }

    private void apply(final Future<ParsedBatch> pending) {
        final ParsedBatch batch = await(pending);
        rejected.addAll(batch.rejected);
        final long now = System.currentTimeMillis();
        for (int i = 0; i < batch.accepted; i++) {
            entry.set(batch.reasons[i], now, batch.expiresEpochMillis[i], batch.references[i]);
            final AddOutcome outcome = store.put(batch.tokenHighs[i], batch.tokenLows[i], entry, entries);
            if (outcome == null) {
                rejected.add(new RejectedLine(batch.lineNumbers[i], store.fullLineMessage()));
            } else {
                switch (outcome) {
                    case ADDED -> {
                        added++;
                        entries++;
                    }
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                    default -> throw new IllegalStateException("unhandled outcome " + outcome);
                }
            }
        }
    }

    private static ParsedBatch await(final Future<ParsedBatch> pending) {
        try {
            return pending.get();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BlocklistException("the blocklist import was interrupted; importing the file again completes it", e);
        } catch (final ExecutionException e) {
            throw new BlocklistException("the blocklist import failed: " + e.getCause(), e.getCause());
        }
    }
}
