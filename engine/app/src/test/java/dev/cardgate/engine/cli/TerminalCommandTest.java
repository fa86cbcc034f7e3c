package dev.cardgate.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cardgate terminal ...} run as an operator would, on a real registry file in a test folder. */
class TerminalCommandTest {
    private static final String[] LANE_SETTINGS = {"--merchant", "MERCHANT0000001", "--mcc", "5411", "--country", "276",
        "--region", "EU", "--group", "lane", "--model", "A920", "--software", "2.4.1"};

    @TempDir
    Path folder;

    private OperatorFixture cardgate;

    @BeforeEach
    void configure() throws Exception {
        cardgate = OperatorFixture.in(folder);
    }

    @Test
    void addRegistersATerminalAndShowPrintsIt() {
        final OperatorRun added = cardgate.run("terminal add", with("TERM0001", LANE_SETTINGS));
        assertEquals(0, added.status(), added.printed());
        assertTrue(added.out().startsWith("registered\n"), added.printed());

        final OperatorRun shown = cardgate.run("terminal show", "TERM0001");
        assertEquals(0, shown.status(), shown.printed());
        assertTrue(shown.out().contains("status           active"), shown.printed());
        assertTrue(shown.out().contains("mcc              5411"), shown.printed());
        assertTrue(shown.out().contains("software         2.4.1"), shown.printed());
        assertTrue(shown.out().contains("sign-on required no"), shown.printed());

        final OperatorRun twice = cardgate.run("terminal add", with("TERM0001", LANE_SETTINGS));
        assertEquals(1, twice.status(), twice.printed());
        assertTrue(twice.err().contains("registered already; use set"), twice.printed());
    }

    @Test
    void aSoftwareVersionIsStoredAndShownAsItWasGiven() {
        final String[] settings = LANE_SETTINGS.clone();
        settings[settings.length - 1] = "2.5.0";
        assertEquals(0, cardgate.run("terminal add", with("TERM0001", settings)).status());
        final OperatorRun shown = cardgate.run("terminal show", "TERM0001");
        assertTrue(shown.out().contains("software         2.5.0\n"), shown.printed());
        assertEquals(0, cardgate.run("terminal set", "TERM0001", "--software", "3.0.0.0").status());
        final OperatorRun four = cardgate.run("terminal show", "TERM0001");
        assertTrue(four.out().contains("software         3.0.0.0\n"), four.printed());
        assertEquals(0, cardgate.run("terminal set", "TERM0001", "--software", "3").status());
        assertTrue(cardgate.run("terminal show", "TERM0001").out().contains("software         3\n"));
    }

    @Test
    void addRefusesABadTerminalIdMissingSettingsAndBadValuesWith2() {
        final OperatorRun longId = cardgate.run("terminal add", with("TERMINAL9", LANE_SETTINGS));
        assertEquals(2, longId.status(), longId.printed());
        assertTrue(longId.err().contains("terminal id 'TERMINAL9' is longer than 8 characters: use 1-8 characters"),
            longId.printed());

        final OperatorRun missing = cardgate.run("terminal add", "TERM0001", "--merchant", "M1");
        assertEquals(2, missing.status(), missing.printed());
        assertTrue(missing.err().contains("a new terminal needs --mcc, --country, --region, --group, --model, "
            + "--software"), missing.printed());

        final OperatorRun badValues = cardgate.run("terminal add", "TERM0001", "--merchant", "MERCHANT0000001", "--mcc",
            "5411", "--country", "0", "--region", "EU", "--group", "lane", "--model", "A920", "--software", "two");
        assertEquals(2, badValues.status(), badValues.printed());
        assertTrue(badValues.err().contains("country code 0 is not an ISO 3166 numeric code (1 to 999)"),
            badValues.printed());
        assertTrue(badValues.err().contains("software version 'two' is not one to four dot-separated numbers"),
            badValues.printed());

        final OperatorRun badStatus = cardgate.run("terminal add", with("TERM0001", LANE_SETTINGS, "--status",
            "broken"));
        assertEquals(2, badStatus.status(), badStatus.printed());
        assertTrue(badStatus.err().contains("status 'broken' is unknown: use active, disabled, faulty or suspended"),
            badStatus.printed());

        final OperatorRun notANumber = cardgate.run("terminal add", "TERM0001", "--mcc", "groceries");
        assertEquals(2, notANumber.status(), notANumber.printed());
        assertTrue(notANumber.err().contains("--mcc"), notANumber.printed());
    }

