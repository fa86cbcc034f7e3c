package dev.cardgate.engine.frontend;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

import dev.cardgate.codec.CodecException;
import dev.cardgate.codec.Iso8583Decoder;
import dev.cardgate.engine.config.FrontEndConfiguration;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionListener;
import io.netty.buffer.ByteBuf;

/**
 * The front-end's {@link DecisionListener}: on the engine's reply thread, re-wraps a decoder
 * over the request bytes the entry carries, encodes the answer (echoed fields, 38 when
 * approved, 39, the TPDU swapped) into a pooled buffer and writes it to the connection that the
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

    private final Iso8583Decoder decoder;
    private final ResponseEncoder encoder;
    private final int fixedHeaderLength;
    private final Logger logger;

    ResponseWriter(final FrontEndConfiguration configuration, final Logger logger) {
        this.decoder = new Iso8583Decoder(configuration.dialect());
        this.encoder = new ResponseEncoder(configuration.dialect(), configuration.frameFormat());
        this.fixedHeaderLength = configuration.frameFormat().fixedHeaderLength();
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
        final int frameLength = event.requestLength();
        try {
            decoder.wrap(event.requestBytes(), fixedHeaderLength, frameLength - fixedHeaderLength);
        }
        catch (final CodecException unexpected) {
            throw new IllegalStateException("request bytes of a decided entry no longer decode: "
                + unexpected.getMessage(), unexpected);
        }
        return encoder.encode(decoder, event.requestBytes(), 0, frameLength,
            MessageTypes.responseType(event.messageTypeIndicator()),
            event.responseCode() < 0 ? SYSTEM_MALFUNCTION : event.responseCode(), event.authorizationId(),
            connection.allocator());
    }
}
