package dev.cardgate.engine.frontend;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.cardgate.codec.Iso8583Decoder;

/**
 * The front-end's log of bad input and closed connections: each line names the connection and
 * the reason, never a card number (a message is shown only through the decoder's masked dump).
 * A flood of bad frames cannot flood the log: each kind of event is logged at most once a
 * second, with the number left out since the last line; the engine's counters count them all.
 *
 * <p>Threading: any thread. Allocates on the paths it logs, which are the error paths.
 */
final class FrontEndLog {
    private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Logger logger;
    private final Throttle malformed = new Throttle();
    private final Throttle unreadable = new Throttle();
    private final Throttle unsupported = new Throttle();
    private final Throttle closed = new Throttle();

    FrontEndLog(final Logger logger) {
        this.logger = logger;
    }

    void malformedFrame(final TerminalConnection connection, final Iso8583Decoder indexed, final String reason) {
        final long left = malformed.permit();
        if (left >= 0) {
            logger.log(Level.WARNING, "answered 30 to " + connection + ": " + reason + "; fields read: "
                + indexed.appendTo(new StringBuilder(128)) + suppressed(left));
        }
    }

    void unreadableFrame(final TerminalConnection connection, final String reason) {
        final long left = unreadable.permit();
        if (left >= 0) {
            logger.log(Level.WARNING, "closing " + connection + ", a frame cannot be read: " + reason + suppressed(left));
        }
    }

    void unsupportedMessageType(final TerminalConnection connection, final int messageType) {
        final long left = unsupported.permit();
        if (left >= 0) {
            logger.log(Level.WARNING, "message type " + String.format("%04d", messageType) + " from " + connection
                + " is not handled (answered 12 when it has an answer)" + suppressed(left));
        }
    }

    void connectionClosed(final Object connection, final String reason) {
        final long left = closed.permit();
        if (left >= 0) {
            logger.log(Level.INFO, "closing " + connection + ": " + reason + suppressed(left));
        }
    }

    private static String suppressed(final long left) {
        return left == 0 ? "" : " (" + left + " more like this since the last line)";
    }

    /** Lets one line a second through and counts the rest. */
    private static final class Throttle {
        private final AtomicLong lastLineNanos = new AtomicLong(System.nanoTime() - INTERVAL_NANOS);
        private final AtomicLong leftOut = new AtomicLong();

        /** @return the number left out since the last line when this one may be logged, else -1 */
        long permit() {
            final long now = System.nanoTime();
            final long last = lastLineNanos.get();
            if (now - last >= INTERVAL_NANOS && lastLineNanos.compareAndSet(last, now)) {
                return leftOut.getAndSet(0);
            }
            leftOut.incrementAndGet();
            return -1;
        }
    }
}
