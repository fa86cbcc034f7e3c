package dev.cardgate.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.AuthorizationEngine;
import dev.cardgate.engine.control.ControlClient;
import dev.cardgate.engine.terminal.TerminalRecord;
import dev.cardgate.engine.terminal.TerminalStatus;
import dev.cardgate.engine.token.TestPans;

/**
 * The block and terminal commands while an engine runs on the data folder: they reach it through
 * its control socket, and the engine decides by what they changed from its next request.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunningEngineCommandsTest {
    @TempDir
    Path folder;

    private OperatorFixture cardgate;

    @BeforeEach
    void configure() throws Exception {
        cardgate = OperatorFixture.in(folder);
    }

    @Test
    void blockAddCheckAndRemoveGoToTheRunningEngine() throws Exception {
        try (AuthorizationEngine engine = AuthorizationEngine.launch(cardgate.engineConfiguration())) {
            try (ControlClient client = ControlClient.connectIfRunning(cardgate.dataDirectory())) {
                assertNotNull(client, "the engine listens on its control socket");
            }
            final OperatorRun added = cardgate.withInput(TestPans.VISA + "\n", "block add", "-r", "stolen",
                "--reference", "CASE-9");
            assertEquals(0, added.status(), added.printed());
            assertTrue(OperatorSession.lastThroughEngine(), "through the engine's control socket");
            assertTrue(added.out().startsWith("added\ncard      411111******1111\ntoken     "), added.printed());
            assertTrue(added.out().contains("reference CASE-9"), added.printed());
            assertEquals("43", engine.authorize(TestPans.VISA, OperatorFixture.purchase(1)).responseCodeText());

            final OperatorRun checked = cardgate.withInput(TestPans.VISA + "\n", "block check");
            assertEquals(0, checked.status(), checked.printed());
            assertTrue(checked.out().startsWith("blocked\n"), checked.printed());
            assertTrue(checked.out().contains("reason    stolen (answered 43)"), checked.printed());
            assertEquals(added.out().lines().filter(line -> line.startsWith("token")).toList(),
                checked.out().lines().filter(line -> line.startsWith("token")).toList(), "the engine's token");

            assertEquals(0, cardgate.withInput(TestPans.VISA + "\n", "block remove").status());
            assertTrue(engine.authorize(TestPans.VISA, OperatorFixture.purchase(2)).approved());
            final OperatorRun gone = cardgate.withInput(TestPans.VISA + "\n", "block remove");
            assertEquals(1, gone.status(), gone.printed());
            assertTrue(gone.out().startsWith("not listed\n"), gone.printed());
            final OperatorRun badPan = cardgate.withInput("4111111111111112\n", "block check");
            assertEquals(2, badPan.status(), badPan.printed());
        }
    }

    @Test
    void aThousandCardsAreBlockedAndUnblockedFromAListInOneCallEach() throws Exception {
        final StringBuilder list = new StringBuilder("# incident 42\n");
        for (int n = 1; n <= 1000; n++) {
            list.append(TestPans.generated(n)).append('\n');
        }
        final Path cards = cardgate.file("cards.txt", list.toString(), "4111111111111112", "");
        try (AuthorizationEngine engine = AuthorizationEngine.launch(cardgate.engineConfiguration())) {
            final OperatorRun added = cardgate.run("block add", "--file", cards.toString(), "-r", "fraud");
            assertTrue(OperatorSession.lastThroughEngine(), "through the engine's control socket");
            assertEquals(2, added.status(), "one line is not a PAN: " + added.err());
            assertTrue(added.out().endsWith(cards + ": 1001 cards, 1000 added, 1 rejected\n"), added.err());
            assertTrue(added.err().contains("cards.txt:1003: the PAN 411111******1112 fails the Luhn check"),
                added.err());
            assertEquals(1000, engine.blocklist().count());
            assertEquals("59", engine.authorize(TestPans.generated(500), OperatorFixture.purchase(1))
                .responseCodeText());

            final long started = System.nanoTime();
            final OperatorRun removed = cardgate.withInput(list + TestPans.VISA + "\n", "block remove", "--file", "-");
            final long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.println("block remove --file of 1001 cards through the engine: " + millis + " ms");
            assertEquals(0, removed.status(), removed.err());
            assertTrue(removed.out().endsWith("standard input: 1001 cards, 1 not-listed, 1000 removed, 0 rejected\n"),
                removed.out().lines().reduce((first, second) -> second).orElse(""));
            assertEquals(0, engine.blocklist().count());
            assertTrue(!removed.out().contains(TestPans.VISA) && !removed.err().contains(TestPans.generated(7)),
                "no clear PAN printed");
        }
    }

    @Test
    void withoutARunningEngineTheCommandsOpenTheFiles() {
        final OperatorRun added = cardgate.withInput(TestPans.VISA + "\n", "block add", "-r", "lost");
        assertEquals(0, added.status(), added.printed());
        assertTrue(!OperatorSession.lastThroughEngine(), "no engine: the map file");
    }

    @Test
    void terminalShowAndSetGoToTheRunningEngine() throws Exception {
        try (AuthorizationEngine engine = AuthorizationEngine.launch(cardgate.engineConfiguration())) {
            engine.terminals().add(TerminalRecord.active("TERM0009", "MERCHANT0000001", 5411, 276, "EU", "lane", "A920",
                "2.4.1", false));
            final OperatorRun set = cardgate.run("terminal set", "TERM0009", "--status", "disabled", "--software",
                "2.5.0");
            assertEquals(0, set.status(), set.printed());
            assertTrue(OperatorSession.lastThroughEngine(), "through the engine's control socket");
            assertEquals(TerminalStatus.DISABLED, engine.terminals().show("TERM0009").orElseThrow().status());
            final OperatorRun shown = cardgate.run("terminal show", "TERM0009");
            assertEquals(0, shown.status(), shown.printed());
            assertTrue(shown.out().contains("status           disabled\n"), shown.printed());
            assertTrue(shown.out().contains("software         2.5.0\n"), shown.printed());
            final OperatorRun missing = cardgate.run("terminal set", "TERM0010", "--status", "active");
            assertEquals(1, missing.status(), missing.printed());
            assertTrue(engine.terminals().show("TERM0010").isEmpty(), "set adds no terminal");
        }
    }
}
