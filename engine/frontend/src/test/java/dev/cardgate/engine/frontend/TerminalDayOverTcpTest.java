package dev.cardgate.engine.frontend;

import static dev.cardgate.engine.frontend.TerminalDayMessages.exchange;
import static dev.cardgate.engine.frontend.TerminalDayMessages.financial;
import static dev.cardgate.engine.frontend.TerminalDayMessages.referring;
import static dev.cardgate.engine.frontend.TerminalDayMessages.settlement;
import static dev.cardgate.engine.frontend.TerminalDayMessages.signOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jpos.iso.BaseChannel;
import org.jpos.iso.ISOMsg;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.cardgate.codec.dialect.Dialects;
import dev.cardgate.engine.AuthorizationEngine;
import dev.cardgate.engine.batch.TerminalDayCounter;
import dev.cardgate.engine.config.FrontEndConfiguration;
import dev.cardgate.engine.frontend.JposMessages.ChannelKind;

/**
 * A terminal's whole day over TCP with a jPOS terminal, on both built-in dialects and every
 * framing: sign-on, sales, a void, a refund, an offline advice and its repeat, a pre-authorization
 * and its completion, a reversal, a settlement that disagrees (95), the batch upload, a settlement
 * that agrees (00), and the next batch; malformed settlements, advices and uploads get 30; each
 * answer's type, field 39 and echoes.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TerminalDayOverTcpTest {
    private static final String TERMINAL = "TERM0001";

    @TempDir
    Path dataDirectory;

    static Stream<Arguments> channelsAndDialects() {
        return Stream.of(ChannelKind.values()).flatMap(channel -> Stream.of(Dialects.ISO87_ASCII_NAME,
            Dialects.ISO87_BINARY_NAME).map(dialect -> Arguments.of(channel, dialect)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("channelsAndDialects")
    void aTerminalClosesItsDayAfterA95AndABatchUpload(final ChannelKind kind, final String dialect) throws Exception {
        final FrontEndConfiguration configuration = TestFrontEnds.frontEnd(dialect, kind.lengthHeader, kind.tpdu);
        try (AuthorizationEngine engine = TestFrontEnds.launchEngine(dataDirectory);
            FrontEnd frontEnd = FrontEnd.start(engine, configuration)) {
            final BaseChannel terminal = kind.connect("127.0.0.1", frontEnd.localAddress().getPort(),
                JposMessages.packagerFor(configuration));
            try {
                playTheDay(terminal);
            }
            finally {
                terminal.disconnect();
            }
            assertEquals(1, engine.counters().value(TerminalDayCounter.SETTLEMENTS_DIFFERED));
            assertEquals(2, engine.counters().value(TerminalDayCounter.SETTLEMENTS_AGREED));
            assertEquals(1, engine.counters().value(TerminalDayCounter.ADVICES_DUPLICATE));
        }
    }

    private static void playTheDay(final BaseChannel terminal) throws Exception {
        assertAnswer(exchange(terminal, signOn(1, TERMINAL)), "0810", "00", 1);
        final ISOMsg sale = exchange(terminal, financial("0200", "000000", 2, 1_000, TERMINAL));
        assertAnswer(sale, "0210", "00", 2);
        assertEquals(6, sale.getString(38).length());
        assertAnswer(exchange(terminal, financial("0200", "000000", 3, 2_000, TERMINAL)), "0210", "00", 3);

        final ISOMsg voided = exchange(terminal, referring(financial("0200", "020000", 4, 2_000, TERMINAL), "0200", 3));
        assertAnswer(voided, "0210", "00", 4);
        assertEquals("020000", voided.getString(3));
        assertEquals(42, voided.getString(90).length(), "the void's answer echoes field 90");
        assertAnswer(exchange(terminal, referring(financial("0200", "020000", 5, 2_000, TERMINAL), "0200", 3)),
            "0210", "12", 5);
        assertAnswer(exchange(terminal, referring(financial("0200", "020000", 6, 2_000, TERMINAL), "0200", 77)),
            "0210", "25", 6);

        assertAnswer(exchange(terminal, financial("0200", "200000", 7, 500, TERMINAL)), "0210", "00", 7);

        final ISOMsg advice = exchange(terminal, financial("0220", "000000", 8, 700, TERMINAL));
        assertAnswer(advice, "0230", "00", 8);
        assertFalse(advice.hasField(38), "an advice's answer carries no authorization id");
        assertAnswer(exchange(terminal, financial("0221", "000000", 8, 700, TERMINAL)), "0230", "00", 8);

        assertAnswer(exchange(terminal, financial("0100", "000000", 9, 5_000, TERMINAL)), "0110", "00", 9);
        assertAnswer(exchange(terminal, referring(financial("0220", "000000", 10, 4_000, TERMINAL), "0100", 9)),
            "0230", "00", 10);
        assertAnswer(exchange(terminal, financial("0120", "000000", 11, 300, TERMINAL)), "0130", "00", 11);

        assertAnswer(exchange(terminal, financial("0200", "000000", 12, 3_000, TERMINAL)), "0210", "00", 12);
        assertAnswer(exchange(terminal, referring(financial("0400", "000000", 13, 3_000, TERMINAL), "0200", 12)),
            "0410", "00", 13);

        assertAnswer(exchange(terminal, financial("0320", "000000", 14, 1_000, TERMINAL)), "0330", "12", 14);
        final ISOMsg missingTotals = settlement(15, TERMINAL, 0, 0, 0, 0, 0, 0);
        missingTotals.unset(76);
        assertAnswer(exchange(terminal, missingTotals), "0510", "30", 15);

        final ISOMsg malformedSettlement = settlement(15, TERMINAL, 0, 0, 0, 0, 0, 0);
        malformedSettlement.set(76, "00000:0001");
        assertAnswer(exchange(terminal, malformedSettlement), "0510", "30", 15);
        final ISOMsg malformedAdvice = financial("0220", "000000", 15, 100, TERMINAL);
        malformedAdvice.set(4, "0000000:0100");
        assertAnswer(exchange(terminal, malformedAdvice), "0230", "30", 15);
        final ISOMsg malformedUpload = financial("0320", "000000", 15, 100, TERMINAL);
        malformedUpload.set(4, "0000000:0100");
        assertAnswer(exchange(terminal, malformedUpload), "0330", "30", 15);

        // the host counted: debits 1000 + 2000 + 700 + 4000, one void of 2000, one refund of 500;
        // the terminal also counts a sale the host never approved
        final ISOMsg differs = exchange(terminal, settlement(16, TERMINAL, 5, 8_700, 1, 500, 1, 2_000));
        assertAnswer(differs, "0510", "95", 16);
        assertEquals("978", differs.hasField(50) ? differs.getString(50) : "978");

        assertAnswer(exchange(terminal, financial("0320", "000000", 2, 1_000, TERMINAL)), "0330", "00", 2);
        assertAnswer(exchange(terminal, financial("0320", "020000", 3, 2_000, TERMINAL)), "0330", "00", 3);
        assertAnswer(exchange(terminal, financial("0320", "200000", 7, 500, TERMINAL)), "0330", "00", 7);
        assertAnswer(exchange(terminal, financial("0320", "000000", 8, 700, TERMINAL)), "0330", "00", 8);
        assertAnswer(exchange(terminal, financial("0320", "000000", 10, 4_000, TERMINAL)), "0330", "00", 10);
        assertAnswer(exchange(terminal, financial("0321", "000000", 10, 4_000, TERMINAL)), "0330", "00", 10);

        assertAnswer(exchange(terminal, settlement(17, TERMINAL, 4, 7_700, 1, 500, 1, 2_000)), "0510", "00", 17);

        // the next batch begins empty: a settlement of nothing agrees, an upload is not expected
        assertAnswer(exchange(terminal, financial("0320", "000000", 18, 1_000, TERMINAL)), "0330", "12", 18);
        assertAnswer(exchange(terminal, settlement(19, TERMINAL, 0, 0, 0, 0, 0, 0)), "0510", "00", 19);
    }

    private static void assertAnswer(final ISOMsg answer, final String type, final String responseCode,
        final int stan) throws Exception {
        assertEquals(type, answer.getMTI(), "answer to STAN " + stan);
        assertEquals(responseCode, answer.getString(39), "field 39 of the " + type + " to STAN " + stan);
        assertEquals(String.format("%06d", stan), answer.getString(11));
        assertEquals(TERMINAL, answer.getString(41), "field 41 is echoed");
    }
}
