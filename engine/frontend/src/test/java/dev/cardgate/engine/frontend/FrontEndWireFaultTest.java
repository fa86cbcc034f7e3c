package dev.cardgate.engine.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.jpos.iso.ISOMsg;
import org.jpos.iso.packager.ISO87APackager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.AuthorizationEngine;
import dev.cardgate.engine.counters.CounterRegistry;

/**
 * Bad input on the wire, over real sockets: a content fault (a letter in the PAN, the amount or
 * the STAN) is answered 30 with the STAN and fields 41, 42 and 49 echoed, and the connection goes
 * on; a message type with no answer closes the connection rather than leave it waiting; a valid
 * request followed by junk is answered before the connection closes for the junk.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FrontEndWireFaultTest {
    @TempDir
    static Path dataDirectory;

    private static AuthorizationEngine engine;
    private static FrontEnd frontEnd;

    @BeforeAll
    static void launch() {
        engine = TestFrontEnds.launchEngine(dataDirectory);
        frontEnd = FrontEnd.start(engine, TestFrontEnds.frontEnd(settings -> { }));
    }

    @AfterAll
    static void close() {
        frontEnd.close();
        engine.close();
    }

    @Test
    void nonNumericPanIsAnswered30WithTheStanAndTheTerminalEchoed() throws Exception {
        final long malformedBefore = counters().value(FrontEndCounter.FRAMES_MALFORMED);
        try (RawTerminal terminal = new RawTerminal(frontEnd.localAddress())) {
            terminal.send(authorizationWith(101, TestFrontEnds.CLEAN_CARD, "4242ABCD42424242"));
            final ISOMsg answer = terminal.receive();
            assertFormatError(answer, "000101");
            assertNull(answer.getString(2), "the malformed PAN is not echoed");
            assertEquals("000000002500", answer.getString(4));
            assertEquals(malformedBefore + 1, counters().value(FrontEndCounter.FRAMES_MALFORMED));
            assertApproved(terminal, 102);
        }
    }

    @Test
    void nonNumericAmountIsAnswered30WithoutEchoingIt() throws Exception {
        try (RawTerminal terminal = new RawTerminal(frontEnd.localAddress())) {
            terminal.send(authorizationWith(111, "000000002500", "00000000250X"));
            final ISOMsg answer = terminal.receive();
            assertFormatError(answer, "000111");
            assertNull(answer.getString(4), "the malformed amount is not echoed");
            assertApproved(terminal, 112);
        }
    }

    @Test
    void nonNumericStanIsAnswered30WithTheStanAsSent() throws Exception {
        try (RawTerminal terminal = new RawTerminal(frontEnd.localAddress())) {
            terminal.send(authorizationWith(654321, "654321", "65A321"));
            final ISOMsg answer = terminal.receive();
            assertFormatError(answer, "65A321");
            assertApproved(terminal, 122);
        }
    }

    @Test
    void unsupportedRequestTypeIsAnswered12() throws Exception {
        try (RawTerminal terminal = new RawTerminal(frontEnd.localAddress())) {
            final ISOMsg fileUpdate = JposMessages.networkManagement("301", 131);
            fileUpdate.setMTI("0300");
            terminal.send(RawTerminal.frame(fileUpdate));
            final ISOMsg answer = terminal.receive();
            assertEquals("0310", answer.getMTI());
            assertEquals("12", answer.getString(39));
            assertEquals("000131", answer.getString(11));
        }
    }

    @Test
    void messageTypeWithoutAnAnswerClosesTheConnectionInsteadOfLeavingItWaiting() throws Exception {
        final long unsupportedBefore = counters().value(FrontEndCounter.MESSAGES_UNSUPPORTED);
        try (RawTerminal terminal = new RawTerminal(frontEnd.localAddress())) {
            final ISOMsg unknown = JposMessages.networkManagement("301", 141);
            unknown.setMTI("9999");
            terminal.send(RawTerminal.frame(unknown));
            assertTrue(terminal.closedByServerWithin(5_000));
        }
        assertEquals(unsupportedBefore + 1, counters().value(FrontEndCounter.MESSAGES_UNSUPPORTED));
    }

    @Test
    void validRequestFollowedByABadLengthIsAnsweredBeforeTheConnectionCloses() throws Exception {
        final long unreadableBefore = counters().value(FrontEndCounter.FRAMES_UNREADABLE);
        try (RawTerminal terminal = new RawTerminal(frontEnd.localAddress())) {
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes(RawTerminal.frame(JposMessages.authorization(TestFrontEnds.CLEAN_CARD, 151)));
            bytes.writeBytes("12X4garbage".getBytes(StandardCharsets.US_ASCII));
            terminal.send(bytes.toByteArray());
            final ISOMsg answer = terminal.receive();
            assertEquals("00", answer.getString(39));
            assertEquals("000151", answer.getString(11));
            assertTrue(terminal.closedByServerWithin(5_000));
        }
        assertEquals(unreadableBefore + 1, counters().value(FrontEndCounter.FRAMES_UNREADABLE));
    }

    @Test
    void validRequestsFollowedByAFrameWithoutTypeAreAllAnsweredBeforeTheConnectionCloses() throws Exception {
        try (RawTerminal terminal = new RawTerminal(frontEnd.localAddress())) {
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int stan = 161; stan <= 170; stan++) {
                bytes.writeBytes(RawTerminal.frame(JposMessages.authorization(TestFrontEnds.CLEAN_CARD, stan)));
            }
            bytes.writeBytes(RawTerminal.frame("01X0zzzzzzzzzzzzzzzzzzzz".getBytes(StandardCharsets.US_ASCII)));
            terminal.send(bytes.toByteArray());
            for (int stan = 161; stan <= 170; stan++) {
                final ISOMsg answer = terminal.receive();
                assertEquals("00", answer.getString(39));
                assertEquals(String.format("%06d", stan), answer.getString(11));
            }
            assertTrue(terminal.closedByServerWithin(5_000));
        }
    }

    @Test
    void aConnectionThatSentNothingBadStaysOpen() throws Exception {
        try (RawTerminal terminal = new RawTerminal(frontEnd.localAddress())) {
            assertApproved(terminal, 181);
            assertFalse(terminal.closedByServerWithin(200));
        }
    }

    /** An authorization framed for the wire, with the characters {@code from} replaced by {@code to} once. */
    private static byte[] authorizationWith(final int stan, final String from, final String to) throws Exception {
        final ISOMsg request = JposMessages.authorization(TestFrontEnds.CLEAN_CARD, stan);
        request.setPackager(new ISO87APackager());
        final String packed = new String(request.pack(), StandardCharsets.ISO_8859_1);
        final int at = packed.indexOf(from);
        assertTrue(at > 0 && packed.indexOf(from, at + 1) < 0, from + " occurs once in the request");
        final String changed = packed.substring(0, at) + to + packed.substring(at + from.length());
        return RawTerminal.frame(changed.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void assertFormatError(final ISOMsg answer, final String stan) throws Exception {
        assertEquals("0110", answer.getMTI());
        assertEquals("30", answer.getString(39));
        assertEquals(stan, answer.getString(11));
        assertEquals("TERM0001", answer.getString(41));
        assertEquals("MERCHANT0000001", answer.getString(42));
        assertEquals("978", answer.getString(49));
    }

    private static void assertApproved(final RawTerminal terminal, final int stan) throws Exception {
        terminal.send(RawTerminal.frame(JposMessages.authorization(TestFrontEnds.CLEAN_CARD, stan)));
        final ISOMsg answer = terminal.receive();
        assertEquals("00", answer.getString(39));
        assertEquals(String.format("%06d", stan), answer.getString(11));
    }

    private static CounterRegistry counters() {
        return engine.counters();
    }
}
