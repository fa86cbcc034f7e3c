package dev.cardgate.engine.saf;

/** The store-and-forward file cannot be read or written, or an entry in it is not what it claims. */
public final class StoreAndForwardException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreAndForwardException(final String message) {
        super(message);
    }

    public StoreAndForwardException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
