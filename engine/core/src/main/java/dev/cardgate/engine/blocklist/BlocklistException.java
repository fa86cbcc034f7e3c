package dev.cardgate.engine.blocklist;

/**
 * The blocklist cannot be opened or changed: a corrupt or foreign map file, a map made with
 * another token key, a capacity reached. The message names the file, what is wrong and what to
 * do; it never contains a clear PAN.
 */
public class BlocklistException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BlocklistException(final String message) {
        super(message);
    }

    public BlocklistException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
