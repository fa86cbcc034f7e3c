package dev.cardgate.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.token.TestPans;

/** {@code cardgate block ...} run as an operator would, on real map files in a test folder. */
class BlockCommandTest {
    @TempDir
    Path folder;

    private OperatorFixture cardgate;

    @BeforeEach
    void configure() throws Exception {
        cardgate = OperatorFixture.in(folder);
    }

    @Test
    void addReadsThePanFromStandardInputAndShowsOnlyItsMaskedFormAndToken() {
        final OperatorRun added = cardgate.withInput(TestPans.VISA + "\n", "block add", "--reason", "stolen");
        assertEquals(0, added.status(), added.printed());
        assertTrue(added.out().startsWith("added\n"), added.printed());
        assertTrue(added.out().contains("card      411111******1111"), added.printed());
        assertTrue(added.out().matches("(?s).*token     [0-9a-f]{32}\n.*"), added.printed());
        assertTrue(added.out().contains("reason    stolen (answered 43)"), added.printed());
        assertFalse(added.err().contains("shell's history"), "no warning when the PAN came from stdin");

        final OperatorRun again = cardgate.withInput(TestPans.VISA + "\n", "block add", "-", "--reason", "STOLEN");
        assertTrue(again.out().startsWith("unchanged\n"), again.printed());
    }

    @Test
    void addTakesAnExpiryAndAReferenceAndCheckShowsThem() {
        final OperatorRun added = cardgate.run("block add", TestPans.MASTERCARD, "--reason", "fraud", "--expires",
            "2099-12-31", "--reference", "CASE-42");
        assertEquals(0, added.status(), added.printed());
        assertTrue(added.err().contains("stays in the shell's history"), "a PAN argument is warned about");

        final OperatorRun checked = cardgate.withInput(TestPans.MASTERCARD + "\n", "block check");
        assertEquals(0, checked.status(), checked.printed());
        assertTrue(checked.out().startsWith("blocked\n"), checked.printed());
        assertTrue(checked.out().contains("reason    fraud (answered 59)"), checked.printed());
        assertTrue(checked.out().contains("expires   2100-01-01T00:00:00Z"), checked.printed());
        assertTrue(checked.out().contains("reference CASE-42"), checked.printed());
    }

    @Test
    void addRefusesABadPanWith2NamingWhatIsWrong() {
        final OperatorRun luhn = cardgate.withInput(TestPans.withWrongCheckDigit(TestPans.VISA) + "\n", "block add",
            "--reason", "lost");
        assertEquals(2, luhn.status(), luhn.printed());
        assertTrue(luhn.err().contains("411111******1112 fails the Luhn check"), luhn.printed());

        final OperatorRun letters = cardgate.withInput("4111-1111-1111-1111\n", "block add", "--reason", "lost");
        assertEquals(2, letters.status(), letters.printed());
        assertTrue(letters.err().contains("not a digit at position 5"), letters.printed());

        final OperatorRun none = cardgate.withInput("", "block add", "--reason", "lost");
        assertEquals(2, none.status(), none.printed());
        assertTrue(none.err().contains("no PAN given"), none.printed());
        assertFalse(Files.exists(cardgate.dataDirectory().resolve("blocklist.cm")), "nothing was created");
    }

    @Test
    void addRefusesAnUnknownReasonABadDateAndAPastDateWith2() {
        final OperatorRun reason = cardgate.withInput(TestPans.VISA + "\n", "block add", "--reason", "misplaced");
        assertEquals(2, reason.status(), reason.printed());
        assertTrue(reason.err().contains("unknown reason 'misplaced': use lost, stolen, fraud, closed or other"),
            reason.printed());

        final OperatorRun date = cardgate.withInput(TestPans.VISA + "\n", "block add", "-r", "lost", "-e", "31/12/2027");
        assertEquals(2, date.status(), date.printed());
        assertTrue(date.err().contains("the expiry '31/12/2027' is not a date or an instant: use 2027-12-31"),
            date.printed());

        final OperatorRun past = cardgate.withInput(TestPans.VISA + "\n", "block add", "-r", "lost", "-e", "2020-01-01");
        assertEquals(2, past.status(), past.printed());
        assertTrue(past.err().contains("has passed"), past.printed());

        final OperatorRun reference = cardgate.withInput(TestPans.VISA + "\n", "block add", "-r", "lost", "--reference",
            "A,B");
        assertEquals(2, reference.status(), reference.printed());
        final OperatorRun panAsReference = cardgate.withInput(TestPans.VISA + "\n", "block add", "-r", "lost",
            "--reference", TestPans.MASTERCARD);
        assertEquals(2, panAsReference.status(), panAsReference.printed());
        assertTrue(panAsReference.err().contains("like a card number"), panAsReference.printed());

        final OperatorRun missing = cardgate.withInput(TestPans.VISA + "\n", "block add");
        assertEquals(2, missing.status(), missing.printed());
        assertTrue(missing.err().contains("--reason"), missing.printed());
    }

