package dev.cardgate.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.terminal.AsciiCodes;

class RulesParserTest {
    @Test
    void theShippedRulesFileIsValid() {
        final RuleSet rules = RulesParser.parse(Path.of("../..", "config", "rules.conf"));
        assertEquals(6, rules.policyCount());
        assertEquals(2, rules.velocityCount());
        assertTrue(rules.acceptsCurrency(978));
        assertFalse(rules.acceptsCurrency(392));
        assertEquals(AsciiCodes.packVersion("2.4.0"), rules.minimumSoftwareVersion(AsciiCodes.pack("A920")));
        assertEquals("policy.no-gambling", rules.nameOf(402));
    }

    @Test
    void everyProblemIsReportedWithItsLine() {
        final RulesFileException refused = assertThrows(RulesFileException.class, () -> RulesParser.parse("r.conf",
            List.of(
                "accept-currencies 978 abc",
                "policy 401 ok",
                "  decline 57",
                "  countries 1000",
                "end",
                "policy 401 again",
                "  allow",
                "end",
                "velocity 399 wrong-range",
                "  window 5x",
                "end",
                "limit 502 no-max",
                "  hours 25:00-01:00",
                "end",
                "frobnicate",
                "card-testing 521 open")));
        final List<String> problems = refused.problems();
        assertTrue(problems.contains("r.conf:1: currency code 'abc' is not a whole number"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("r.conf:4: countries value '1000'")), problems.toString());
        assertTrue(problems.contains("r.conf:6: rule id 401 is used already on line 2"), problems.toString());
        assertTrue(problems.contains("r.conf:9: rule id 399 is not from 500 to 599"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("r.conf:10: duration '5x'")), problems.toString());
        assertTrue(problems.contains("r.conf:12: limit 502: a limit rule needs 'max-amount N'"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("r.conf:13: hours '25:00-01:00'")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("r.conf:15: unknown directive 'frobnicate'")));
        assertTrue(problems.contains("r.conf:16: card-testing 521 is not closed: add a line 'end'"), problems.toString());
    }

    @Test
    void anUnclosedBlockIsNamedOnceAndTheLinesAfterItReadAsWhatTheyAre() {
        final RulesFileException invalid = assertThrows(RulesFileException.class, () -> RulesParser.parse("r.conf",
            List.of("policy 4x1 bad-id", "  decline 57", "policy 402 second", "  decline 62", "  countries 840",
                "end", "limit 501 unclosed", "  max-amount 100")));
        assertEquals(List.of("r.conf:1: rule id '4x1' is not a whole number",
            "r.conf:1: the policy block is not closed before line 3: add a line 'end'",
            "r.conf:7: limit 501 is not closed: add a line 'end'"), invalid.problems());
    }

    @Test
    void conditionsCompileIntoRangesAndBitsets() {
        final RuleSet rules = RulesParser.parse("r.conf", List.of(
            "policy 401 mixed", "  decline 62", "  cards 4 510000-510099 5", "  merchant-categories 7800-7802 5411",
            "  entry-modes 80 90", "end"));
        final RuleConditions conditions = rules.policy(0).conditions();
        final RequestFacts facts = new RequestFacts();
        facts.bin = 411111;
        facts.merchantCategoryCode = 7801;
        facts.panEntryMode = 90;
        assertTrue(conditions.matches(facts));
        facts.bin = 620000;
        assertFalse(conditions.matches(facts));
        facts.bin = 555555;
        assertTrue(conditions.matches(facts));
        facts.merchantCategoryCode = 7803;
        assertFalse(conditions.matches(facts));
    }

    @Test
    void defaultsRequireTheFieldsTheCardChecksNeed() {
        final long required = RuleSet.defaults().requiredFields(100);
        assertEquals(AuthorizationEvent.fieldBit(2), required & AuthorizationEvent.fieldBit(2));
        assertEquals(0, required & AuthorizationEvent.fieldBit(22));
    }
}
