package dev.cardgate.engine.frontend;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

import dev.cardgate.engine.config.FrontEndConfiguration;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionListener;
import io.netty.buffer.ByteBuf;

/**
 * The front-end's {@link DecisionListener}: on the engine's reply thread, encodes the answer
 * (echoed fields, 38 when approved, 39, the TPDU swapped) from the request bytes the entry
 * carries and the offsets of its echoed fields, which the I/O thread's decoder noted (the
 * request is decoded once), into a pooled buffer, and writes it to the connection that the
 * entry's attachment names.
 *
 * <p>Threading: reply thread only (one per engine). Allocation: the pooled buffer, and whatever
 * Netty allocates to hand a write from a foreign thread to the connection's I/O thread (see
 * benchmarks/RESULTS.md). It never throws: a failure is logged and the connection is told the
 * request is over, so that its in-flight count stays right.
 */
final class ResponseWriter implements DecisionListener {
    /** Field 39 for an entry that reached the reply stage undecided, which a bug would cause. */
    private static final int SYSTEM_MALFUNCTION = 96;

    private final ResponseEncoder encoder;
    private final Logger logger;

    ResponseWriter(final FrontEndConfiguration configuration, final Logger logger) {
        this.encoder = new ResponseEncoder(configuration.dialect(), configuration.frameFormat());
        this.logger = logger;
    }

    @Override
    public void onDecision(final AuthorizationEvent event) {
        final TerminalConnection connection = (TerminalConnection)event.attachment();
        try {
            if (connection.isOpen()) {
                connection.writeFromReplyThread(answer(event, connection));
            }
        }
        catch (final RuntimeException failure) {
            logger.log(Level.ERROR, "cannot answer STAN " + event.systemTraceAuditNumber() + " on " + connection, failure);
        }
        finally {
            connection.requestAnswered();
        }
    }

    private ByteBuf answer(final AuthorizationEvent event, final TerminalConnection connection) {
        return encoder.encode(event, MessageTypes.responseType(event.messageTypeIndicator()),
            event.responseCode() < 0 ? SYSTEM_MALFUNCTION : event.responseCode(), event.authorizationId(),
            connection.allocator());
    }
}
