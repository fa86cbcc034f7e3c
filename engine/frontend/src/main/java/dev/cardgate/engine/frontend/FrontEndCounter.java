package dev.cardgate.engine.frontend;

import dev.cardgate.engine.counters.CounterDefinition;
import dev.cardgate.engine.counters.CounterDescriptor;
import dev.cardgate.engine.counters.CounterKind;
import dev.cardgate.engine.counters.CounterWriter;

/**
 * The TCP front-end's counters (ids 500 to 599), written by its I/O threads; allocated when a
 * front-end starts on the engine. Adding a counter is adding a constant (the next id);
 * docs/observability.md lists them.
 */
public enum FrontEndCounter implements CounterDescriptor {
    CONNECTIONS_ACCEPTED(500, "connections.accepted", CounterKind.TOTAL, CounterWriter.SEVERAL_THREADS,
        "terminal connections accepted; the I/O threads"),
    CONNECTIONS_REFUSED(501, "connections.refused", CounterKind.TOTAL, CounterWriter.SEVERAL_THREADS,
        "connections over the limit, closed at once; the I/O threads"),
    FRAMES_MALFORMED(502, "frames.malformed", CounterKind.TOTAL, CounterWriter.SEVERAL_THREADS,
        "frames that could not be decoded, answered 30; the I/O threads"),
    FRAMES_UNREADABLE(503, "frames.unreadable", CounterKind.TOTAL, CounterWriter.SEVERAL_THREADS,
        "frames (or length headers) that could not be read, which closed their connection; the I/O threads"),
    MESSAGES_UNSUPPORTED(504, "messages.unsupported", CounterKind.TOTAL, CounterWriter.SEVERAL_THREADS,
        "messages of a type the engine does not handle (answered 12 if they have an answer, else the connection is closed); the I/O threads"),
    SLOW_SENDERS_CUT(505, "connections.slow-senders-cut", CounterKind.TOTAL, CounterWriter.SEVERAL_THREADS,
        "connections closed because a frame took too long to arrive; the I/O threads"),
    IDLE_CLOSED(506, "connections.idle-closed", CounterKind.TOTAL, CounterWriter.SEVERAL_THREADS,
        "connections closed after the idle timeout; the I/O threads"),
    ANSWERED_OVERLOADED(507, "answered.overloaded", CounterKind.TOTAL, CounterWriter.SEVERAL_THREADS,
        "requests the front-end answered 91 because the ring was full; the I/O threads"),
    READING_PAUSED(508, "reading.paused", CounterKind.TOTAL, CounterWriter.SEVERAL_THREADS,
        "times a connection stopped reading (ring full, in-flight bound, or slow reader); the I/O threads"),
    CONNECTIONS_OPEN(509, "connections.open", CounterKind.GAUGE, CounterWriter.SEVERAL_THREADS,
        "terminal connections open now; the I/O threads"),
    TERMINAL_NOT_IN_CERTIFICATE(510, "answered.terminal-not-in-certificate", CounterKind.TOTAL,
        CounterWriter.SEVERAL_THREADS, "requests answered 58: field 41 is not a terminal the client certificate names "
            + "(docs/terminals.md); the I/O threads"),
    ECHOES_ANSWERED(511, "answered.echo", CounterKind.TOTAL, CounterWriter.SEVERAL_THREADS,
        "echoes (0800, field 70 = 301) without field 41 answered 00 by the front-end itself; the I/O threads"),
    ECHOES_INCOMPLETE(512, "answered.echo-incomplete", CounterKind.TOTAL, CounterWriter.SEVERAL_THREADS,
        "echoes answered 30 for lacking a field frontend.echo.required-fields names; the I/O threads");

    private final CounterDefinition definition;

    FrontEndCounter(final int id, final String label, final CounterKind kind, final CounterWriter writer,
        final String description) {
        this.definition = new CounterDefinition(id, label, kind, writer, description);
    }

    @Override
    public CounterDefinition definition() {
        return definition;
    }
}
