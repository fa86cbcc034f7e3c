package dev.cardgate.engine.frontend;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.cardgate.codec.CodecError;
import dev.cardgate.codec.CodecException;
import dev.cardgate.codec.Iso8583Decoder;

/**
 * The front-end's log of bad input and closed connections: each line names the connection, what
 * was done (answered 30, 12 or 58, or closing) and the reason, never a card number (a message is
 * shown only through the decoder's masked dump). One line per distinct reason: each reason (each
 * {@link CodecError} for a frame that does not decode, each {@link Reason} otherwise) is logged
 * at most once a second, with the number left out since its last line, so a flood of one fault
 * neither floods the log nor hides another fault; the engine's counters count them all.
 *
 * <p>Threading: any thread. Allocates on the paths it logs, which are the error paths.
 */
final class FrontEndLog {
    private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** Why a connection was closed or a request answered here, other than a decoding fault. */
    enum Reason {
        LENGTH_NOT_A_NUMBER(Level.WARNING),
        LENGTH_TOO_SHORT(Level.WARNING),
        LENGTH_OVER_MAXIMUM(Level.WARNING),
        TYPE_WITHOUT_ANSWER(Level.WARNING),
        UNSUPPORTED_TYPE(Level.WARNING),
        TERMINAL_NOT_IN_CERTIFICATE(Level.WARNING),
        ECHO_INCOMPLETE(Level.WARNING),
        // the terminal's or the network's doing rather than bad input
        IDLE(Level.INFO),
        SLOW_SENDER(Level.INFO),
        CONNECTION_LIMIT(Level.INFO),
        TRANSPORT_ERROR(Level.INFO);

        private final Level level;

        Reason(final Level level) {
            this.level = level;
        }
    }

    private final Logger logger;
    private final Throttle[] malformedByError = throttles(CodecError.values().length);
    private final Throttle[] unreadableByError = throttles(CodecError.values().length);
    private final Throttle[] byReason = throttles(Reason.values().length);

    FrontEndLog(final Logger logger) {
        this.logger = logger;
    }

    /** A frame that does not decode but names its type and STAN: answered 30. */
    void malformedFrame(final TerminalConnection connection, final Iso8583Decoder indexed, final CodecException fault) {
        final long left = malformedByError[fault.error().ordinal()].permit();
        if (left >= 0) {
            logger.log(Level.WARNING, "answered 30 to " + connection + ": " + fault.getMessage() + "; fields read: "
                + indexed.appendTo(new StringBuilder(128)) + suppressed(left));
        }
    }

    /** A frame that does not decode and cannot be answered ({@code why}): the connection is closed. */
    void unreadableFrame(final TerminalConnection connection, final CodecException fault, final String why) {
        final long left = unreadableByError[fault.error().ordinal()].permit();
        if (left >= 0) {
            logger.log(Level.WARNING, "closing " + connection + ", a frame cannot be answered: " + fault.getMessage()
                + " (" + why + ")" + suppressed(left));
        }
    }

    void unsupportedMessageType(final TerminalConnection connection, final int messageType) {
        final long left = byReason[Reason.UNSUPPORTED_TYPE.ordinal()].permit();
        if (left >= 0) {
            logger.log(Level.WARNING, "answered 12 to " + connection + ": message type "
                + String.format("%04d", messageType) + " is not handled" + suppressed(left));
        }
    }

    void terminalNotInCertificate(final TerminalConnection connection, final String terminalId,
        final TerminalIdentity identity) {
        final long left = byReason[Reason.TERMINAL_NOT_IN_CERTIFICATE.ordinal()].permit();
        if (left >= 0) {
            logger.log(Level.WARNING, "answered 58 to " + connection + ": terminal " + terminalId
                + " is not one its client certificate speaks for (" + identity + ")" + suppressed(left));
        }
    }

    /** An echo lacking {@code missingField}, which {@code frontend.echo.required-fields} names: answered 30. */
    void incompleteEcho(final TerminalConnection connection, final int missingField) {
        final long left = byReason[Reason.ECHO_INCOMPLETE.ordinal()].permit();
        if (left >= 0) {
            logger.log(Level.WARNING, "answered 30 to " + connection + ": an echo without field " + missingField
                + ", which frontend.echo.required-fields requires" + suppressed(left));
        }
    }

    /** The connection is being closed for {@code reason}; {@code detail} says what was seen. */
    void connectionClosed(final Object connection, final Reason reason, final String detail) {
        final long left = byReason[reason.ordinal()].permit();
        if (left >= 0) {
            logger.log(reason.level, "closing " + connection + ": " + detail + suppressed(left));
        }
    }

    private static String suppressed(final long left) {
        return left == 0 ? "" : " (" + left + " more like this since the last line)";
    }

    private static Throttle[] throttles(final int count) {
        final Throttle[] throttles = new Throttle[count];
        for (int i = 0; i < count; i++) {
            throttles[i] = new Throttle();
        }
        return throttles;
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
