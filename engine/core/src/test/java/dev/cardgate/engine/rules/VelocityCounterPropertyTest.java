package dev.cardgate.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionReason;

/**
 * The velocity counters of {@link RiskState}, fed any sequence of decided requests, duplicates and
 * reversals of a few cards: never negative, never more than what was approved (and not
 * reversed) in the window, and a reversal of every approval brings them back to zero.
 */
class VelocityCounterPropertyTest {
    private static final long START = 1_773_144_000_000L;
    private static final int CARDS = 3;
    private static final RuleSet RULES = RulesParser.parse("property", List.of(
        "velocity 511 count", "  window 1h", "  max-count 1000", "end",
        "velocity 512 amount", "  window 1d", "  max-amount 999999999", "end"));

    /** One step: a request (approved or declined), a duplicate of an earlier one, or a reversal of one. */
    record Step(int kind, int card, long amount, boolean approved, int target) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        final Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 2),
            Arbitraries.integers().between(0, CARDS - 1), Arbitraries.longs().between(1, 50_000),
            Arbitraries.of(true, true, false), Arbitraries.integers().between(0, 1_000))
            .as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 300)
    void countersNeverGoNegativeNorExceedWhatWasApproved(@ForAll("steps") final List<Step> steps) {
        final Model model = new Model();
        for (final Step step : steps) {
            model.apply(step);
            model.assertConsistent();
        }
    }

    @Property(tries = 300)
    void reversingEveryApprovalRestoresTheCounters(@ForAll("steps") final List<Step> steps) {
        final Model model = new Model();
        for (final Step step : steps) {
            model.apply(step);
        }
        for (int i = 0; i < model.sent.size(); i++) {
            model.reverse(i);
        }
        for (int card = 0; card < CARDS; card++) {
            assertEquals(0, model.state.velocityCount(0, 1, card, model.now), "count of card " + card);
            assertEquals(0, model.state.velocityAmount(1, 1, card, model.now), "amount of card " + card);
        }
    }

    /** The risk state under test and what a correct one would count. */
    private static final class Model {
        final RiskState state = new RiskState(100, 100, 1_000, RULES, new RequestFacts(), event -> 276);
        final AuthorizationEvent event = new AuthorizationEvent();
        final List<long[]> sent = new ArrayList<>();
        final List<Boolean> reversed = new ArrayList<>();
        long now = START;
        int stan;

        void apply(final Step step) {
            now += 1_000;
            if (step.kind() == 1 && !sent.isEmpty()) {
                final long[] original = sent.get(step.target() % sent.size());
                decide(100, (int)original[0], (int)original[1], original[2], original[3] == 1);
                return;
            }
            if (step.kind() == 2 && !sent.isEmpty()) {
                reverse(step.target() % sent.size());
                return;
            }
            stan++;
            sent.add(new long[] {stan, step.card(), step.amount(), step.approved() ? 1 : 0});
            reversed.add(false);
            decide(100, stan, step.card(), step.amount(), step.approved());
        }

        void reverse(final int index) {
            final long[] original = sent.get(index);
            event.clear().messageTypeIndicator(400).systemTraceAuditNumber(999_000 + index).terminalId("TERM0001")
                .originalMessageType(100).originalSystemTraceAuditNumber((int)original[0])
                .originalTransmissionDateTime(original[0]).cardToken(1, original[1]);
            event.acknowledge(DecisionReason.REVERSAL_ACCEPTED, now);
            state.onDecided(event);
            reversed.set(index, true);
        }

        private void decide(final int mti, final int stanValue, final int card, final long amount,
            final boolean approve) {
            event.clear().messageTypeIndicator(mti).systemTraceAuditNumber(stanValue).transmissionDateTime(stanValue)
                .terminalId("TERM0001").cardToken(1, card).amountMinor(amount);
            if (approve) {
                event.approve(stanValue, now);
            }
            else {
                event.decline(DecisionReason.POLICY_DECLINED, 402, now);
            }
            state.onDecided(event);
        }

        void assertConsistent() {
            for (int card = 0; card < CARDS; card++) {
                long approvedCount = 0;
                long approvedAmount = 0;
                for (int i = 0; i < sent.size(); i++) {
                    final long[] request = sent.get(i);
                    if (request[1] == card && request[3] == 1 && !reversed.get(i)) {
                        approvedCount++;
                        approvedAmount += request[2];
                    }
                }
                final long count = state.velocityCount(0, 1, card, now);
                final long amount = state.velocityAmount(1, 1, card, now);
                assertTrue(count >= 0 && amount >= 0, "negative counters " + count + ", " + amount);
                assertEquals(approvedCount, count, "count of card " + card);
                assertEquals(approvedAmount, amount, "amount of card " + card);
            }
        }
    }
}
