package dev.cardgate.engine.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import dev.cardgate.engine.config.TerminalDayConfiguration;
import dev.cardgate.engine.counters.CounterRegistry;
import dev.cardgate.engine.journal.JournalQuery;
import dev.cardgate.engine.journal.JournalReader;
import dev.cardgate.engine.terminal.AsciiCodes;

/**
 * A terminal's open batch as the engine rebuilds it at start: the journal's records of the
 * replay window handed to a {@link TerminalDay} of its own, in journal order. For {@code cardgate
 * terminal batch} (safe while the engine writes the journal) and the restart tests.
 */
public final class TerminalBatchReport {
    private TerminalBatchReport() {
    }

    /**
     * @return the open batch of {@code terminalId} at {@code nowMillis}; null when the journal has
     *         nothing of it in the window
     * @throws IOException when the journal cannot be read
     */
    public static OpenBatch read(final Path journalDirectory, final String terminalId,
        final TerminalDayConfiguration settings, final long nowMillis, final Consumer<String> onDamage)
        throws IOException {
        final TerminalDay day = new TerminalDay(settings.completionMessageType(), settings.maxTerminals(),
            settings.maxTransactions(), settings.holdExpiryMillis(), settings.replayWindowMillis(),
            CounterRegistry.inMemory());
        new JournalReader(journalDirectory, onDamage).read(JournalQuery.ALL.withTimeRange(
            nowMillis - settings.replayWindowMillis(), Long.MAX_VALUE), record -> day.onDecided(record.event()));
        return day.openBatch(AsciiCodes.pack(terminalId), nowMillis);
    }
}
