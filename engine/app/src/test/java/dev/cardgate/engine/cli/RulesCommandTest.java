package dev.cardgate.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.AuthorizationEngine;
import dev.cardgate.engine.token.TestPans;

/**
 * {@code cardgate rules check} on files, and {@code cardgate rules reload} against an engine
 * running in this JVM: the command reaches it only through the control folder, as it would from
 * another process.
 */
class RulesCommandTest {
    private static final String[] NO_POLICY = {"accept-currencies 978 840"};
    private static final String[] NO_GROCERIES = {"accept-currencies 978 840", "policy 410 no-groceries",
        "  decline 57", "  merchant-categories 5411", "end"};
    private static final String[] BROKEN = {"accept-currencies 978 840", "policy 411 broken", "  decline 5x",
        "  merchant-categories 5411", "end"};

    @TempDir
    Path folder;

    @Test
    void checkOfAValidFileSummarizesWhatItDefines() throws Exception {
        final OperatorRun checked = OperatorFixture.in(folder).run("rules check", Path.of("../..", "config", "rules.conf")
            .toString());
        assertEquals(0, checked.status(), checked.printed());
        assertTrue(checked.out().contains("rules.conf: valid"), checked.printed());
        assertTrue(checked.out().contains("6 policy, 2 limit, 2 velocity, card-testing, impossible-travel"),
            checked.printed());
        assertTrue(checked.out().contains("  402 policy.no-gambling"), checked.printed());
    }

    @Test
    void checkOfAnInvalidFilePrintsEveryProblemWithFileAndLineAndExits1() throws Exception {
        final OperatorFixture cardgate = OperatorFixture.in(folder);
        final Path rules = cardgate.file("rules.conf", "accept-currencies 978 9999", "policy 411 broken", "  decline 5x",
            "end", "explode");
        final OperatorRun checked = cardgate.run("rules check", rules.toString());
        assertEquals(1, checked.status(), checked.printed());
        assertTrue(checked.err().contains(rules + ":1: currency code 9999 is not from 1 to 999"), checked.printed());
        assertTrue(checked.err().contains(rules + ":3: response code '5x'"), checked.printed());
        assertTrue(checked.err().contains(rules + ":5: unknown directive 'explode'"), checked.printed());
        assertTrue(checked.out().contains("invalid, 4 problems"), checked.printed());
    }

    @Test
    void checkShowsAControlSequenceInTheFileAsEscapesAndAnUnclosedBlockOnce() throws Exception {
        final OperatorFixture cardgate = OperatorFixture.in(folder);
        final Path rules = cardgate.file("rules.conf", "policy 411 open", "  decline 57", "x\u001b[2J", "policy 412 next",
            "  decline 62", "end");
        final OperatorRun check = cardgate.run("rules check", rules.toString());
        assertEquals(1, check.status(), check.printed());
        assertTrue(check.err().contains("'x\\x1b[2J' is not allowed in a policy rule"), check.printed());
        assertTrue(check.err().contains(":1: policy 411 is not closed before line 4: add a line 'end'"),
            check.printed());
        assertEquals(2, check.err().lines().count(), check.printed());
        check.err().chars().forEach(c -> assertTrue(c == '\n' || c >= 0x20 && c < 0x7f, check.printed()));
    }

    @Test
    void checkWithoutAFileTakesTheConfiguredOneAndAMissingFileExits2() throws Exception {
        final Path rules = folder.resolve("configured.conf");
        Files.writeString(rules, String.join("\n", NO_GROCERIES) + "\n");
        final OperatorRun configured = OperatorFixture.in(folder, "rules.file = " + rules).run("rules check");
        assertEquals(0, configured.status(), configured.printed());
        assertTrue(configured.out().contains("1 policy"), configured.printed());

        final OperatorFixture withoutRules = OperatorFixture.in(folder);
        final OperatorRun none = withoutRules.run("rules check");
        assertEquals(2, none.status(), none.printed());
        assertTrue(none.err().contains("rules.file = none"), none.printed());
        final OperatorRun missing = withoutRules.run("rules check", folder.resolve("absent.conf").toString());
        assertEquals(2, missing.status(), missing.printed());
        assertTrue(missing.err().contains("there is no readable rules file at"), missing.printed());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void reloadMakesTheRunningEngineApplyAValidFileAndRefusesAnInvalidOneKeepingTheOldRules() throws Exception {
        final Path rules = folder.resolve("rules.conf");
        Files.writeString(rules, String.join("\n", NO_POLICY) + "\n");
        final OperatorFixture cardgate = OperatorFixture.in(folder, "rules.file = " + rules);
        try (AuthorizationEngine engine = AuthorizationEngine.launch(cardgate.engineConfiguration())) {
            assertTrue(engine.authorize(TestPans.VISA, OperatorFixture.purchase(1)).approved());

            Files.writeString(rules, String.join("\n", NO_GROCERIES) + "\n");
            final OperatorRun accepted = cardgate.run("rules reload");
            assertEquals(0, accepted.status(), accepted.printed());
            assertTrue(accepted.out().startsWith("accepted: rules version 1"), accepted.printed());
            assertTrue(accepted.out().contains("1 policy"), accepted.printed());
            assertEquals("57", engine.authorize(TestPans.VISA, OperatorFixture.purchase(2)).responseCodeText());

            Files.writeString(rules, String.join("\n", BROKEN) + "\n");
            final OperatorRun refused = cardgate.run("rules reload");
            assertEquals(1, refused.status(), refused.printed());
            assertTrue(refused.err().contains(rules + ":3: response code '5x'"), refused.printed());
            assertTrue(refused.out().contains("refused: 2 problems; the rules in force stay"), refused.printed());
            assertEquals("57", engine.authorize(TestPans.VISA, OperatorFixture.purchase(3)).responseCodeText());
            assertEquals(1, engine.rulesVersion());
        }
        final long started = System.nanoTime();
        final OperatorRun stopped = cardgate.run("rules reload");
        assertEquals(3, stopped.status(), stopped.printed());
        assertTrue(stopped.err().contains("no engine is running on the data folder"), stopped.printed());
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5), "known at once, not after the wait");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void reloadWithNoEngineOrAStaleHeartbeatExits3() throws Exception {
        final OperatorFixture cardgate = OperatorFixture.in(folder);
        final OperatorRun never = cardgate.run("rules reload");
        assertEquals(3, never.status(), never.printed());
        assertTrue(never.err().contains("start it with `cardgate serve`"), never.printed());

        final Path heartbeat = cardgate.dataDirectory().resolve("control").resolve("engine.alive");
        Files.createDirectories(heartbeat.getParent());
        Files.writeString(heartbeat, "engine=main\npid=1\n");
        Files.setLastModifiedTime(heartbeat, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        final OperatorRun crashed = cardgate.run("rules reload");
        assertEquals(3, crashed.status(), crashed.printed());
        assertTrue(crashed.err().contains("its heartbeat is 60 s old"), crashed.printed());

        Files.setLastModifiedTime(heartbeat, FileTime.fromMillis(System.currentTimeMillis()));
        final OperatorRun silent = cardgate.run("rules reload", "--timeout", "1");
        assertEquals(3, silent.status(), silent.printed());
        assertTrue(silent.err().contains("did not answer within 1000 ms (the request is withdrawn)"), silent.printed());
        try (var left = Files.list(heartbeat.getParent())) {
            assertEquals(1, left.count(), "only the heartbeat is left");
        }
    }
}
