package dev.cardgate.engine.blocklist;

import dev.cardgate.engine.files.ImportProgress;
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
import java.util.concurrent.atomic.AtomicLong;

/**
 * One import of a file into a store, in three stages: the calling thread reads lines in batches;
 * parser threads parse and hash each batch (hashing is the costliest step); the batches, taken
 * back in file order, are dealt by token to {@link ImportLane}s that write the map in parallel.
 * A card's lines all go to one lane, in file order, so a later line for a card wins.
 *
 * <p>The caller holds the store's monitor and the writers' lock for the whole import, so the
 * shared entry count stays exact and the capacity is never overshot.
 */
final class BlocklistImporter {
    static final int BATCH_LINES = 4096;
    private static final int MAX_THREADS_PER_STAGE = 4;
    private static final AtomicInteger IMPORT_NUMBER = new AtomicInteger();

    private final BlocklistStore store;
    private final TokenKey key;

    BlocklistImporter(final BlocklistStore store, final TokenKey key) {
        this.store = store;
        this.key = key;
    }

    ImportReport run(final Path file, final ImportProgress progress) throws IOException {
        final int threads = Math.max(1, Math.min(MAX_THREADS_PER_STAGE, Runtime.getRuntime().availableProcessors()));
        final String threadPrefix = "blocklist-import-" + IMPORT_NUMBER.incrementAndGet() + "-";
        final AtomicInteger parserNumber = new AtomicInteger();
        final ThreadLocal<ImportLineParser> parsers =
            ThreadLocal.withInitial(() -> new ImportLineParser(key.newTokenizer()));
        final ExecutorService parserPool = Executors.newFixedThreadPool(threads, runnable -> {
            final Thread thread = new Thread(runnable, threadPrefix + "parser-" + parserNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        final AtomicLong entries = new AtomicLong(store.count());
        final ImportLane[] lanes = new ImportLane[threads];
        for (int i = 0; i < threads; i++) {
            lanes[i] = new ImportLane(store.newEntryWriter(), entries, store.fullLineMessage(), threadPrefix + "writer-" + i);
        }
        final List<RejectedLine> rejected = new ArrayList<>();
        long linesRead = 0;
        long charactersRead = 0;
        final double fileBytes = Math.max(1, sizeOrZero(file));
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            final ArrayDeque<Future<ParsedBatch>> parsing = new ArrayDeque<>();
            while (true) {
                final String[] lines = new String[BATCH_LINES];
                int count = 0;
                String line;
                while (count < BATCH_LINES && (line = reader.readLine()) != null) {
                    lines[count++] = line;
                    charactersRead += line.length() + 1;
                }
                if (count == 0) {
                    break;
                }
                final int batchLines = count;
                final long firstLineNumber = linesRead + 1;
                linesRead += count;
                parsing.add(parserPool.submit(() -> parsers.get().parse(lines, batchLines, firstLineNumber)));
                if (parsing.size() >= 2 * threads) {
                    deal(parsed(parsing.poll()), lanes, rejected);
                }
                // ISO-8859-1: a character per byte, so the characters read tell how far into the file
                progress.advanced(linesRead, Math.min(1.0, charactersRead / fileBytes));
            }
            while (!parsing.isEmpty()) {
                deal(parsed(parsing.poll()), lanes, rejected);
            }
        } catch (final NoSuchFileException e) {
            throw new BlocklistException("the blocklist import file " + file + " does not exist", e);
        } finally {
            parserPool.shutdownNow();
            for (final ImportLane lane : lanes) {
                lane.finish();
            }
        }
        long added = 0;
        long updated = 0;
        long unchanged = 0;
        for (final ImportLane lane : lanes) {
            added += lane.added;
            updated += lane.updated;
            unchanged += lane.unchanged;
            rejected.addAll(lane.rejected);
        }
        rejected.sort(Comparator.comparingLong(RejectedLine::lineNumber));
        return new ImportReport(file, linesRead, added, updated, unchanged, rejected);
    }

    private static long sizeOrZero(final Path file) {
        try {
            return Files.size(file);
        } catch (final IOException unknown) {
            return 0;
        }
    }

    /** Hands each accepted entry of {@code batch} to the lane its token selects. */
    private static void deal(final ParsedBatch batch, final ImportLane[] lanes, final List<RejectedLine> rejected) {
        rejected.addAll(batch.rejected);
        final int laneCount = lanes.length;
        final int[][] indices = new int[laneCount][batch.accepted];
        final int[] counts = new int[laneCount];
        for (int i = 0; i < batch.accepted; i++) {
            final int lane = (int)Long.remainderUnsigned(batch.tokenLows[i], laneCount);
            indices[lane][counts[lane]++] = i;
        }
        final long now = System.currentTimeMillis();
        for (int lane = 0; lane < laneCount; lane++) {
            if (counts[lane] > 0) {
                lanes[lane].submit(batch, indices[lane], counts[lane], now);
            }
        }
    }

    private static ParsedBatch parsed(final Future<ParsedBatch> pending) {
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
