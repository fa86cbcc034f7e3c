package dev.cardgate.engine.blocklist;

import java.nio.file.Path;
import java.util.List;

/**
 * What an import did, line by line: every line of the file is a comment or blank, or counts in
 * exactly one of added, updated, unchanged and rejected.
 *
 * @param file          the import file
 * @param linesRead     all lines, comments and blank lines included
 * @param added         entries for cards that were not listed
 * @param updated       entries that replaced another reason, expiry or reference
 * @param unchanged     entries already listed with the same content (nothing written)
 * @param rejectedLines every line that changed nothing because it is wrong, in line order
 */
public record ImportReport(Path file, long linesRead, long added, long updated, long unchanged,
    List<RejectedLine> rejectedLines) {

    public ImportReport {
        rejectedLines = List.copyOf(rejectedLines);
    }

    public long rejected() {
        return rejectedLines.size();
    }

    /** One line for the operator, e.g. {@code 1000 lines: 990 added, 0 updated, 5 unchanged, 2 rejected}. */
    public String summary() {
        return file + ": " + linesRead + " lines: " + added + " added, " + updated + " updated, " + unchanged
            + " unchanged, " + rejected() + " rejected";
    }
}
