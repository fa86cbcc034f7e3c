package dev.cardgate.engine.counters;

/** The counters file is missing, foreign, of another layout or cannot be read; the message says which. */
public final class CountersFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CountersFileException(final String message) {
        super(message);
    }
}
