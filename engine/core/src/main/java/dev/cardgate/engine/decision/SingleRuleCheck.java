package dev.cardgate.engine.decision;

import dev.cardgate.engine.check.DecisionStage;
import dev.cardgate.engine.check.DecisionCheck;
/**
 * A check that owns one rule, or one main rule and a few of its own (which override
 * {@link #nameOf} and {@link #firedRuleId}): holds where it runs, its id and its name, so that
 * each check says only what it objects to.
 */
abstract class SingleRuleCheck implements DecisionCheck {
    private final DecisionStage stage;
    private final int ruleId;
    private final String ruleName;

    SingleRuleCheck(final DecisionStage stage, final int ruleId, final String ruleName) {
        this.stage = stage;
        this.ruleId = ruleId;
        this.ruleName = ruleName;
    }

    @Override
    public final DecisionStage stage() {
        return stage;
    }

    @Override
    public final int ruleId() {
        return ruleId;
    }

    @Override
    public final String ruleName() {
        return ruleName;
    }
}
