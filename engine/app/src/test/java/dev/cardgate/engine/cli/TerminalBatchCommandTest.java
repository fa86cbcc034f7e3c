package dev.cardgate.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.AuthorizationEngine;
import dev.cardgate.engine.AuthorizationRequestData;
import dev.cardgate.engine.token.TestPans;

/** {@code cardgate terminal batch} and {@code cardgate journal --batch} over the journal an engine wrote. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TerminalBatchCommandTest {
    @TempDir
    Path folder;

    private OperatorFixture cardgate;

    private static AuthorizationRequestData message(final int type, final int processingCode, final int stan,
        final long amount) {
        return AuthorizationRequestData.builder().messageTypeIndicator(type).processingCode(processingCode)
            .systemTraceAuditNumber(stan).transmissionDateTime(1_125_143_000L).terminalId(OperatorFixture.TERMINAL)
            .merchantId("MERCHANT0000001").expiryYearMonth(4912).amountMinor(amount).currencyCode(978)
            .merchantCategoryCode(5411).countryCode(276).posEntryMode(51).build();
    }

    @BeforeEach
    void sellVoidRefundAndHold() throws Exception {
        cardgate = OperatorFixture.in(folder);
        try (AuthorizationEngine engine = AuthorizationEngine.launch(cardgate.engineConfiguration())) {
            assertTrue(engine.authorize(TestPans.VISA, message(200, 0, 1, 1_000)).approved());
            assertTrue(engine.authorize(TestPans.VISA, message(200, 0, 2, 2_500)).approved());
            assertTrue(engine.authorize(TestPans.VISA, message(200, 200_000, 3, 400)).approved());
            assertTrue(engine.authorize(TestPans.VISA, message(100, 0, 4, 9_000)).approved());
        }
    }

    @Test
    void showsTheOpenBatchWithItsTotalsAndHolds() {
        final OperatorRun shown = cardgate.run("terminal batch", OperatorFixture.TERMINAL);
        assertEquals(0, shown.status(), shown.printed());
        assertTrue(shown.out().contains("batch            1"), shown.printed());
        assertTrue(shown.out().contains("state            open"), shown.printed());
        assertTrue(shown.out().contains("holds            1, 9000 minor units"), shown.printed());
        assertTrue(shown.out().contains("currency 978"), shown.printed());
        assertTrue(shown.out().matches("(?s).*debits \\(76\\) +2  amount +3500.*"), shown.printed());
        assertTrue(shown.out().matches("(?s).*credits \\(74\\) +1  amount +400.*"), shown.printed());
        assertTrue(shown.out().contains("D0000000000003100"), shown.printed());
    }

    @Test
    void anUnknownTerminalExits1AndABadIdExits2() {
        final OperatorRun unknown = cardgate.run("terminal batch", "NOBODY01");
        assertEquals(1, unknown.status(), unknown.printed());
        assertTrue(unknown.err().contains("nothing of terminal NOBODY01"), unknown.printed());
        final OperatorRun bad = cardgate.run("terminal batch", "TOO-LONG-ID");
        assertEquals(2, bad.status(), bad.printed());
    }

    @Test
    void theJournalSelectsABatch() {
        final OperatorRun first = cardgate.run("journal", "--terminal", OperatorFixture.TERMINAL, "--batch", "1");
        assertEquals(0, first.status(), first.printed());
        assertEquals(5, first.out().lines().count(), "a header and four records: " + first.printed());
        final OperatorRun second = cardgate.run("journal", "--batch", "2");
        assertEquals(1, second.out().lines().count(), "the header only: " + second.printed());
    }
}
