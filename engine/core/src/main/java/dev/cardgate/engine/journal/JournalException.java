package dev.cardgate.engine.journal;

/**
 * The journal cannot be used: a corrupt segment, a segment written with another token key, a
 * folder that cannot be read. The message names the file, the position and what is wrong.
 */
public final class JournalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JournalException(final String message) {
        super(message);
    }

    public JournalException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
