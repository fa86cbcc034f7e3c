package dev.cardgate.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The top command dispatches to its subcommands and fails without one. */
class CardgateCommandTest {
    @TempDir
    Path folder;

    @Test
    void selfcheckSubcommandRunsTheSelfCheckOnTheGivenConfiguration() throws Exception {
        final Path configuration = folder.resolve("cardgate.properties");
        Files.writeString(configuration, "data.dir = " + folder.resolve("data") + "\nblocklist.capacity = 1000\n");
        assertEquals(0, CardgateCommand.execute("selfcheck", "--config", configuration.toString()));
    }

    @Test
    void noSubcommandOrAnUnknownOneFails() {
        final PrintStream standardError = System.err;
        final ByteArrayOutputStream error = new ByteArrayOutputStream();
        System.setErr(new PrintStream(error, true, StandardCharsets.UTF_8));
        try {
            assertNotEquals(0, CardgateCommand.execute());
        }
        finally {
            System.setErr(standardError);
        }
        assertTrue(error.toString(StandardCharsets.UTF_8)
            .contains("name a subcommand: serve, selfcheck, block, terminal, rules, journal, stat, issuer-sim, saf, batch, help"), error.toString());
        assertNotEquals(0, CardgateCommand.execute("launch-the-rockets"));
    }

    @Test
    void helpFollowsTheWholePathOfTheCommand() {
        final OperatorRun blockAdd = OperatorRun.run("help", "block", "add");
        assertEquals(0, blockAdd.status(), blockAdd.printed());
        assertTrue(blockAdd.out().startsWith("Usage: cardgate block add "), blockAdd.printed());
        final OperatorRun block = OperatorRun.run("help", "block");
        assertTrue(block.out().startsWith("Usage: cardgate block "), block.printed());
        final OperatorRun unknown = OperatorRun.run("help", "block", "launch");
        assertEquals(2, unknown.status(), unknown.printed());
        assertTrue(unknown.err().contains("no command 'block launch'"), unknown.printed());
    }

    @Test
    void aBadConfigurationMakesServeExitWith2() throws Exception {
        final Path configuration = folder.resolve("bad.properties");
        Files.writeString(configuration, "frontend.length-header = ascii-8\n");
        assertEquals(2, CardgateCommand.execute("serve", "--config", configuration.toString()));
    }
}