    @Test
    void aBlocklistWhoseKeyIsMissingIsRefusedWithoutMakingAnotherKey() throws Exception {
        assertEquals(0, cardgate.withInput(TestPans.VISA + "\n", "block add", "--reason", "lost").status());
        final Path keyFile = cardgate.dataDirectory().resolve("token.key");
        Files.delete(keyFile);

        final OperatorRun refused = cardgate.withInput(TestPans.MASTERCARD + "\n", "block add", "--reason", "lost");
        assertEquals(1, refused.status(), refused.printed());
        assertTrue(refused.err().contains("was made with a token key that is not at"), refused.printed());
        assertFalse(Files.exists(keyFile), "no stray key was created");
    }

    @Test
    void removeUnlistsACardAndExits1ForACardNotListed() {
        cardgate.withInput(TestPans.VISA + "\n", "block add", "--reason", "lost");
        final OperatorRun removed = cardgate.withInput(TestPans.VISA + "\n", "block remove");
        assertEquals(0, removed.status(), removed.printed());
        assertTrue(removed.out().startsWith("removed\n"), removed.printed());

        final OperatorRun again = cardgate.withInput(TestPans.VISA + "\n", "block remove", "-");
        assertEquals(1, again.status(), again.printed());
        assertTrue(again.out().startsWith("not listed\n"), again.printed());

        final OperatorRun check = cardgate.withInput(TestPans.VISA + "\n", "block check");
        assertEquals(1, check.status(), check.printed());
        assertTrue(check.out().startsWith("not listed\n"), check.printed());
    }

    @Test
    void commandsThatOnlyReadRefuseWith1WhenThereIsNoBlocklistYet() {
        for (final String command : List.of("block check", "block count", "block export", "block remove")) {
            final OperatorRun run = cardgate.withInput(TestPans.VISA + "\n", command);
            assertEquals(1, run.status(), command + ": " + run.printed());
            assertTrue(run.err().contains("there is no token key at"), command + ": " + run.printed());
        }
        assertFalse(Files.exists(cardgate.dataDirectory()), "reading created nothing");
    }

    @Test
    void importReportsEveryBadLineWithItsNumberAndEndsWithASummary() throws Exception {
        final Path file = cardgate.file("hot-cards.csv",
            "# lost and stolen cards",
            TestPans.VISA + ",STOLEN,,CASE-1",
            TestPans.withWrongCheckDigit(TestPans.MASTERCARD) + ",LOST",
            TestPans.AMEX + ",MISPLACED",
            TestPans.DISCOVER + ",FRAUD,someday",
            TestPans.VISA_2 + ",closed,2099-12-31");
        final OperatorRun imported = cardgate.run("block import", file.toString());
        assertEquals(2, imported.status(), imported.printed());
        assertTrue(imported.err().contains(file + ":3: the PAN 555555******4445 fails the Luhn check"),
            imported.printed());
        assertTrue(imported.err().contains(file + ":4: unknown reason 'MISPLACED'"), imported.printed());
        assertTrue(imported.err().contains(file + ":5: the expiry 'someday'"), imported.printed());
        assertTrue(imported.out().contains("6 lines: 2 added, 0 updated, 0 unchanged, 3 rejected"), imported.printed());

        final OperatorRun count = cardgate.run("block count");
        assertEquals(0, count.status(), count.printed());
        assertTrue(count.out().startsWith("2 of 1000 entries used"), count.printed());

        final Path good = cardgate.file("good.csv", TestPans.VISA + ",STOLEN,,CASE-1", TestPans.AMEX + ",OTHER");
        final OperatorRun clean = cardgate.run("block import", good.toString());
        assertEquals(0, clean.status(), clean.printed());
        assertTrue(clean.out().contains("2 lines: 1 added, 0 updated, 1 unchanged, 0 rejected"), clean.printed());
    }