    @Test
    void setChangesOnlyTheGivenSettingsOfARegisteredTerminal() {
        cardgate.run("terminal add", with("TERM0001", LANE_SETTINGS));
        final OperatorRun changed = cardgate.run("terminal set", "TERM0001", "--status", "disabled", "--software",
            "2.5.0", "--sign-on-required");
        assertEquals(0, changed.status(), changed.printed());
        final String shown = cardgate.run("terminal show", "TERM0001").out();
        assertTrue(shown.contains("status           disabled"), shown);
        assertTrue(shown.contains("software         2.5"), shown);
        assertTrue(shown.contains("sign-on required yes"), shown);
        assertTrue(shown.contains("merchant         MERCHANT0000001"), shown);

        final OperatorRun nothing = cardgate.run("terminal set", "TERM0001");
        assertEquals(2, nothing.status(), nothing.printed());
        assertTrue(nothing.err().contains("nothing to change"), nothing.printed());
    }

    @Test
    void showAndSetOfAnUnknownTerminalExitWith1() {
        cardgate.run("terminal add", with("TERM0001", LANE_SETTINGS));
        final OperatorRun shown = cardgate.run("terminal show", "NOSUCH01");
        assertEquals(1, shown.status(), shown.printed());
        assertTrue(shown.err().contains("terminal 'NOSUCH01' is not registered"), shown.printed());
        final OperatorRun set = cardgate.run("terminal set", "NOSUCH01", "--status", "active");
        assertEquals(1, set.status(), set.printed());
    }

    @Test
    void importsTheSampleFileThenReportsItUnchangedAndListFiltersByStatusAndRegion() {
        final String sample = Path.of("../..", "config", "terminals-sample.csv").toString();
        final OperatorRun imported = cardgate.run("terminal import", sample);
        assertEquals(0, imported.status(), imported.printed());
        assertTrue(imported.out().contains("5 added, 0 updated, 0 unchanged, 0 rejected"), imported.printed());
        final OperatorRun again = cardgate.run("terminal import", sample);
        assertTrue(again.out().contains("0 added, 0 updated, 5 unchanged, 0 rejected"), again.printed());

        final OperatorRun all = cardgate.run("terminal list");
        assertEquals(0, all.status(), all.printed());
        final List<String> lines = all.out().lines().toList();
        assertTrue(lines.get(0).startsWith("TERMINAL  STATUS  "), all.printed());
        assertEquals(7, lines.size(), all.printed());
        final int statusColumn = lines.get(0).indexOf("STATUS");
        for (final String row : lines.subList(1, 6)) {
            assertTrue(row.charAt(statusColumn - 1) == ' ' && row.charAt(statusColumn) != ' ', "aligned: " + row);
        }
        assertEquals("5 of 5 terminals", lines.get(6));

        final OperatorRun faulty = cardgate.run("terminal list", "--status", "faulty");
        assertTrue(faulty.out().contains("FUEL0001"), faulty.printed());
        assertTrue(faulty.out().endsWith("1 of 5 terminals\n"), faulty.printed());
        final OperatorRun asia = cardgate.run("terminal list", "--region", "ASIA");
        assertTrue(asia.out().contains("ATM00001") && asia.out().endsWith("1 of 5 terminals\n"), asia.printed());
        assertEquals(2, cardgate.run("terminal list", "--status", "asleep").status());
    }

    @Test
    void importWithBadLinesNamesEachLineAndImportsNothing() throws Exception {
        final Path file = cardgate.file("terminals.csv",
            "# terminalId,merchantId,mcc,country,region,group,status,model,softwareVersion,signOnRequired",
            "TERM0001,MERCHANT0000001,5411,276,EU,lane,active,A920,2.4.1,no",
            "TERM0002,MERCHANT0000001,54x1,276,EU,lane,active,A920,2.4.1,no",
            "TERMINAL03,MERCHANT0000001,5411,276,EU,lane,active,A920,2.4.1,no");
        final OperatorRun imported = cardgate.run("terminal import", file.toString());
        assertEquals(2, imported.status(), imported.printed());
        assertTrue(imported.err().contains(file + ":3: merchant category code '54x1'"), imported.printed());
        assertTrue(imported.err().contains(file + ":4: terminal id"), imported.printed());
        assertTrue(imported.out().contains("2 rejected: nothing imported"), imported.printed());
        assertTrue(cardgate.run("terminal list").out().endsWith("0 of 0 terminals\n"));

        final OperatorRun missing = cardgate.run("terminal import", folder.resolve("none.csv").toString());
        assertEquals(2, missing.status(), missing.printed());
    }

    @Test
    void everyTerminalSubcommandHasHelp() {
        for (final String command : List.of("add", "set", "show", "import", "list")) {
            final OperatorRun help = OperatorRun.run("terminal", command, "--help");
            assertEquals(0, help.status(), help.printed());
            assertTrue(help.out().contains("Usage: cardgate terminal " + command), help.printed());
            assertTrue(help.out().contains("Exit status:"), help.printed());
        }
    }

    private static String[] with(final String first, final String[] settings, final String... more) {
        final String[] all = new String[1 + settings.length + more.length];
        all[0] = first;
        System.arraycopy(settings, 0, all, 1, settings.length);
        System.arraycopy(more, 0, all, 1 + settings.length, more.length);
        return all;
    }
}
