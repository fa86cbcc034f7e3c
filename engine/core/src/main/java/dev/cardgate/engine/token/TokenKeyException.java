package dev.cardgate.engine.token;

/**
 * The token key cannot be loaded, created or parsed. The message names the file or source, what
 * is wrong and what to do; it never contains key material.
 */
public final class TokenKeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TokenKeyException(final String message) {
        super(message);
    }

    public TokenKeyException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