    @Test
    void aFullBlocklistExits1ForAddAndForImportAsTheHelpSays() throws Exception {
        final Path config = folder.resolve("small.properties");
        java.nio.file.Files.writeString(config, "data.dir = " + folder.resolve("small") + "\nblocklist.capacity = 2\n");
        final Path file = cardgate.file("full.csv", dev.cardgate.engine.token.TestPans.generated(1) + ",stolen",
            dev.cardgate.engine.token.TestPans.generated(2) + ",stolen", dev.cardgate.engine.token.TestPans.generated(3)
                + ",stolen");
        final OperatorRun imported = OperatorRun.run("block", "import", "-c", config.toString(), file.toString());
        assertEquals(1, imported.status(), imported.printed());
        assertTrue(imported.err().contains("the blocklist is full"), imported.printed());
        final OperatorRun added = OperatorRun.withInput(dev.cardgate.engine.token.TestPans.generated(4) + "\n", "block",
            "add", "-c", config.toString(), "-r", "lost");
        assertEquals(1, added.status(), added.printed());
        assertTrue(added.err().contains("is full"), added.printed());
    }

    @Test
    void importOfAMissingFileFailsWith2NamingIt() {
        final OperatorRun run = cardgate.run("block import", folder.resolve("nowhere.csv").toString());
        assertEquals(2, run.status(), run.printed());
        assertTrue(run.err().contains("there is no readable blocklist import file at " + folder.resolve("nowhere.csv")),
            run.printed());
    }

    @Test
    void exportWritesTokensReasonsDatesAndReferencesToANewOwnerOnlyFile() throws Exception {
        cardgate.withInput(TestPans.VISA + "\n", "block add", "-r", "stolen", "--reference", "CASE-1");
        cardgate.withInput(TestPans.AMEX + "\n", "block add", "-r", "closed", "-e", "2099-06-30T12:00:00Z");
        final String visaToken = tokenLine(cardgate.withInput(TestPans.VISA + "\n", "block check").out());

        final Path csv = folder.resolve("export.csv");
        final OperatorRun exported = cardgate.run("block export", "--output", csv.toString());
        assertEquals(0, exported.status(), exported.printed());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(csv)));
        final List<String> lines = Files.readAllLines(csv);
        assertEquals(BlockExportCommand.HEADER, lines.get(0));
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.stream().anyMatch(line -> line.matches(visaToken + ",stolen,\\d{4}-.*Z,,CASE-1")),
            lines.toString());
        assertTrue(lines.stream().anyMatch(line -> line.matches("[0-9a-f]{32},closed,.*Z,2099-06-30T12:00:00Z,")),
            lines.toString());

        final OperatorRun again = cardgate.run("block export", "-o", csv.toString());
        assertEquals(2, again.status(), again.printed());
        assertTrue(again.err().contains("exists already"), again.printed());

        final OperatorRun toStandardOutput = cardgate.run("block export");
        assertEquals(String.join("\n", lines) + "\n", toStandardOutput.out());
    }

    @Test
    void everyBlockSubcommandHasHelp() {
        for (final String command : List.of("add", "remove", "check", "import", "export", "count")) {
            final OperatorRun help = OperatorRun.run("block", command, "--help");
            assertEquals(0, help.status(), help.printed());
            assertTrue(help.out().contains("Usage: cardgate block " + command), help.printed());
            assertTrue(help.out().contains("--config"), help.printed());
            assertTrue(help.out().contains("Exit status:"), help.printed());
        }
        assertEquals(2, OperatorRun.run("block").status());
    }

    static String tokenLine(final String out) {
        return out.lines().filter(line -> line.startsWith("token")).findFirst().orElseThrow().substring(10);
    }
}
