package dev.cardgate.engine.journal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Reads a journal folder with a query and prints what it finds: the records as aligned text or
 * JSON lines, or statistics per interval. Shared by {@code cardgate journal} and {@link
 * JournalReaderCommand}, which build the query from their own options. A tool: allocates.
 */
public final class JournalPrinter {
    private JournalPrinter() {
    }

    /**
     * Prints, and every damaged record or break between segments on {@code err} ("DAMAGED: ...").
     *
     * @param statsMillis   the statistics interval; 0 to print the records
     * @param keepFollowing with {@code follow}, polled between reads: false ends it
     * @return 0, or 1 when damage or a break was met
     */
    public static int print(final Path directory, final JournalQuery query, final long statsMillis, final boolean json,
        final boolean follow, final PrintStream out, final PrintStream err, final BooleanSupplier keepFollowing)
        throws IOException {
        final List<String> damage = new ArrayList<>();
        final JournalReader reader = new JournalReader(directory, problem -> {
            damage.add(problem);
            err.println("DAMAGED: " + problem);
        });
        if (statsMillis > 0) {
            final JournalStatistics statistics = new JournalStatistics(statsMillis);
            reader.read(query, statistics::add);
            statistics.lines(json).forEach(out::println);
        }
        else {
            if (!json) {
                out.println(RecordFormatter.TEXT_HEADER);
            }
            final Consumer<JournalRecord> print =
                record -> out.println(json ? RecordFormatter.json(record) : RecordFormatter.text(record));
            if (follow) {
                reader.follow(query, print, keepFollowing);
            }
            else {
                reader.read(query, print);
            }
        }
        return damage.isEmpty() ? 0 : 1;
    }
}
