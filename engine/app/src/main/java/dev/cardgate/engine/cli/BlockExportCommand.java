package dev.cardgate.engine.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import dev.cardgate.engine.blocklist.BlocklistEntry;
import dev.cardgate.engine.blocklist.BlocklistStore;
import dev.cardgate.engine.blocklist.ListedToken;
import dev.cardgate.engine.files.OwnerOnlyFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cardgate block export}: every entry as CSV. The map holds tokens, not PANs, so that is
 * what is written; an export is a report or a backup for the same key, not an import file.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write every entry as CSV: token,reason,added,expires,reference (instants in ISO-8601 UTC, "
        + "expires empty for never). Tokens, never PANs: the blocklist stores none.",
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {"0:written", "1:the blocklist cannot be used or the file cannot be written",
        "2:the output file exists already, or bad configuration"})
final class BlockExportCommand extends OperatorCommand {
    static final String HEADER = "token,reason,added,expires,reference";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
        description = "write to this new file, created owner-only (default: standard output)")
    private Path output;

    @Override
    int execute(final PrintStream out, final PrintStream err) throws IOException {
        final List<ListedToken> entries;
        try (BlocklistStore store = OperatorFiles.blocklist(configuration(),
            OperatorFiles.tokenKey(configuration(), false), false)) {
            entries = store.listedTokens();
        }
        if (output == null) {
            final Writer writer = new OutputStreamWriter(out, StandardCharsets.US_ASCII);
            write(entries, writer);
            writer.flush();
            return OK;
        }
        if (!OwnerOnlyFiles.createEmptyIfAbsent(output)) {
            throw new OperatorFailure(BAD_INPUT, "the file " + output + " exists already: give a new file name, or "
                + "remove it first");
        }
        try (BufferedWriter writer = Files.newBufferedWriter(output, StandardCharsets.US_ASCII,
            StandardOpenOption.WRITE)) {
            write(entries, writer);
        }
        err.println(entries.size() + " entries written to " + output);
        return OK;
    }

    private static void write(final List<ListedToken> entries, final Writer writer) throws IOException {
        writer.write(HEADER + "\n");
        for (final ListedToken listed : entries) {
            final BlocklistEntry entry = listed.entry();
            writer.write(listed.token() + "," + entry.reason().name().toLowerCase(Locale.ROOT) + ","
                + Instant.ofEpochMilli(entry.addedEpochMillis()) + ","
                + (entry.expiresEpochMillis() == BlocklistEntry.NO_EXPIRY ? ""
                    : Instant.ofEpochMilli(entry.expiresEpochMillis()).toString())
                + "," + entry.reference() + "\n");
        }
    }
}
