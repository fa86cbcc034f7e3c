package dev.cardgate.engine.upstream.link;

import org.agrona.concurrent.UnsafeBuffer;

import dev.cardgate.codec.Iso8583Encoder;
import dev.cardgate.codec.dialect.Dialect;
import dev.cardgate.codec.dialect.Dialects;
import dev.cardgate.codec.framing.FrameFormat;
import dev.cardgate.codec.framing.LengthHeader;
import dev.cardgate.engine.event.AuthorizationEvent;

/**
 * Terminal requests as the front-end puts them in the ring: the slot's fields and the frame's
 * bytes (iso87-ascii, no TPDU), so that the link can re-encode them toward the network.
 */
final class TestRequests {
    static final Dialect TERMINAL_DIALECT = Dialects.ISO87_ASCII;
    static final FrameFormat TERMINAL_FORMAT = new FrameFormat(LengthHeader.ASCII_4, 0, 4096);
    /** A Luhn-valid test PAN ending in 1111. */
    static final String PAN = "4111111111111111";

    private TestRequests() {
    }

    /** A 0100 for {@link #PAN} with field 11 = {@code stan} and field 4 = {@code amountMinor}. */
    static AuthorizationEvent authorization(final int stan, final long amountMinor) {
        return request(100, PAN, stan, amountMinor, "TERM0001");
    }

    static AuthorizationEvent request(final int messageType, final String pan, final int stan, final long amountMinor,
        final String terminalId) {
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[1024]);
        final Iso8583Encoder encoder = new Iso8583Encoder(TERMINAL_DIALECT).wrap(frame, 0).messageType(messageType)
            .putText(2, pan).putNumeric(3, 0).putNumeric(4, amountMinor).putNumeric(7, 1125143000L).putNumeric(11, stan)
            .putNumeric(12, 143000).putNumeric(13, 1125).putNumeric(14, 2812).putNumeric(18, 5411).putNumeric(22, 51)
            .putText(37, "TERMINALRRN1").putText(41, terminalId).putText(42, "MERCHANT0000001").putNumeric(49, 978);
        final int length = encoder.finish();
        final AuthorizationEvent event = new AuthorizationEvent();
        event.messageTypeIndicator(messageType).systemTraceAuditNumber(stan).amountMinor(amountMinor)
            .terminalId(terminalId).transmissionDateTime(1125143000L)
            .maskedPan(pan.length(), Integer.parseInt(pan.substring(0, 6)), Integer.parseInt(pan.substring(pan.length() - 4)))
            .fieldPresent(2).fieldPresent(3).fieldPresent(4).fieldPresent(7).fieldPresent(11).fieldPresent(41)
            .correlationId(stan);
        event.requestBytes(frame, 0, length);
        return event;
    }
}
