package dev.cardgate.engine.frontend;

import org.agrona.DirectBuffer;

import dev.cardgate.codec.CodecException;
import dev.cardgate.codec.Iso8583Decoder;
import dev.cardgate.engine.AuthorizationEngine;
import dev.cardgate.engine.config.FrontEndConfiguration;
import dev.cardgate.engine.config.RingFullBehaviour;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionListener;
import dev.cardgate.engine.counters.ComponentCounters;
import dev.cardgate.engine.token.SafeEcho;

/**
 * Takes one frame from a connection: decodes it, and either puts it in the engine's ring (claim,
 * fill, tokenize, copy the request bytes, publish) or answers it at once: 30 for a message that
 * cannot be decoded but names its type and STAN, 30 for an echo that lacks a field
 * {@code frontend.echo.required-fields} names, 00 for a complete echo without field 41, 12 for a type the engine does not handle, 58
 * for a terminal the connection's client certificate does not name, 91 when the ring is full
 * (with {@code answer-91}) or the engine is closing. A message that cannot be answered (no
 * readable type or STAN, or a type that has no answer, such as a response or 9999) is
 * {@link #UNREADABLE}: the connection closes after answering what it took before.
 *
 * <p>Threading: one per I/O thread, shared by the connections of that thread. Allocation: none
 * for a request that enters the ring; the answers it gives itself allocate a pooled buffer, and
 * a malformed frame allocates its exception and log line.
 */
final class RequestSubmitter {
    /** {@link #submit}: the frame was taken (put in the ring, or answered here). */
    static final int TAKEN = 0;
    /** {@link #submit}: the ring is full; the frame was not taken, retry it later. */
    static final int RETRY_LATER = 1;
    /** {@link #submit}: the frame cannot be answered (logged and counted here); close the connection. */
    static final int UNREADABLE = 2;

    private static final int RESPONSE_FORMAT_ERROR = 30;
    private static final int RESPONSE_INVALID_TRANSACTION = 12;
    private static final int RESPONSE_NOT_PERMITTED_TO_TERMINAL = 58;
    private static final int FIELD_41_TERMINAL_ID = 41;
    private static final int RESPONSE_SYSTEM_UNAVAILABLE = 91;
    private static final int RESPONSE_APPROVED = 0;
    private static final int FIELD_70_NETWORK_MANAGEMENT_CODE = 70;
    private static final int ECHO_CODE = 301;

    private final AuthorizationEngine engine;
    private final Iso8583Decoder decoder;
    private final RequestFields fields;
    private final EchoRequirement echo;
    private final ResponseEncoder localAnswers;
    private final DecisionListener replyWriter;
    private final ComponentCounters<FrontEndCounter> counters;
    private final FrontEndLog log;
    private final int fixedHeaderLength;
    private final boolean answerWhenFull;

    RequestSubmitter(final AuthorizationEngine engine, final FrontEndConfiguration configuration,
        final DecisionListener replyWriter, final FrontEndLog log) {
        this.engine = engine;
        this.decoder = new Iso8583Decoder(configuration.dialect());
        this.fields = new RequestFields(engine.newTokenizer());
        this.echo = new EchoRequirement(configuration.echoRequiredFields());
        this.localAnswers = new ResponseEncoder(configuration.dialect(), configuration.frameFormat());
        this.replyWriter = replyWriter;
        this.counters = engine.counters().component(FrontEndCounter.class);
        this.log = log;
        this.fixedHeaderLength = configuration.frameFormat().fixedHeaderLength();
        this.answerWhenFull = configuration.ringFullBehaviour() == RingFullBehaviour.ANSWER_91;
    }

