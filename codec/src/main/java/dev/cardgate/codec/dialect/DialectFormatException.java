package dev.cardgate.codec.dialect;

/** A dialect file that cannot be read: says which file, which line, and what is wrong there. */
public final class DialectFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    public DialectFormatException(final String source, final int line, final String reason) {
        super(source + ":" + line + ": " + reason);
        this.source = source;
        this.line = line;
    }

    /** The file (or resource) the dialect was read from. */
    public String source() {
        return source;
    }

    /** The 1-based line at fault; 0 when the fault is the file as a whole (e.g. no dialect line). */
    public int line() {
        return line;
    }
}
