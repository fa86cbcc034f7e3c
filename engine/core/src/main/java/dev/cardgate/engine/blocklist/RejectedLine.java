package dev.cardgate.engine.blocklist;

/**
 * A line of an import file that changed nothing, and why.
 *
 * @param lineNumber 1-based
 * @param reason     what is wrong with the line; shows a PAN masked (first six, last four) at most
 */
public record RejectedLine(long lineNumber, String reason) {
    @Override
    public String toString() {
        return "line " + lineNumber + ": " + reason;
    }
}
