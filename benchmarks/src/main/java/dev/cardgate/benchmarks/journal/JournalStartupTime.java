package dev.cardgate.benchmarks.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import dev.cardgate.engine.event.DecidedEventListener;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.journal.FileSegmentStorage;
import dev.cardgate.engine.journal.JournalInventory;
import dev.cardgate.engine.journal.JournalReplay;
import dev.cardgate.engine.journal.JournalScanner;
import dev.cardgate.engine.journal.JournalKey;
import dev.cardgate.engine.journal.JournalWriter;

/**
 * Start-up time with a large journal: writes N records (default 10,000,000, 1.28 GB) spread over
 * the last {@code hours} hours, then times what the engine does at start: the full scan (every
 * header and record checked) and the replay of a {@code window} into a listener that sums the
 * amounts. Prints the times; a main, not a JMH benchmark, because start-up happens once.
 *
 * <pre>java @config/jvm.options -cp benchmarks/target/benchmarks.jar \
 *     dev.cardgate.benchmarks.journal.JournalStartupTime [records] [windowMinutes]</pre>
 */
public final class JournalStartupTime {
    private JournalStartupTime() {
    }

    public static void main(final String[] arguments) throws IOException {
        final long records = arguments.length > 0 ? Long.parseLong(arguments[0]) : 10_000_000L;
        final long windowMillis = (arguments.length > 1 ? Long.parseLong(arguments[1]) : 60) * 60_000L;
        final long now = System.currentTimeMillis();
        final long spanMillis = 24 * 3_600_000L;
        final Path directory = Files.createTempDirectory("cardgate-journal-startup-");
        try {
            final long writeStart = System.nanoTime();
            final AuthorizationEvent event = new AuthorizationEvent();
            event.messageTypeIndicator(100).terminalId("TERM0001").merchantId("MERCHANT0000001")
                .cardToken(1, 2).maskedPan(16, 411111, 1111).currencyCode(978);
            try (JournalWriter writer = new JournalWriter(directory, 64 << 20, JournalKey.unkeyed(),
                FileSegmentStorage.INSTANCE, () -> now, false, new JournalScanner(directory, null, true, false).scan())) {
                for (long n = 0; n < records; n++) {
                    event.systemTraceAuditNumber((int)n).amountMinor(n);
                    event.approve(n, now - spanMillis + n * spanMillis / records);
                    writer.append(event, n);
                }
            }
            System.out.printf("wrote %,d records in %.2f s%n", records, (System.nanoTime() - writeStart) / 1e9);
            for (int run = 1; run <= 3; run++) {
                final long scanStart = System.nanoTime();
                final JournalInventory inventory = new JournalScanner(directory, JournalKey.UNKEYED_FINGERPRINT, true, false).scan();
                final long scanNanos = System.nanoTime() - scanStart;
                final long[] sum = new long[1];
                final long replayStart = System.nanoTime();
                final long replayed = JournalReplay.replay(inventory, new DecidedEventListener() {
                    @Override
                    public void onDecided(final AuthorizationEvent decided) {
                        sum[0] += decided.amountMinor();
                    }

                    @Override
                    public long replayWindowMillis() {
                        return windowMillis;
                    }
                }, now);
                final long replayNanos = System.nanoTime() - replayStart;
                System.out.printf("run %d: scan of %,d records in %d segments %.2f s; replay of %,d records (window %d min) "
                    + "%.2f s; start-up total %.2f s (checksum %d)%n", run, inventory.recordCount(),
                    inventory.segments().size(), scanNanos / 1e9, replayed, windowMillis / 60_000, replayNanos / 1e9,
                    (scanNanos + replayNanos) / 1e9, sum[0]);
            }
        }
        finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
