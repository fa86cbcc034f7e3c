package dev.cardgate.engine.upstream.link;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;

/**
 * The link's log: state changes and connection failures, and bad input from upstream. Each kind
 * of line is written at most once a second, with the number left out since its last line, so that
 * a flood of one fault neither floods the log nor hides another; the counters count them all. No
 * card number is written: a message appears only through the decoder's masked dump.
 *
 * <p>Threading: the link's I/O thread only. Allocates on the paths it logs, which are rare or error paths.
 */
final class UpstreamLog {
    private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** One kind of line, throttled on its own. */
    enum Kind {
        UNDECODABLE(Level.WARNING),
        ANSWER_TO_NOTHING(Level.WARNING),
        AMOUNT_CONTRADICTS(Level.WARNING),
        CARD_CONTRADICTS(Level.WARNING),
        NOT_FORWARDABLE(Level.WARNING),
        UNREADABLE_LENGTH(Level.WARNING),
        CONNECT_FAILED(Level.INFO),
        CONNECTION_LOST(Level.INFO),
        SIGN_ON_REFUSED(Level.WARNING),
        ECHO_LOST(Level.WARNING),
        BREAKER(Level.WARNING),
        STATE(Level.INFO);

        private final Level level;

        Kind(final Level level) {
            this.level = level;
        }
    }

    private final Logger logger;
    private final long[] lastLineNanos = new long[Kind.values().length];
    private final long[] leftOut = new long[Kind.values().length];

    UpstreamLog(final Logger logger) {
        this.logger = logger;
        final long start = System.nanoTime() - INTERVAL_NANOS;
        java.util.Arrays.fill(lastLineNanos, start);
    }

    /** Whether a line of {@code kind} may be written now; counts it as left out when not. */
    boolean permits(final Kind kind) {
        final long now = System.nanoTime();
        if (now - lastLineNanos[kind.ordinal()] >= INTERVAL_NANOS) {
            return true;
        }
        leftOut[kind.ordinal()]++;
        return false;
    }

    /** Writes a line of {@code kind}; call after {@link #permits} said yes. */
    void write(final Kind kind, final String line) {
        final int index = kind.ordinal();
        final long left = leftOut[index];
        leftOut[index] = 0;
        lastLineNanos[index] = System.nanoTime();
        logger.log(kind.level, line + (left == 0 ? "" : " (" + left + " more like this since the last line)"));
    }

    /** A line that is never throttled: state changes, which are few by nature. */
    void always(final Kind kind, final String line) {
        logger.log(kind.level, line);
    }

    /** {@link #permits} then {@link #write}, for a line that is cheap to build. */
    void log(final Kind kind, final String line) {
        if (permits(kind)) {
            write(kind, line);
        }
    }
}
