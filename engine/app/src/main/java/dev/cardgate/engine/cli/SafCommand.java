package dev.cardgate.engine.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.cardgate.engine.DataDirectoryLock;
import dev.cardgate.engine.config.ConfigurationException;
import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.saf.StoreAndForwardException;
import dev.cardgate.engine.saf.StoreAndForwardOperator;
import dev.cardgate.engine.saf.StoredMessage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cardgate saf list|retry ID|drop ID}: the store-and-forward queue of advices and reversals
 * owed to the network ({@code saf.dat} in the data folder; docs/upstream.md). {@code list} reads
 * it (masked PANs only) and works while the engine runs; {@code retry} (send an expired entry
 * again) and {@code drop} need the engine stopped, since they write the file it owns.
 *
 * <p>Exit status: 0 done; 1 no entry with that id can be changed so; 2 bad input or
 * configuration; 3 the engine is running (retry, drop) or the file cannot be read.
 */
@Command(name = "saf", mixinStandardHelpOptions = true,
    description = "List the store-and-forward queue, or (engine stopped) retry or drop an entry.")
final class SafCommand implements Callable<Integer> {
    @Mixin
    private ConfigurationOption configurationOption;

    @Parameters(index = "0", paramLabel = "ACTION", description = "list, retry or drop")
    private String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ID", description = "the entry's id (retry, drop)")
    private String id;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        final PrintWriter out = spec.commandLine().getOut();
        final EngineConfiguration configuration;
        try {
            configuration = configurationOption.load(System.getenv());
        }
        catch (final ConfigurationException invalid) {
            out.println(invalid.getMessage());
            return 2;
        }
        final Path dataDirectory = configuration.dataDirectory().toAbsolutePath().normalize();
        try {
            if ("list".equals(action) && id == null) {
                return list(out, dataDirectory);
            }
            if (("retry".equals(action) || "drop".equals(action)) && id != null) {
                return change(out, dataDirectory);
            }
        }
        catch (final StoreAndForwardException unreadable) {
            out.println(unreadable.getMessage());
            return 3;
        }
        out.println("expected `saf list`, `saf retry ID` or `saf drop ID`, not `saf " + dev.cardgate.engine.token.SafeEcho
            .quoted(action) + (id == null ? "" : " " + dev.cardgate.engine.token.SafeEcho.quoted(id)) + "`");
        return 2;
    }

    private static int list(final PrintWriter out, final Path dataDirectory) {
        final List<StoredMessage> entries = StoreAndForwardOperator.list(dataDirectory);
        final long now = System.currentTimeMillis();
        out.println(String.format("%-8s %-8s %11s  %s", "id", "state", "age", "message"));
        for (final StoredMessage message : entries) {
            out.println(StoreAndForwardOperator.describe(message, now));
        }
        out.println(entries.stream().filter(StoredMessage::isOwed).count() + " owed to the network, "
            + entries.size() + " in the file");
        return 0;
    }

    private int change(final PrintWriter out, final Path dataDirectory) {
        final long storedId;
        try {
            storedId = Long.parseLong(id);
        }
        catch (final NumberFormatException notANumber) {
            out.println("ID must be a stored entry's number (see `cardgate saf list`), not "
                + dev.cardgate.engine.token.SafeEcho.quoted(id));
            return 2;
        }
        final DataDirectoryLock lock;
        try {
            lock = DataDirectoryLock.acquire(dataDirectory);
        }
        catch (final UncheckedIOException running) {
            out.println("saf " + action + " writes the store-and-forward file the engine owns: stop the engine first ("
                + running.getMessage() + ")");
            return 3;
        }
        try (lock) {
            final boolean changed = "retry".equals(action)
                ? StoreAndForwardOperator.retry(dataDirectory, storedId, System.currentTimeMillis())
                : StoreAndForwardOperator.drop(dataDirectory, storedId);
            out.println(changed ? "entry " + storedId + (("retry".equals(action)) ? " will be sent again (as a repeat)"
                : " dropped: it will not be sent") : "no entry " + storedId + " that can be " + action
                + ("retry".equals(action) ? "ed" : "ped") + " (see `cardgate saf list`)");
            return changed ? 0 : 1;
        }
    }
}
