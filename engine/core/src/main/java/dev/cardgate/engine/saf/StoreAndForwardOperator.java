package dev.cardgate.engine.saf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an operator does to the store-and-forward file from another process ({@code cardgate saf}):
 * list its entries (masked PANs only; safe while the engine runs, it only reads), and, with the
 * engine stopped (the caller holds the data folder's lock), send an expired entry again or drop
 * one. Each change is a record appended to the file, so the engine's next start sees it.
 */
public final class StoreAndForwardOperator {
    private StoreAndForwardOperator() {
    }

    /** Every entry of the file in {@code dataDirectory}, answered ones included, in stored order. */
    public static List<StoredMessage> list(final Path dataDirectory) {
        return new ArrayList<>(StoreAndForwardFile.readOnly(StoreAndForward.fileIn(dataDirectory)).values());
    }

    /** One line for an entry: id, state, age, message type, STAN, terminal, masked card, amount. */
    public static String describe(final StoredMessage message, final long nowMillis) {
        return String.format("%-8d %-8s %10ds  %s", message.storedId(), message.state().name().toLowerCase(
            java.util.Locale.ROOT), (nowMillis - message.storedAtMillis()) / 1_000, StoreAndForward.describe(message));
    }

    /**
     * Makes an expired (or owed) entry owed again, its expiry counted from {@code nowMillis}; the
     * engine sends it as a repeat. The engine must not be running.
     *
     * @return false when no entry has that id, or it was answered or dropped
     */
    public static boolean retry(final Path dataDirectory, final long storedId, final long nowMillis) {
        return change(dataDirectory, storedId, (file, message) -> {
            if (message.state() == StoredMessage.State.ANSWERED || message.state() == StoredMessage.State.DROPPED) {
                return false;
            }
            file.appendRetry(storedId, nowMillis);
            return true;
        });
    }

    /** Drops an entry not yet answered: it is never sent again. The engine must not be running. */
    public static boolean drop(final Path dataDirectory, final long storedId) {
        return change(dataDirectory, storedId, (file, message) -> {
            if (message.state() == StoredMessage.State.ANSWERED || message.state() == StoredMessage.State.DROPPED) {
                return false;
            }
            file.appendState(StoreAndForwardFile.DROPPED, storedId);
            return true;
        });
    }

    @FunctionalInterface
    private interface Change {
        boolean apply(StoreAndForwardFile file, StoredMessage message) throws IOException;
    }

    private static boolean change(final Path dataDirectory, final long storedId, final Change change) {
        final Map<Long, StoredMessage> entries = new LinkedHashMap<>();
        try (StoreAndForwardFile file = StoreAndForwardFile.open(StoreAndForward.fileIn(dataDirectory), entries)) {
            final StoredMessage message = entries.get(storedId);
            if (message == null || !change.apply(file, message)) {
                return false;
            }
            file.sync();
            return true;
        }
        catch (final IOException failure) {
            throw new StoreAndForwardException("cannot change the store-and-forward file in " + dataDirectory + ": "
                + failure, failure);
        }
    }
}
