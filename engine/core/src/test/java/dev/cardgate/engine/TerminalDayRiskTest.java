package dev.cardgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.blocklist.BlockReason;
import dev.cardgate.engine.blocklist.BlocklistEntry;

/**
 * How the terminal day's messages change the risk state, through a real engine: an offline
 * advice counts toward velocity once however often it is repeated, a void gives back its sale,
 * a completion replaces its pre-authorization's amount, a refund is judged by the card checks
 * but not by the risk limits.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TerminalDayRiskTest {
    private static final String RULES = String.join("\n", "velocity 511 two-per-hour", "  window 1h",
        "  max-count 2", "  max-amount 10000", "end", "");

    @TempDir
    Path folder;

    @Test
    void anOfflineAdviceCountsTowardVelocityOnceHoweverOftenRepeated() {
        try (RuleScenarioHarness harness = new RuleScenarioHarness(folder, RULES)) {
            final String terminal = harness.terminal("TERM0001");
            final String card = RuleScenarioHarness.pan("424242", 1);
            final RuleScenarioHarness.Request advice = harness.request(card, terminal).messageType(220).amount(100);
            assertEquals(0, advice.send().responseCode());
            assertEquals(0, advice.messageType(221).repeat().responseCode(), "a repeated advice is acknowledged");
            assertEquals(0, harness.request(card, terminal).messageType(200).amount(100).send().responseCode());
            assertEquals(65, harness.request(card, terminal).messageType(200).amount(100).send().responseCode(),
                "the advice and the sale are the two approvals of the hour");
        }
    }

    @Test
    void aVoidGivesBackWhatItsSaleConsumed() {
        try (RuleScenarioHarness harness = new RuleScenarioHarness(folder, RULES)) {
            final String terminal = harness.terminal("TERM0001");
            final String card = RuleScenarioHarness.pan("424242", 2);
            final RuleScenarioHarness.Request sale = harness.request(card, terminal).messageType(200).amount(100);
            assertEquals(0, sale.send().responseCode());
            assertEquals(0, harness.request(card, terminal).messageType(200).amount(100).send().responseCode());
            assertEquals(65, harness.request(card, terminal).messageType(200).amount(100).send().responseCode());
            assertEquals(0, harness.request(card, terminal).messageType(200).processingCode(20_000).amount(100)
                .referring(200, sale).send().responseCode());
            assertEquals(12, harness.request(card, terminal).messageType(200).processingCode(20_000).amount(100)
                .referring(200, sale).send().responseCode(), "a second void of the same sale");
            assertEquals(0, harness.request(card, terminal).messageType(200).amount(100).send().responseCode(),
                "the void gave back one approval, once");
            assertEquals(65, harness.request(card, terminal).messageType(200).amount(100).send().responseCode());
        }
    }

    @Test
    void aCompletionReplacesItsPreAuthorizationsAmount() {
        try (RuleScenarioHarness harness = new RuleScenarioHarness(folder, RULES)) {
            final String terminal = harness.terminal("TERM0001");
            final String card = RuleScenarioHarness.pan("424242", 3);
            final RuleScenarioHarness.Request hold = harness.request(card, terminal).messageType(100).amount(8_000);
            assertEquals(0, hold.send().responseCode());
            assertEquals(61, harness.request(card, terminal).messageType(200).amount(3_000).send().responseCode(),
                "8000 held and 3000 more exceed 10000");
            assertEquals(0, harness.request(card, terminal).messageType(220).amount(2_000).referring(100, hold).send()
                .responseCode());
            assertEquals(0, harness.request(card, terminal).messageType(200).amount(3_000).send().responseCode(),
                "2000 completed and 3000 stay within 10000");
        }
    }

    @Test
    void aRefundPassesTheCardChecksButNotTheRiskLimits() {
        try (RuleScenarioHarness harness = new RuleScenarioHarness(folder, RULES)) {
            final String terminal = harness.terminal("TERM0001");
            final String stolen = RuleScenarioHarness.pan("424242", 4);
            harness.engine().blocklist().add(stolen, BlockReason.STOLEN, BlocklistEntry.NO_EXPIRY, "TEST");
            assertEquals(43, harness.request(stolen, terminal).messageType(200).processingCode(200_000).amount(100)
                .send().responseCode(), "a blocked card cannot take a refund");
            final String card = RuleScenarioHarness.pan("424242", 5);
            assertEquals(0, harness.request(card, terminal).messageType(200).amount(9_000).send().responseCode());
            assertEquals(0, harness.request(card, terminal).messageType(200).processingCode(200_000).amount(5_000)
                .send().responseCode(), "a refund is not held to the amount limit");
            assertEquals(0, harness.request(card, terminal).messageType(200).amount(1_000).send().responseCode(),
                "nor counted toward it");
        }
    }
}
