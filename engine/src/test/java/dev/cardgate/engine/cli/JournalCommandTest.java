package dev.cardgate.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.AuthorizationEngine;
import dev.cardgate.engine.blocklist.BlockReason;
import dev.cardgate.engine.blocklist.BlocklistEntry;
import dev.cardgate.engine.token.TestPans;

/** {@code cardgate journal} over the journal an engine wrote, with the configured folder and key. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JournalCommandTest {
    @TempDir
    Path folder;

    private OperatorFixture cardgate;

    @BeforeEach
    void decideThreeRequests() throws Exception {
        cardgate = OperatorFixture.in(folder);
        try (AuthorizationEngine engine = AuthorizationEngine.launch(cardgate.engineConfiguration())) {
            assertTrue(engine.authorize(TestPans.VISA, OperatorFixture.purchase(1)).approved());
            assertTrue(engine.authorize(TestPans.MASTERCARD, OperatorFixture.purchase(2)).approved());
            engine.blocklist().add(TestPans.VISA, BlockReason.STOLEN, BlocklistEntry.NO_EXPIRY, "CASE-1");
            assertEquals("43", engine.authorize(TestPans.VISA, OperatorFixture.purchase(3)).responseCodeText());
        }
    }

    @Test
    void dumpsTheConfiguredJournalAsAlignedText() {
        final OperatorRun dump = cardgate.run("journal");
        assertEquals(0, dump.status(), dump.printed());
        final List<String> lines = dump.out().lines().toList();
        assertEquals(4, lines.size(), dump.printed());
        assertTrue(lines.get(0).startsWith("sequence"), dump.printed());
        assertTrue(lines.get(1).contains("411111******1111"), dump.printed());
    }

    @Test
    void findsACardByThePanGivenOnStandardInputHashedWithTheConfiguredKey() {
        final OperatorRun visa = cardgate.withInput(TestPans.VISA + "\n", "journal", "--pan");
        assertEquals(0, visa.status(), visa.printed());
        assertEquals(3, visa.out().lines().count(), visa.printed());
        final OperatorRun stolen = cardgate.withInput(TestPans.VISA + "\n", "journal", "--pan", "-", "--response", "43",
            "--json");
        assertEquals(1, stolen.out().lines().count(), stolen.printed());
        assertTrue(stolen.out().contains("\"responseCode\":\"43\""), stolen.printed());
        final OperatorRun other = cardgate.withInput(TestPans.AMEX + "\n", "journal", "--pan");
        assertEquals(1, other.out().lines().count(), "the header only: " + other.printed());
    }

    @Test
    void countsDecisionsPerIntervalAndTerminal() {
        final OperatorRun stats = cardgate.run("journal", "--stats", "3600", "--terminal", OperatorFixture.TERMINAL);
        assertEquals(0, stats.status(), stats.printed());
        assertTrue(stats.out().contains("APPROVED"), stats.printed());
        assertTrue(stats.out().contains("CARD_STOLEN"), stats.printed());
    }

    @Test
    void badOptionsExit2AndAMissingJournalExits1() {
        final OperatorRun from = cardgate.run("journal", "--from", "yesterday");
        assertEquals(2, from.status(), from.printed());
        assertTrue(from.err().contains("yesterday"), from.printed());
        final OperatorRun pan = cardgate.withInput("12345\n", "journal", "--pan");
        assertEquals(2, pan.status(), pan.printed());
        assertTrue(pan.err().contains("the PAN given is not 12 to 19 digits"), pan.printed());
        final OperatorRun rule = cardgate.run("journal", "--rule", "many");
        assertEquals(2, rule.status(), rule.printed());
        final OperatorRun missing = cardgate.run("journal", "--dir", folder.resolve("nowhere").toString());
        assertEquals(1, missing.status(), missing.printed());
        assertTrue(missing.err().contains("there is no journal at"), missing.printed());
    }
}
