package dev.cardgate.engine.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class AuthorizationEventTest {
    @Test
    void clearLeavesNothingOfThePreviousRequest() {
        final AuthorizationEvent event = new AuthorizationEvent()
            .systemTraceAuditNumber(12).terminalId("TERM0001").cardToken(1, 2).amountMinor(500)
            .listener(decided -> { }).attachment("connection").correlationId(9);
        event.approve(123, 1_000);

        event.clear();

        assertEquals(0, event.systemTraceAuditNumber());
        assertFalse(event.cardTokenPresent());
        assertEquals(0, event.amountMinor());
        assertNull(event.listener());
        assertNull(event.attachment());
        assertNull(event.reason());
        assertEquals(-1, event.responseCode());
        assertEquals(AuthorizationEvent.NO_AUTHORIZATION_ID, event.authorizationId());
        final byte[] terminalId = new byte[8];
        event.terminalIdInto(terminalId, 0);
        assertEquals("        ", new String(terminalId, StandardCharsets.US_ASCII));
    }

    @Test
    void copyFromTakesTheWholeSlotTheRequestBytesAndTheRouting() {
        final DecisionListener listener = decided -> { };
        final AuthorizationEvent source = new AuthorizationEvent()
            .systemTraceAuditNumber(42).terminalId("TERM0002").cardToken(3, 4).amountMinor(1_250)
            .listener(listener).attachment("connection").correlationId(77).claimNanos(5);
        final byte[] frame = "0100 the terminal's frame".getBytes(StandardCharsets.US_ASCII);
        source.requestBytes(new UnsafeBuffer(frame), 0, frame.length);
        source.echoField(11, 20, 6);
        source.approve(99, 2_000);

        final AuthorizationEvent copy = new AuthorizationEvent().copyFrom(source);
        source.clear();

        assertEquals(42, copy.systemTraceAuditNumber());
        assertEquals(1_250, copy.amountMinor());
        assertEquals(99, copy.authorizationId());
        assertEquals(1, copy.echoCount());
        assertEquals(20, copy.echoFrameOffset(0));
        assertEquals(frame.length, copy.requestLength());
        final byte[] copied = new byte[frame.length];
        copy.requestBytes().getBytes(0, copied);
        assertEquals(new String(frame, StandardCharsets.US_ASCII), new String(copied, StandardCharsets.US_ASCII));
        assertEquals(listener, copy.listener());
        assertEquals("connection", copy.attachment());
        assertEquals(77, copy.correlationId());
        assertEquals(5, copy.claimNanos());
    }

    @Test
    void textFieldsArePaddedWithSpacesAndCopiedFromADecoderBuffer() {
        final AuthorizationEvent event = new AuthorizationEvent().merchantId("SHOP42");
        final byte[] merchantId = new byte[15];
        event.merchantIdInto(merchantId, 0);
        assertEquals("SHOP42         ", new String(merchantId, StandardCharsets.US_ASCII));

        final UnsafeBuffer frame = new UnsafeBuffer("xxTERM0009yy".getBytes(StandardCharsets.US_ASCII));
        event.terminalId(frame, 2);
        assertEquals('T', event.terminalIdByte(0));
        assertEquals('9', event.terminalIdByte(7));
    }

    @Test
    void refusesATerminalIdLongerThanField41() {
        final IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
            () -> new AuthorizationEvent().terminalId("TERMINAL9"));
        assertEquals("terminal id (field 41) is 9 characters, at most 8 allowed", refused.getMessage());
    }

    @Test
    void rendersTheAuthorizationIdAndTheMaskedPanIntoACallersBuffer() {
        final AuthorizationEvent event = new AuthorizationEvent().maskedPan(16, 411111, 1111);
        event.approve(AuthorizationIds.CARDINALITY - 1, 5);
        final byte[] text = new byte[32];

        assertEquals(6, event.authorizationIdInto(text, 0));
        assertEquals("ZZZZZZ", new String(text, 0, 6, StandardCharsets.US_ASCII));
        assertEquals(16, event.maskedPanInto(text, 6));
        assertEquals("411111******1111", new String(text, 6, 16, StandardCharsets.US_ASCII));
    }

    @Test
    void rendersIdsAndMaskedPansOfEverySize() {
        assertEquals("000000", AuthorizationIds.toString(0));
        assertEquals("00000A", AuthorizationIds.toString(10));
        assertNull(AuthorizationIds.toString(AuthorizationEvent.NO_AUTHORIZATION_ID));
        assertEquals("401288******1881", PanParts.toString(16, 401288, 1881));
        assertEquals("012345**0042", PanParts.toString(12, 12345, 42));
        assertEquals("", PanParts.toString(0, 0, 0));
        assertEquals(555555, PanParts.firstSix("5555555555554444"));
        assertEquals(4444, PanParts.lastFour("5555555555554444"));
    }
}
