package dev.cardgate.engine.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import dev.cardgate.engine.rules.RulesCounter;

/**
 * What answers echo, over real sockets: a 30 for a malformed field 22 still carries 41, 42 and 49,
 * by which a terminal matches it; what an echo (0800, 301) needs is the listener's
 * {@code frontend.echo.required-fields}: by default 41 too, for a host-to-host link only 7, 11, 70.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AnswerEchoesTest {
    @TempDir
    static Path dataDirectory;

    private static AuthorizationEngine engine;
    private static FrontEnd terminalListener;
    private static FrontEnd hostListener;

    @BeforeAll
    static void launch() {
        engine = TestFrontEnds.launchEngine(dataDirectory);
        terminalListener = FrontEnd.start(engine, TestFrontEnds.frontEnd(settings -> { }));
        hostListener = FrontEnd.start(engine, TestFrontEnds.frontEnd(settings -> settings.echoRequiredFields("7,11,70")));
    }

    @AfterAll
    static void close() {
        hostListener.close();
        terminalListener.close();
        engine.close();
    }

    @Test
    void aMalformedPosEntryModeIsAnswered30WithTerminalMerchantAndCurrencyEchoed() throws Exception {
        try (RawTerminal terminal = new RawTerminal(terminalListener.localAddress())) {
            terminal.send(authorizationWithField22(201, "0X1"));
            final ISOMsg answer = terminal.receive();
            assertEquals("30", answer.getString(39));
            assertEquals("000201", answer.getString(11));
            assertEquals("TERM0001", answer.getString(41));
            assertEquals("MERCHANT0000001", answer.getString(42));
            assertEquals("978", answer.getString(49));
            assertNull(answer.getString(22), "the malformed field itself is not echoed");
        }
    }

    @Test
    void byDefaultAnEchoWithoutTheTerminalIsAnswered30() throws Exception {
        final long incompleteBefore = engine.counters().value(FrontEndCounter.ECHOES_INCOMPLETE);
        try (RawTerminal terminal = new RawTerminal(terminalListener.localAddress())) {
            terminal.send(RawTerminal.frame(hostEcho(211)));
            final ISOMsg answer = terminal.receive();
            assertEquals("0810", answer.getMTI());
            assertEquals("30", answer.getString(39));
            assertEquals("000211", answer.getString(11));
        }
        assertEquals(incompleteBefore + 1, engine.counters().value(FrontEndCounter.ECHOES_INCOMPLETE));
    }

    @Test
    void aHostToHostEchoOfSevenElevenAndSeventyIsAnswered00WhereTheListenerAsksNoMore() throws Exception {
        final long answeredBefore = engine.counters().value(FrontEndCounter.ECHOES_ANSWERED);
        try (RawTerminal host = new RawTerminal(hostListener.localAddress())) {
            host.send(RawTerminal.frame(hostEcho(221)));
            final ISOMsg answer = host.receive();
            assertEquals("0810", answer.getMTI());
            assertEquals("00", answer.getString(39));
            assertEquals("000221", answer.getString(11));
            assertEquals("1125143000", answer.getString(7));
            assertEquals("301", answer.getString(70));
        }
        assertEquals(answeredBefore + 1, engine.counters().value(FrontEndCounter.ECHOES_ANSWERED));
    }

    @Test
    void anEchoWithoutATransmissionTimeIsAnswered30WhereTheListenerRequiresIt() throws Exception {
        try (RawTerminal host = new RawTerminal(hostListener.localAddress())) {
            final ISOMsg echo = hostEcho(231);
            echo.unset(7);
            host.send(RawTerminal.frame(echo));
            final ISOMsg answer = host.receive();
            assertEquals("30", answer.getString(39));
            assertEquals("000231", answer.getString(11));
        }
    }

    @Test
    void anEchoFromATerminalStillGoesToTheEngine() throws Exception {
        final long networkManagementBefore = engine.counters().value(RulesCounter.NETWORK_MANAGEMENT);
        try (RawTerminal host = new RawTerminal(hostListener.localAddress())) {
            host.send(RawTerminal.frame(JposMessages.networkManagement("301", 241)));
            final ISOMsg answer = host.receive();
            assertEquals("00", answer.getString(39));
            assertEquals("TERM0001", answer.getString(41));
        }
        assertTrue(engine.counters().value(RulesCounter.NETWORK_MANAGEMENT) > networkManagementBefore);
    }

    /** An echo as a host-to-host link sends it: fields 7, 11 and 70 only. */
    private static ISOMsg hostEcho(final int stan) throws Exception {
        final ISOMsg echo = JposMessages.networkManagement("301", stan);
        echo.unset(41);
        return echo;
    }

    private static byte[] authorizationWithField22(final int stan, final String posEntryMode) throws Exception {
        final ISOMsg request = JposMessages.authorization(TestFrontEnds.CLEAN_CARD, stan);
        request.set(22, "999");
        request.setPackager(new ISO87APackager());
        final String packed = new String(request.pack(), StandardCharsets.ISO_8859_1);
        final int at = packed.indexOf("999");
        assertTrue(at > 0 && packed.indexOf("999", at + 1) < 0, "field 22 is found once");
        return RawTerminal.frame((packed.substring(0, at) + posEntryMode + packed.substring(at + 3))
            .getBytes(StandardCharsets.ISO_8859_1));
    }
}
