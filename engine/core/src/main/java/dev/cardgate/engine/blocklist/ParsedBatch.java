package dev.cardgate.engine.blocklist;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of consecutive import lines after parsing and hashing, in line order: the accepted
 * entries as parallel arrays (tokens, never PANs) and the rejected lines. Filled by one worker
 * thread, then handed to the thread that writes the map.
 */
final class ParsedBatch {
    final long firstLineNumber;
    final int lineCount;
    int accepted;
    final long[] lineNumbers;
    final long[] tokenHighs;
    final long[] tokenLows;
    final BlockReason[] reasons;
    final long[] expiresEpochMillis;
    final String[] references;
    final List<RejectedLine> rejected = new ArrayList<>();

    ParsedBatch(final long firstLineNumber, final int lineCount) {
        this.firstLineNumber = firstLineNumber;
        this.lineCount = lineCount;
        lineNumbers = new long[lineCount];
        tokenHighs = new long[lineCount];
        tokenLows = new long[lineCount];
        reasons = new BlockReason[lineCount];
        expiresEpochMillis = new long[lineCount];
        references = new String[lineCount];
    }

    void accept(final long lineNumber, final long tokenHigh, final long tokenLow, final BlockReason reason,
        final long expires, final String reference) {
        lineNumbers[accepted] = lineNumber;
        tokenHighs[accepted] = tokenHigh;
        tokenLows[accepted] = tokenLow;
        reasons[accepted] = reason;
        expiresEpochMillis[accepted] = expires;
        references[accepted] = reference;
        accepted++;
    }

    void reject(final long lineNumber, final String why) {
        rejected.add(new RejectedLine(lineNumber, why));
    }
}