    /**
     * @param frame the frame, TPDU included, without its length header; valid during the call only
     * @return {@link #TAKEN}, {@link #RETRY_LATER} or {@link #UNREADABLE}
     */
    int submit(final TerminalConnection connection, final DirectBuffer frame, final int offset, final int length) {
        try {
            decoder.wrap(frame, offset + fixedHeaderLength, length - fixedHeaderLength);
        }
        catch (final CodecException malformed) {
            return answerMalformed(connection, frame, offset, length, malformed);
        }
        final int messageType = decoder.messageType();
        if (MessageTypes.responseType(messageType) < 0) {
            counters.increment(FrontEndCounter.MESSAGES_UNSUPPORTED);
            log.connectionClosed(connection, FrontEndLog.Reason.TYPE_WITHOUT_ANSWER, "message type "
                + String.format("%04d", messageType) + " is neither a request nor an advice, so it has no answer");
            return UNREADABLE;
        }
        if (!MessageTypes.entersEngine(messageType)) {
            counters.increment(FrontEndCounter.MESSAGES_UNSUPPORTED);
            log.unsupportedMessageType(connection, messageType);
            answerHere(connection, frame, offset, length, RESPONSE_INVALID_TRANSACTION);
            return TAKEN;
        }
        if (isEcho(messageType)) {
            final int missing = echo.missingField(decoder);
            if (missing > 0) {
                counters.increment(FrontEndCounter.ECHOES_INCOMPLETE);
                log.incompleteEcho(connection, missing);
                answerHere(connection, frame, offset, length, RESPONSE_FORMAT_ERROR);
                return TAKEN;
            }
            if (!decoder.hasField(FIELD_41_TERMINAL_ID)) {
                // no terminal to record the echo for: the link is alive, which is all an echo asks
                counters.increment(FrontEndCounter.ECHOES_ANSWERED);
                answerHere(connection, frame, offset, length, RESPONSE_APPROVED);
                return TAKEN;
            }
        }
        if (!connection.certificateNames(decoder)) {
            counters.increment(FrontEndCounter.TERMINAL_NOT_IN_CERTIFICATE);
            log.terminalNotInCertificate(connection,
                SafeEcho.quoted(String.valueOf(decoder.stringValue(FIELD_41_TERMINAL_ID))), connection.identity());
            answerHere(connection, frame, offset, length, RESPONSE_NOT_PERMITTED_TO_TERMINAL);
            return TAKEN;
        }
        final long sequence = engine.tryClaim();
        if (sequence == AuthorizationEngine.RING_FULL && !answerWhenFull) {
            return RETRY_LATER;
        }
        if (sequence < 0) {
            if (sequence == AuthorizationEngine.RING_FULL) {
                counters.increment(FrontEndCounter.ANSWERED_OVERLOADED);
            }
            answerHere(connection, frame, offset, length, RESPONSE_SYSTEM_UNAVAILABLE);
            return TAKEN;
        }
        connection.requestEntered();
        final AuthorizationEvent event = engine.claimedEvent(sequence).listener(replyWriter).attachment(connection);
        try {
            fields.fill(decoder, event, offset);
            event.requestBytes(frame, offset, length);
        }
        finally {
            // a claimed slot is always published; the reply writer copes with an entry left unfilled
            engine.publish(sequence);
        }
        return TAKEN;
    }

    /** An 0800 (or its repeat 0801) whose field 70 says echo (301). */
    private boolean isEcho(final int messageType) {
        return (messageType == 800 || messageType == 801) && decoder.numeric(FIELD_70_NETWORK_MANAGEMENT_CODE) == ECHO_CODE;
    }

    /** How many frames this submitter's decoder has read: once per request (a test's view). */
    long decoderWraps() {
        return decoder.wrapCount();
    }

    private int answerMalformed(final TerminalConnection connection, final DirectBuffer frame, final int offset,
        final int length, final CodecException malformed) {
        final int messageType = decoder.messageType();
        final String unanswerable = messageType < 0 ? "no message type"
            : MessageTypes.responseType(messageType) < 0 ? "message type " + String.format("%04d", messageType)
                + " has no answer"
            : !decoder.hasField(MessageTypes.FIELD_11_SYSTEM_TRACE_AUDIT_NUMBER) ? "no STAN before the fault"
            : null;
        if (unanswerable != null) {
            counters.increment(FrontEndCounter.FRAMES_UNREADABLE);
            log.unreadableFrame(connection, malformed, unanswerable);
            return UNREADABLE;
        }
        counters.increment(FrontEndCounter.FRAMES_MALFORMED);
        log.malformedFrame(connection, decoder, malformed);
        // the STAN is echoed as sent, even when it is itself the malformed field, so the terminal can match it
        answerHere(connection, frame, offset, length, RESPONSE_FORMAT_ERROR);
        return TAKEN;
    }

    /** Answers the message in the decoder from this thread, if its type has an answer. */
    private void answerHere(final TerminalConnection connection, final DirectBuffer frame, final int offset,
        final int length, final int responseCode) {
        final int responseType = MessageTypes.responseType(decoder.messageType());
        if (responseType < 0) {
            return;
        }
        connection.writeFromIoThread(localAnswers.encode(decoder, frame, offset, length, responseType, responseCode,
            AuthorizationEvent.NO_AUTHORIZATION_ID, connection.allocator()));
    }
}
