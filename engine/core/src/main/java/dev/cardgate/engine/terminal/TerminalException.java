package dev.cardgate.engine.terminal;

/** The terminal registry's file cannot be used: damaged, foreign, full or unreadable. */
public final class TerminalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TerminalException(final String message) {
        super(message);
    }

    public TerminalException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
