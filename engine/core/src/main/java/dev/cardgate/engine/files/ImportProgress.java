package dev.cardgate.engine.files;

/**
 * How far an import has come through its file, for an operator's progress display. Called on
 * the importing thread between batches (thousands of lines apart), so an implementation may
 * allocate and print, but should return quickly.
 */
@FunctionalInterface
public interface ImportProgress {
    /** Reports nothing. */
    ImportProgress NONE = (linesDone, fractionDone) -> {
    };

    /**
     * @param linesDone    lines handled so far
     * @param fractionDone from 0 to 1: how much of the whole import that is (an estimate)
     */
    void advanced(long linesDone, double fractionDone);
}
