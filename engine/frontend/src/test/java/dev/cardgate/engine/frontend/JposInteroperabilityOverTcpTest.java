package dev.cardgate.engine.frontend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jpos.iso.BaseChannel;
import org.jpos.iso.ISOMsg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.cardgate.codec.dialect.Dialects;
import dev.cardgate.engine.AuthorizationEngine;
import dev.cardgate.engine.config.FrontEndConfiguration;
import dev.cardgate.engine.frontend.JposMessages.ChannelKind;

/**
 * jPOS terminals (ASCIIChannel, NACChannel, PostChannel, each with ISO87APackager and
 * ISO87BPackager) against the front-end over real sockets: requests jPOS packs get answers
 * jPOS unpacks, with the right field 39 and the echoed fields.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JposInteroperabilityOverTcpTest {
    @TempDir
    static Path dataDirectory;

    private static AuthorizationEngine engine;

    @BeforeAll
    static void launch() {
        engine = TestFrontEnds.launchEngine(dataDirectory);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    static Stream<Arguments> channelsAndDialects() {
        return Stream.of(ChannelKind.values()).flatMap(channel -> Stream.of(Dialects.ISO87_ASCII_NAME,
            Dialects.ISO87_BINARY_NAME).map(dialect -> Arguments.of(channel, dialect)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("channelsAndDialects")
    void jposTerminalGetsApprovalDeclinesFormatErrorAndNetworkAnswers(final ChannelKind kind, final String dialect)
        throws Exception {
        final FrontEndConfiguration configuration = TestFrontEnds.frontEnd(dialect, kind.lengthHeader, kind.tpdu);
        try (FrontEnd frontEnd = FrontEnd.start(engine, configuration)) {
            final BaseChannel terminal = kind.connect("127.0.0.1", frontEnd.localAddress().getPort(),
                JposMessages.packagerFor(configuration));
            try {
                final ISOMsg approved = exchange(terminal, JposMessages.authorization(TestFrontEnds.CLEAN_CARD, 1));
                assertEquals("0110", approved.getMTI());
                assertEquals("00", approved.getString(39));
                assertEquals(6, approved.getString(38).length(), "an approval carries an authorization id");
                assertEchoed(approved, 1);
                if (kind.tpdu) {
                    assertArrayEquals(JposMessages.ANSWER_TPDU, approved.getHeader(), "TPDU source and destination swapped");
                }

                final ISOMsg stolen = exchange(terminal, JposMessages.authorization(TestFrontEnds.STOLEN_CARD, 2));
                assertEquals("43", stolen.getString(39));
                assertFalse(stolen.hasField(38), "a decline carries no authorization id");
                assertFalse(stolen.hasField(2), "the answer does not carry the card number");

                final ISOMsg badCard = exchange(terminal, JposMessages.authorization(TestFrontEnds.SHORT_CARD, 3));
                assertEquals("14", badCard.getString(39));

                final ISOMsg malformedRequest = JposMessages.authorization(TestFrontEnds.CLEAN_CARD, 4);
                malformedRequest.set(18, "54:1");
                final ISOMsg formatError = exchange(terminal, malformedRequest);
                assertEquals("0110", formatError.getMTI());
                assertEquals("30", formatError.getString(39));
                assertEquals("000004", formatError.getString(11));

                final ISOMsg echo = exchange(terminal, JposMessages.networkManagement("301", 5));
                assertEquals("0810", echo.getMTI());
                assertEquals("00", echo.getString(39));
                assertEquals("301", echo.getString(70));
                assertFalse(echo.hasField(38));

                final ISOMsg reversal = exchange(terminal, JposMessages.reversal(TestFrontEnds.CLEAN_CARD, 6, 1));
                assertEquals("0410", reversal.getMTI());
                assertEquals("000006", reversal.getString(11));
                assertTrue(reversal.hasField(90), "a reversal's answer echoes its original data elements");

                final ISOMsg advice = JposMessages.reversal(TestFrontEnds.CLEAN_CARD, 7, 1);
                advice.setMTI("0420");
                assertEquals("0430", exchange(terminal, advice).getMTI());

                final ISOMsg unsupported = JposMessages.authorization(TestFrontEnds.CLEAN_CARD, 8);
                unsupported.setMTI("0300");
                final ISOMsg refused = exchange(terminal, unsupported);
                assertEquals("0310", refused.getMTI());
                assertEquals("12", refused.getString(39));
            }
            finally {
                terminal.disconnect();
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("channelsAndDialects")
    void pipelinedRequestsAreAllAnsweredAndMatchedBySystemTraceAuditNumber(final ChannelKind kind,
        final String dialect) throws Exception {
        final FrontEndConfiguration configuration = TestFrontEnds.frontEnd(dialect, kind.lengthHeader, kind.tpdu);
        try (FrontEnd frontEnd = FrontEnd.start(engine, configuration)) {
            final BaseChannel terminal = kind.connect("127.0.0.1", frontEnd.localAddress().getPort(),
                JposMessages.packagerFor(configuration));
            try {
                final int requests = 200;
                for (int stan = 1; stan <= requests; stan++) {
                    terminal.send(JposMessages.authorization(
                        stan % 3 == 0 ? TestFrontEnds.STOLEN_CARD : TestFrontEnds.CLEAN_CARD, stan));
                }
                final Map<String, String> codeByStan = new HashMap<>();
                for (int i = 0; i < requests; i++) {
                    final ISOMsg answer = terminal.receive();
                    codeByStan.put(answer.getString(11), answer.getString(39));
                }
                assertEquals(requests, codeByStan.size());
                for (int stan = 1; stan <= requests; stan++) {
                    assertEquals(stan % 3 == 0 ? "43" : "00", codeByStan.get(String.format("%06d", stan)), "STAN " + stan);
                }
            }
            finally {
                terminal.disconnect();
            }
        }
    }

    private static ISOMsg exchange(final BaseChannel terminal, final ISOMsg request) throws Exception {
        terminal.send(request);
        return terminal.receive();
    }

    private static void assertEchoed(final ISOMsg answer, final int stan) {
        assertEquals("000000", answer.getString(3));
        assertEquals("000000002500", answer.getString(4));
        assertEquals("1125143000", answer.getString(7));
        assertEquals(String.format("%06d", stan), answer.getString(11));
        assertEquals("143000", answer.getString(12));
        assertEquals("1125", answer.getString(13));
        assertEquals("TERM0001", answer.getString(41));
        assertEquals("MERCHANT0000001", answer.getString(42));
        assertEquals("978", answer.getString(49));
    }
}
