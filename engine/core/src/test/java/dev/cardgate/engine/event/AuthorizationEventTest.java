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
        final AuthorizationEvent event = new AuthorizationEvent();
        final UnsafeBuffer text = new UnsafeBuffer("XXXXXXXXXXXXXXXX".getBytes(StandardCharsets.US_ASCII));
        for (final RequestField field : RequestField.all()) {
            if (field.isText()) {
                event.text(field, text, 0);
            }
            else {
                event.number(field, field.number() + 1);
            }
        }
        event.cardToken(1, 2).maskedPan(16, 424242, 4242).panLuhnValid(true).messageTypeIndicator(200)
            .presentFields(-1L).originalDataElements(100, 7, 1125143000L).upstreamTraceNumber(5)
            .listener(decided -> { }).attachment("connection").correlationId(9).claimNanos(11);
        final byte[] frame = "0100 the previous terminal's frame".getBytes(StandardCharsets.US_ASCII);
        event.requestBytes(new UnsafeBuffer(frame), 0, frame.length);
        event.echoField(11, 20, 6);
        event.noteDryRun(406);
        event.approve(123, 1_000);
        // and every byte of the record and the echo count, whatever field the descriptor puts there
        ((UnsafeBuffer)event.slot()).setMemory(0, AuthorizationSlotDescriptor.ECHO_ENTRIES_OFFSET, (byte)0x5A);

        event.clear();

        final AuthorizationEvent fresh = new AuthorizationEvent();
        for (int offset = 0; offset < AuthorizationSlotDescriptor.ECHO_ENTRIES_OFFSET; offset++) {
            assertEquals(fresh.slot().getByte(offset), event.slot().getByte(offset), "slot byte " + offset);
        }
        final byte[] characters = new byte[16];
        for (final RequestField field : RequestField.all()) {
            if (field.isText()) {
                final int length = event.textInto(field, characters, 0);
                assertEquals(" ".repeat(field.width()), new String(characters, 0, length, StandardCharsets.US_ASCII),
                    field.name());
            }
            else {
                assertEquals(0, event.number(field), field.name());
            }
        }
        assertFalse(event.cardTokenPresent());
        assertEquals(0, event.panLength());
        assertEquals(0, event.presentFields());
        assertEquals(0, event.originalSystemTraceAuditNumber());
        assertEquals(0, event.upstreamTraceNumber());
        assertEquals(0, event.echoCount());
        assertEquals(0, event.requestLength());
        assertNull(event.listener());
        assertNull(event.attachment());
        assertEquals(0, event.correlationId());
        assertEquals(0, event.claimNanos());
        assertNull(event.reason());
        assertEquals(-1, event.responseCode());
        assertEquals(AuthorizationEvent.NO_RULE, event.ruleId());
        assertEquals(AuthorizationEvent.NO_RULE, event.dryRunRuleId());
        assertEquals(AuthorizationEvent.NO_AUTHORIZATION_ID, event.authorizationId());
        assertEquals(0, event.decisionTimeEpochMillis());
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
