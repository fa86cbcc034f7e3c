package dev.cardgate.engine.decision;

import dev.cardgate.engine.check.DecisionStage;
import dev.cardgate.engine.check.DecisionCheck;
import dev.cardgate.engine.rules.EngineRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionReason;

/**
 * The checks of the decision thread, run in {@link DecisionStage} order (checks of one stage in
 * the order given); the first objection declines the request, no objection approves it.
 *
 * <p>The checks are held in an array fixed at construction, so adding a check changes no
 * allocation behaviour: a decision walks the array and writes primitives into the event.
 * Decision thread only.
 */
public final class DecisionChain {
    private final DecisionCheck[] checks;
    private final Map<Integer, String> ruleNames = new HashMap<>();

    public DecisionChain(final List<? extends DecisionCheck> checks) {
        final List<DecisionCheck> ordered = new ArrayList<>(checks);
        ordered.sort(Comparator.comparing(DecisionCheck::stage));
        for (final DecisionCheck check : ordered) {
            final int ruleId = check.ruleId();
            if (ruleId == EngineRules.NONE || EngineRules.guardName(ruleId) != null) {
                throw new IllegalArgumentException(
                    "check " + check.ruleName() + " uses rule id " + ruleId + ", which the engine reserves");
            }
            final String previous = ruleNames.putIfAbsent(ruleId, check.ruleName());
            if (previous != null) {
                throw new IllegalArgumentException(
                    "checks " + previous + " and " + check.ruleName() + " share rule id " + ruleId);
            }
        }
        this.checks = ordered.toArray(new DecisionCheck[0]);
    }

    /**
     * Decides {@code event}: declines it with the first objection, or approves it with the next
     * authorization id.
     */
    public void decide(final AuthorizationEvent event, final long nowEpochMillis,
        final AuthorizationIdGenerator authorizationIds) {
        for (final DecisionCheck check : checks) {
            final DecisionReason objection = check.evaluate(event, nowEpochMillis);
            if (objection != null) {
                event.decline(objection, check.firedRuleId(), check.firedResponseCode(objection), nowEpochMillis);
                return;
            }
        }
        event.approve(authorizationIds.next(), nowEpochMillis);
    }

    /** The name of a rule of this chain or of the engine's guards; "rule-N" if unknown. */
    public String ruleName(final int ruleId) {
        final String guard = EngineRules.guardName(ruleId);
        if (guard != null) {
            return guard;
        }
        final String name = ruleNames.get(ruleId);
        if (name != null) {
            return name;
        }
        for (final DecisionCheck check : checks) {
            final String owned = check.nameOf(ruleId);
            if (owned != null) {
                return owned;
            }
        }
        return "rule-" + ruleId;
    }

    /** The checks in the order they run, for start-up logs and tests. */
    public List<String> ruleNamesInOrder() {
        final List<String> names = new ArrayList<>(checks.length);
        for (final DecisionCheck check : checks) {
            names.add(check.stage() + ":" + check.ruleName());
        }
        return names;
    }
}
