package dev.cardgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.terminal.TerminalStatus;

/**
 * A restart rebuilds the risk state from the journal, so the engine decides after it exactly as
 * it would have without it: velocity, reversals matched by field 90, duplicates and impossible
 * travel. Each test closes a real engine (journal on, batch durability) and launches another on
 * the same folder with the clock where the first left it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RestartReplayTest {
    private static final String RULES = String.join("\n",
        "velocity 511 three-per-minute", "  window 1m", "  max-count 3", "end",
        "impossible-travel 531 travel", "  window 2h", "end", "");
    private static final String CARD = RuleScenarioHarness.pan("411111", 4_242);

    @TempDir
    Path folder;

    @Test
    void velocityCountedBeforeTheRestartStillCountsAfterIt() {
        final RuleScenarioHarness before = new RuleScenarioHarness(folder, RULES);
        final String terminal = before.terminal("TERM0001");
        for (int i = 0; i < 3; i++) {
            assertEquals(0, before.request(CARD, terminal).send().responseCode());
        }
        before.close();
        try (RuleScenarioHarness after = RuleScenarioHarness.restartAfter(before, folder, RULES)) {
            final Decision fourth = after.request(CARD, terminal).send();
            assertEquals(65, fourth.responseCode(), fourth.toString());
            assertEquals(511, fourth.ruleId());
        }
    }

    @Test
    void aReversalMatchedByField90BeforeTheRestartStaysGivenBackAfterIt() {
        final RuleScenarioHarness before = new RuleScenarioHarness(folder, RULES);
        final String terminal = before.terminal("TERM0001");
        before.request(CARD, terminal).send();
        before.request(CARD, terminal).send();
        final RuleScenarioHarness.Request third = before.request(CARD, terminal);
        third.send();
        assertEquals(0, before.request(CARD, terminal).reversing(third).send().responseCode());
        before.close();
        try (RuleScenarioHarness after = RuleScenarioHarness.restartAfter(before, folder, RULES)) {
            assertEquals(0, after.request(CARD, terminal).send().responseCode(), "the reversed approval was given back");
            assertEquals(65, after.request(CARD, terminal).send().responseCode());
        }
    }

    @Test
    void aDuplicateAfterTheRestartIsAnsweredAsTheFirstWas() {
        final RuleScenarioHarness before = new RuleScenarioHarness(folder, RULES);
        final String terminal = before.terminal("TERM0001");
        final RuleScenarioHarness.Request first = before.request(CARD, terminal);
        final Decision original = first.send();
        before.close();
        try (RuleScenarioHarness after = RuleScenarioHarness.restartAfter(before, folder, RULES)) {
            final Decision repeated = first.repeatThrough(after);
            assertEquals(0, repeated.responseCode());
            assertEquals(original.authorizationId(), repeated.authorizationId());
            after.request(CARD, terminal).send();
            assertEquals(0, after.request(CARD, terminal).send().responseCode(),
                "the duplicate was not counted again: this is the third approval");
        }
    }

    @Test
    void anApprovalAbroadBeforeTheRestartStillTripsImpossibleTravelAfterIt() {
        final RuleScenarioHarness before = new RuleScenarioHarness(folder, RULES);
        before.request(CARD, before.terminal("TERM0001")).send();
        final String abroad = before.terminal("TERM0002", TerminalStatus.ACTIVE, "lane", 250, "EU", 5411, "2.5.0",
            false);
        before.advance(Duration.ofMinutes(30));
        before.close();
        try (RuleScenarioHarness after = RuleScenarioHarness.restartAfter(before, folder, RULES)) {
            final Decision travelled = after.request(CARD, abroad).send();
            assertEquals(59, travelled.responseCode(), travelled.toString());
            assertEquals(531, travelled.ruleId());
        }
    }
}
