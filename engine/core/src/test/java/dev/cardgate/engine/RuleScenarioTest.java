package dev.cardgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.cardgate.engine.blocklist.BlockReason;
import dev.cardgate.engine.blocklist.BlocklistEntry;
import dev.cardgate.engine.rules.RulesReloadReport;
import dev.cardgate.engine.terminal.TerminalStatus;

/**
 * Every reason a card cannot be used at a POS, one row per scenario, through the embedded API
 * of a real engine (token key, Chronicle Map blocklist and terminal registry, rules file, a clock
 * the test moves): the expected field 39 and the rule that fired. Rows run in order on one
 * engine; each row first moves the clock three hours on (so windows of earlier rows have ended)
 * and uses its own cards and terminals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RuleScenarioTest {
    static final String RULES = String.join("\n",
        "accept-currencies 978 840 826",
        "required-fields 0100 2 3 4 11 14 22 41 42 49",
        "minimum-software A920 2.4.0",
        "policy 401 vip-merchant-allowed", "  allow", "  merchants VIPMERCHANT0001", "end",
        "policy 402 no-gambling", "  decline 57", "  merchant-categories 7995 7800-7802", "end",
        "policy 403 no-fallback", "  decline 62", "  entry-modes 80", "end",
        "policy 404 blocked-bins", "  decline 62", "  cards 499999 510000-510099", "end",
        "policy 405 sanctioned", "  decline 93", "  countries 408", "end",
        "policy 406 kiosk-night", "  decline 57", "  terminal-groups kiosk", "  hours 22:00-06:00", "end",
        "policy 407 asia-atm", "  decline 57", "  regions ASIA", "  merchant-categories 6010-6011", "end",
        "policy 408 trial-bars", "  decline 57", "  merchant-categories 5813", "  dry-run", "end",
        "limit 501 big-ticket", "  max-amount 500000", "end",
        "limit 502 manual-cap", "  max-amount 20000", "  entry-modes 01", "  decline 13", "end",
        "limit 503 fuel-cap", "  max-amount 15000", "  merchant-categories 5541-5542", "end",
        "velocity 511 three-per-minute", "  window 1m", "  max-count 3", "end",
        "velocity 512 daily-amount", "  window 24h", "  max-amount 300000", "end",
        "card-testing 521 card-testing", "  window 10m", "  max-distinct-cards 5", "  max-declines 4",
        "  suspend-terminal", "end",
        "impossible-travel 531 travel", "  window 2h", "end", "");

    static final String RELOADED = RULES + String.join("\n",
        "policy 409 no-misc-retail", "  decline 57", "  merchant-categories 5999", "end", "");

    private RuleScenarioHarness harness;
    private int row;

    /** One scenario: what happens before, then the request whose answer is checked. */
    record Scenario(String name, Function<Context, Decision> run, int responseCode, int ruleId, int dryRunRuleId) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** What a row may use: the harness, its own cards and terminals. */
    final class Context {
        final int index;

        Context(final int index) {
            this.index = index;
        }

        String card(final int n) {
            return RuleScenarioHarness.pan("411111", index * 100L + n);
        }

        String terminal(final int n) {
            return harness.terminal(id(n));
        }

        /** A terminal registered with merchant category {@code mcc}: the registry's category is the one policy sees. */
        String terminal(final int n, final int mcc) {
            return harness.terminal(id(n), TerminalStatus.ACTIVE, "lane", 276, "EU", mcc, "2.5.0", false);
        }

        String id(final int n) {
            return String.format("R%03dT%d", index, n);
        }

        RuleScenarioHarness.Request request(final int card, final String terminal) {
            return harness.request(card(card), terminal);
        }

        RuleScenarioHarness h() {
            return harness;
        }
    }

    @BeforeAll
    void launch(@TempDir final Path folder) {
        harness = new RuleScenarioHarness(folder, RULES);
        harness.engine().blocklist().add(RuleScenarioHarness.pan("411111", 999_001), BlockReason.STOLEN,
            BlocklistEntry.NO_EXPIRY, "");
        harness.engine().blocklist().add(RuleScenarioHarness.pan("411111", 999_002), BlockReason.LOST,
            BlocklistEntry.NO_EXPIRY, "");
    }

    @AfterAll
    void close() {
        harness.close();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("scenarios")
    void answersWithTheExpectedCodeAndRule(final Scenario scenario) {
        harness.advance(Duration.ofHours(3));
        final Decision decision = scenario.run().apply(new Context(++row));
        assertEquals(scenario.responseCode(), decision.responseCode(), decision.toString());
        assertEquals(scenario.ruleId(), decision.ruleId(), decision.toString());
        assertEquals(scenario.dryRunRuleId(), decision.dryRunRuleId(), decision.toString());
    }

    static Scenario row(final String name, final int code, final int rule, final Function<Context, Decision> run) {
        return new Scenario(name, run, code, rule, 0);
    }

    static List<Arguments> scenarios() {
        final List<Scenario> rows = new ArrayList<>();
        // approval
        rows.add(row("a clean request is approved", 0, 0, c -> c.request(1, c.terminal(1)).send()));
        // terminal registry
        rows.add(row("an unknown terminal is refused 58", 58, 101, c -> c.request(1, "NOSUCH01").send()));
        rows.add(row("a disabled terminal is refused 58", 58, 102, c -> c.request(1, c.h().terminal(c.id(1),
            TerminalStatus.DISABLED, "lane", 276, "EU", 5411, "2.5.0", false)).send()));
        rows.add(row("a suspended terminal is refused 58", 58, 103, c -> c.request(1, c.h().terminal(c.id(1),
            TerminalStatus.SUSPENDED, "lane", 276, "EU", 5411, "2.5.0", false)).send()));
        rows.add(row("a faulty terminal is refused 91", 91, 104, c -> c.request(1, c.h().terminal(c.id(1),
            TerminalStatus.FAULTY, "lane", 276, "EU", 5411, "2.5.0", false)).send()));
        rows.add(row("software older than the model's minimum is refused 58", 58, 105, c -> c.request(1,
            c.h().terminal(c.id(1), TerminalStatus.ACTIVE, "lane", 276, "EU", 5411, "2.3.9", false)).send()));
        rows.add(row("software at the minimum is approved", 0, 0, c -> c.request(1,
            c.h().terminal(c.id(1), TerminalStatus.ACTIVE, "lane", 276, "EU", 5411, "2.4", false)).send()));
        rows.add(row("field 42 not the registered merchant is refused 03", 3, 106,
            c -> c.request(1, c.terminal(1)).merchant("OTHERMERCHANT01").send()));
        rows.add(row("a terminal that must sign on and has not is refused 58", 58, 107, c -> c.request(1,
            c.h().terminal(c.id(1), TerminalStatus.ACTIVE, "lane", 276, "EU", 5411, "2.5.0", true)).send()));
        rows.add(row("a sign-on is answered 00", 0, 0, c -> c.request(1,
            c.h().terminal(c.id(1), TerminalStatus.ACTIVE, "lane", 276, "EU", 5411, "2.5.0", true))
            .networkManagement(1).send()));
        rows.add(row("after sign-on the terminal transacts", 0, 0, c -> {
            final String terminal = c.h().terminal(c.id(1), TerminalStatus.ACTIVE, "lane", 276, "EU", 5411, "2.5.0",
                true);
            c.request(1, terminal).networkManagement(1).send();
            return c.request(1, terminal).send();
        }));
        rows.add(row("after sign-off the terminal is refused again", 58, 107, c -> {
            final String terminal = c.h().terminal(c.id(1), TerminalStatus.ACTIVE, "lane", 276, "EU", 5411, "2.5.0",
                true);
            c.request(1, terminal).networkManagement(1).send();
            c.request(1, terminal).networkManagement(2).send();
            return c.request(1, terminal).send();
        }));
        rows.add(row("an echo is answered 00", 0, 0, c -> c.request(1, c.terminal(1)).networkManagement(301).send()));
        rows.add(row("a sign-on from an unknown terminal is refused 58", 58, 101,
            c -> c.request(1, "NOSUCH02").networkManagement(1).send()));
        rows.add(row("a sign-on from a disabled terminal is refused 58", 58, 102, c -> c.request(1,
            c.h().terminal(c.id(1), TerminalStatus.DISABLED, "lane", 276, "EU", 5411, "2.5.0", true))
            .networkManagement(1).send()));
        rows.add(row("field 41 missing is a format error 30", 30, 108,
            c -> c.request(1, c.terminal(1)).sendWithout(41)));
        // card data
        rows.add(row("a PAN of 11 digits is refused 14", 14, 201,
            c -> c.h().request("41111111111", c.terminal(1)).send()));
        rows.add(row("a PAN of 20 digits is refused 14", 14, 201,
            c -> c.h().request("41111111111111111111", c.terminal(1)).send()));
        rows.add(row("a PAN with a wrong Luhn digit is refused 14", 14, 202,
            c -> c.h().request(RuleScenarioHarness.badLuhn(c.card(1)), c.terminal(1)).send()));
        rows.add(row("a missing PAN is a format error 30", 30, 203,
            c -> c.request(1, c.terminal(1)).sendWithout(2)));
        rows.add(row("a missing processing code is a format error 30", 30, 203,
            c -> c.request(1, c.terminal(1)).sendWithout(3)));
        rows.add(row("a missing amount is a format error 30", 30, 203,
            c -> c.request(1, c.terminal(1)).sendWithout(4)));
        rows.add(row("a missing expiry is a format error 30", 30, 203,
            c -> c.request(1, c.terminal(1)).sendWithout(14)));
        rows.add(row("a missing POS entry mode is a format error 30", 30, 203,
            c -> c.request(1, c.terminal(1)).sendWithout(22)));
        rows.add(row("a missing merchant id is a format error 30", 30, 203,
            c -> c.request(1, c.terminal(1)).sendWithout(42)));
        rows.add(row("a missing currency is a format error 30", 30, 203,
            c -> c.request(1, c.terminal(1)).sendWithout(49)));
        rows.add(row("an expiry month 13 is a format error 30", 30, 204,
            c -> c.request(1, c.terminal(1)).expiry(2813).send()));
        rows.add(row("an expired card is refused 54", 54, 205,
            c -> c.request(1, c.terminal(1)).expiry(2602).send()));
        rows.add(row("a card expiring this month is approved", 0, 0,
            c -> c.request(1, c.terminal(1)).expiry(2603).send()));
        rows.add(row("a zero amount is refused 13", 13, 206, c -> c.request(1, c.terminal(1)).amount(0).send()));
        rows.add(row("a negative amount is refused 13", 13, 206, c -> c.request(1, c.terminal(1)).amount(-5).send()));
        rows.add(row("an amount beyond twelve digits is refused 13", 13, 206,
            c -> c.request(1, c.terminal(1)).amount(1_000_000_000_000L).send()));
        rows.add(row("a currency not accepted is refused 58", 58, 207,
            c -> c.request(1, c.terminal(1)).currency(392).send()));
        rows.add(row("an accepted currency (USD) is approved", 0, 0,
            c -> c.request(1, c.terminal(1)).currency(840).send()));
        // blocklist
        rows.add(row("a stolen card is refused 43", 43, 301,
            c -> c.h().request(RuleScenarioHarness.pan("411111", 999_001), c.terminal(1)).send()));
        rows.add(row("a lost card is refused 41", 41, 301,
            c -> c.h().request(RuleScenarioHarness.pan("411111", 999_002), c.terminal(1)).send()));
        // policy
        rows.add(row("gambling (7995) is declined 57", 57, 402,
            c -> c.request(1, c.terminal(1, 7995)).send()));
        rows.add(row("an MCC inside a range (7801) is declined 57", 57, 402,
            c -> c.request(1, c.terminal(1, 7801)).send()));
        rows.add(row("an allow rule for a merchant ends the policy stage", 0, 0, c -> {
            c.h().engine().terminals().set(new dev.cardgate.engine.terminal.TerminalRecord(c.id(1), "VIPMERCHANT0001",
                7995, 276, "EU", "lane", TerminalStatus.ACTIVE, "A920", "2.5.0", false, false, 0));
            return c.request(1, c.id(1)).merchant("VIPMERCHANT0001").merchantCategory(7995).send();
        }));
        rows.add(row("magnetic-stripe fallback is declined 62", 62, 403,
            c -> c.request(1, c.terminal(1)).entryMode(801).send()));
        rows.add(row("contactless is approved", 0, 0, c -> c.request(1, c.terminal(1)).entryMode(71).send()));
        rows.add(row("a blocked BIN is declined 62", 62, 404,
            c -> c.h().request(RuleScenarioHarness.pan("499999", c.index), c.terminal(1)).send()));
        rows.add(row("a BIN inside a blocked range is declined 62", 62, 404,
            c -> c.h().request(RuleScenarioHarness.pan("510050", c.index), c.terminal(1)).send()));
        rows.add(row("a terminal in a sanctioned country is declined 93", 93, 405, c -> c.request(1,
            c.h().terminal(c.id(1), TerminalStatus.ACTIVE, "lane", 408, "ASIA", 5411, "2.5.0", false)).send()));
        rows.add(row("a kiosk at 23:00 local is declined 57", 57, 406, c -> c.request(1,
            c.h().terminal(c.id(1), TerminalStatus.ACTIVE, "kiosk", 276, "EU", 5411, "2.5.0", false))
            .localTime(230_000).send()));
        rows.add(row("a kiosk at 05:59 local is declined 57 (hours wrap)", 57, 406, c -> c.request(1,
            c.h().terminal(c.id(1), TerminalStatus.ACTIVE, "kiosk", 276, "EU", 5411, "2.5.0", false))
            .localTime(55_959).send()));
        rows.add(row("a kiosk at noon is approved", 0, 0, c -> c.request(1,
            c.h().terminal(c.id(1), TerminalStatus.ACTIVE, "kiosk", 276, "EU", 5411, "2.5.0", false))
            .localTime(120_000).send()));
        rows.add(row("a lane (not a kiosk) at 23:00 is approved", 0, 0,
            c -> c.request(1, c.terminal(1)).localTime(230_000).send()));
        rows.add(row("cash at an ATM in region ASIA is declined 57 (registry MCC)", 57, 407, c -> c.request(1,
            c.h().terminal(c.id(1), TerminalStatus.ACTIVE, "atm", 392, "ASIA", 6011, "2.5.0", false)).send()));
        rows.add(new Scenario("a dry-run rule approves and names itself", c -> c.request(1,
            c.h().terminal(c.id(1), TerminalStatus.ACTIVE, "lane", 276, "EU", 5813, "2.5.0", false)).send(), 0, 0, 408));
        // risk: limits
        rows.add(row("an amount above the single cap is declined 61", 61, 501,
            c -> c.request(1, c.terminal(1)).amount(500_001).send()));
        rows.add(row("an amount at the single cap is approved", 0, 0, c -> {
            c.h().engine().terminals().set(new dev.cardgate.engine.terminal.TerminalRecord(c.id(1), "MERCHANT0000001",
                5411, 276, "EU", "lane", TerminalStatus.ACTIVE, "A920", "2.5.0", false, false, 0));
            return c.request(1, c.id(1)).amount(250_000).send();
        }));
        rows.add(row("manual entry above its cap is declined 13", 13, 502,
            c -> c.request(1, c.terminal(1)).entryMode(11).amount(20_001).send()));
        rows.add(row("a fuel station above its cap is declined 61", 61, 503, c -> c.request(1,
            c.h().terminal(c.id(1), TerminalStatus.ACTIVE, "fuel", 276, "EU", 5541, "2.5.0", false))
            .amount(15_001).send()));
        // risk: velocity
        rows.add(row("the fourth approval within a minute is declined 65", 65, 511, c -> {
            final String terminal = c.terminal(1);
            for (int i = 0; i < 3; i++) {
                c.request(1, terminal).send();
            }
            return c.request(1, terminal).send();
        }));
        rows.add(row("after the minute has passed the card is approved again", 0, 0, c -> {
            final String terminal = c.terminal(1);
            for (int i = 0; i < 3; i++) {
                c.request(1, terminal).send();
            }
            c.h().advance(Duration.ofSeconds(61));
            return c.request(1, terminal).send();
        }));
        rows.add(row("declines do not count toward velocity", 0, 0, c -> {
            final String gambling = c.terminal(1, 7995);
            for (int i = 0; i < 3; i++) {
                c.request(1, gambling).send();
            }
            return c.request(1, c.terminal(2)).send();
        }));
        rows.add(row("a daily amount above the limit is declined 61", 61, 512, c -> {
            final String terminal = c.terminal(1);
            for (int i = 0; i < 3; i++) {
                c.request(1, terminal).amount(100_000).send();
                c.h().advance(Duration.ofMinutes(2));
            }
            return c.request(1, terminal).amount(1).send();
        }));
        // duplicates and reversals
        rows.add(row("a duplicate is answered as the first", 0, 0, c -> {
            final RuleScenarioHarness.Request first = c.request(1, c.terminal(1));
            final Decision original = first.send();
            final Decision repeated = first.repeat();
            assertEquals(original.authorizationId(), repeated.authorizationId());
            return repeated;
        }));
        rows.add(row("a duplicate of a decline is declined the same way", 57, 402, c -> {
            final RuleScenarioHarness.Request first = c.request(1, c.terminal(1, 7995));
            first.send();
            return first.repeat();
        }));
        rows.add(row("a duplicate is not counted twice toward velocity", 0, 0, c -> {
            final String terminal = c.terminal(1);
            final RuleScenarioHarness.Request first = c.request(1, terminal);
            first.send();
            first.repeat();
            first.repeat();
            c.request(1, terminal).send();
            return c.request(1, terminal).send();
        }));
        rows.add(row("the same STAN and time with another card is not a duplicate", 43, 301, c -> {
            final RuleScenarioHarness.Request first = c.request(1, c.terminal(1));
            first.send();
            return c.h().engine().authorize(RuleScenarioHarness.pan("411111", 999_001), AuthorizationRequestData
                .builder().messageTypeIndicator(100).processingCode(0).systemTraceAuditNumber(first.stanValue)
                .transmissionDateTime(first.transmissionValue).terminalId(c.id(1)).merchantId("MERCHANT0000001")
                .expiryYearMonth(2812).amountMinor(1_000).currencyCode(978).posEntryMode(51).build());
        }));
        rows.add(row("a reversal is acknowledged 00", 0, 0, c -> {
            final String terminal = c.terminal(1);
            final RuleScenarioHarness.Request original = c.request(1, terminal);
            original.send();
            return c.request(1, terminal).reversing(original).send();
        }));
        rows.add(row("a reversal gives back the velocity its original consumed", 0, 0, c -> {
            final String terminal = c.terminal(1);
            c.request(1, terminal).send();
            c.request(1, terminal).send();
            final RuleScenarioHarness.Request third = c.request(1, terminal);
            third.send();
            c.request(1, terminal).reversing(third).send();
            return c.request(1, terminal).send();
        }));
        rows.add(row("a repeated reversal gives back only once", 65, 511, c -> {
            final String terminal = c.terminal(1);
            c.request(1, terminal).send();
            c.request(1, terminal).send();
            final RuleScenarioHarness.Request third = c.request(1, terminal);
            third.send();
            c.request(1, terminal).reversing(third).send();
            c.request(1, terminal).reversing(third).send();
            c.request(1, terminal).send();
            return c.request(1, terminal).send();
        }));
        rows.add(row("a reversal of a decline gives nothing back", 65, 511, c -> {
            final String terminal = c.terminal(1);
            final RuleScenarioHarness.Request declined = c.request(1, c.terminal(2, 7995));
            declined.send();
            for (int i = 0; i < 3; i++) {
                c.request(1, terminal).send();
            }
            c.request(1, c.id(2)).reversing(declined).send();
            return c.request(1, terminal).send();
        }));
        rows.add(row("a reversal finds its original by card when another card came first with its STAN and time", 0, 0,
            c -> {
                final String terminal = c.terminal(1);
                c.request(1, terminal).send();
                c.request(1, terminal).send();
                final RuleScenarioHarness.Request third = c.request(1, terminal);
                assertEquals(43, c.h().engine().authorize(RuleScenarioHarness.pan("411111", 999_001),
                    AuthorizationRequestData.builder().messageTypeIndicator(100).processingCode(0)
                        .systemTraceAuditNumber(third.stanValue).transmissionDateTime(third.transmissionValue)
                        .terminalId(c.id(1)).merchantId("MERCHANT0000001").expiryYearMonth(2812).amountMinor(1_000)
                        .currencyCode(978).posEntryMode(51).build()).responseCode());
                third.send();
                c.request(1, terminal).reversing(third).send();
                return c.request(1, terminal).send();
            }));
        rows.add(row("a reversal matched without field 90 (same STAN and time)", 0, 0, c -> {
            final String terminal = c.terminal(1);
            c.request(1, terminal).send();
            c.request(1, terminal).send();
            final RuleScenarioHarness.Request third = c.request(1, terminal);
            third.send();
            third.messageType(400).send();
            return c.request(1, terminal).send();
        }));
        // card testing and travel
        rows.add(row("many distinct cards at one terminal is declined 59", 59, 521, c -> {
            final String terminal = c.terminal(1);
            for (int card = 1; card <= 5; card++) {
                c.request(card, terminal).send();
            }
            return c.request(6, terminal).send();
        }));
        rows.add(row("card testing suspends the terminal: next request 58", 58, 103, c -> {
            final String terminal = c.terminal(1);
            for (int card = 1; card <= 6; card++) {
                c.request(card, terminal).send();
            }
            return c.request(1, terminal).send();
        }));
        rows.add(row("a card seen before at the terminal is not a new card", 0, 0, c -> {
            final String terminal = c.terminal(1);
            for (int card = 1; card <= 5; card++) {
                c.request(card, terminal).send();
            }
            c.h().advance(Duration.ofMinutes(1));
            return c.request(2, terminal).send();
        }));
        rows.add(row("many declines at one terminal is declined 59", 59, 521, c -> {
            final String terminal = c.terminal(1);
            for (int i = 0; i < 4; i++) {
                c.request(1, terminal).expiry(2501).send();
            }
            return c.request(1, terminal).send();
        }));
        rows.add(row("a card in another country within two hours is declined 59", 59, 531, c -> {
            c.request(1, c.terminal(1)).send();
            c.h().advance(Duration.ofMinutes(30));
            return c.request(1, c.h().terminal(c.id(2), TerminalStatus.ACTIVE, "lane", 250, "EU", 5411, "2.5.0",
                false)).send();
        }));
        rows.add(row("the same card abroad after the window is approved", 0, 0, c -> {
            c.request(1, c.terminal(1)).send();
            c.h().advance(Duration.ofMinutes(121));
            return c.request(1, c.h().terminal(c.id(2), TerminalStatus.ACTIVE, "lane", 250, "EU", 5411, "2.5.0",
                false)).send();
        }));
        // the fixed order: terminal, card data, blocklist, policy, risk
        rows.add(row("order: a disabled terminal wins over an expired card", 58, 102, c -> c.request(1,
            c.h().terminal(c.id(1), TerminalStatus.DISABLED, "lane", 276, "EU", 5411, "2.5.0", false))
            .expiry(2501).send()));
        rows.add(row("order: card data wins over the blocklist", 54, 205, c -> c.h().request(
            RuleScenarioHarness.pan("411111", 999_001), c.terminal(1)).expiry(2501).send()));
        rows.add(row("order: the blocklist wins over policy", 43, 301, c -> c.h().request(
            RuleScenarioHarness.pan("411111", 999_001), c.terminal(1, 7995)).send()));
        rows.add(row("order: policy wins over risk", 57, 402,
            c -> c.request(1, c.terminal(1, 7995)).amount(900_000).send()));
        // reload
        rows.add(row("before the reload misc retail is approved", 0, 0,
            c -> c.request(1, c.terminal(1, 5999)).send()));
        rows.add(row("a valid reload takes effect at the next request", 57, 409, c -> {
            c.h().writeRules(RELOADED);
            final RulesReloadReport report = c.h().engine().reloadRules();
            assertTrue(report.accepted(), report.toString());
            return c.request(1, c.terminal(1, 5999)).send();
        }));
        rows.add(row("an invalid reload is refused and the rules in force stay", 57, 409, c -> {
            c.h().writeRules(RELOADED + "policy 410 broken\n  decline 7\nend\n");
            final RulesReloadReport report = c.h().engine().reloadRules();
            assertFalse(report.accepted());
            assertTrue(report.problems().get(0).matches(".*rules\\.conf:\\d+: response code '7' .*"),
                report.problems().toString());
            return c.request(1, c.terminal(1, 5999)).send();
        }));
        rows.add(row("velocity counters survive a reload that keeps the rule", 65, 511, c -> {
            final String terminal = c.terminal(1);
            for (int i = 0; i < 3; i++) {
                c.request(1, terminal).send();
            }
            c.h().writeRules(RELOADED);
            assertTrue(c.h().engine().reloadRules().accepted());
            return c.request(1, terminal).send();
        }));
        final List<Arguments> arguments = new ArrayList<>();
        rows.forEach(scenario -> arguments.add(Arguments.of(scenario)));
        return arguments;
    }
}
