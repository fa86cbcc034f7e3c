package dev.cardgate.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.token.TestPans;

/** {@code cardgate batch}: operator commands, one a line, in one JVM with the maps opened once. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BatchCommandTest {
    @TempDir
    Path folder;

    @Test
    void runsEachLineAsACommandAndExitsWithTheHighestStatus() throws Exception {
        final OperatorFixture cardgate = OperatorFixture.in(folder);
        final String config = cardgate.config();
        final Path batch = cardgate.file("batch.txt", "# incident 42",
            "block add " + TestPans.VISA + " -r stolen --reference 'CASE 7' -c " + config,
            "block check " + TestPans.VISA + " -c " + config,
            "",
            "block remove " + TestPans.MASTERCARD + " -c " + config,
            "block count -c " + config);
        final OperatorRun run = OperatorRun.run("batch", batch.toString());
        assertEquals(1, run.status(), "the card never listed: " + run.printed());
        assertTrue(run.out().startsWith("added\n"), run.printed());
        assertTrue(run.out().contains("reference CASE 7\n"), run.printed());
        assertTrue(run.out().contains("blocked\n"), run.printed());
        assertTrue(run.out().contains("not listed\n"), run.printed());
        assertTrue(run.out().contains("1 of "), run.printed());
        assertTrue(run.err().contains("batch.txt:5: block remove exited 1"), run.printed());
        assertTrue(!run.err().contains("shell's history"), "no history note in a batch: " + run.printed());

        final OperatorRun fromStandardInput = OperatorRun.withInput("block check " + TestPans.VISA + " -c " + config
            + "\n", "batch", "-");
        assertEquals(0, fromStandardInput.status(), fromStandardInput.printed());
        assertTrue(fromStandardInput.out().startsWith("blocked\n"), fromStandardInput.printed());
    }

    @Test
    void splitsWordsAtSpacesKeepingQuotedOnesWhole() {
        assertEquals(List.of("block", "add", "-", "--reference", "CASE 7", ""), BatchCommand.split(
            "block  add - --reference \"CASE 7\" ''"));
        assertNull(BatchCommand.split("block add 'open"));
    }
}
