package dev.cardgate.engine.rules;

import dev.cardgate.engine.check.DecisionCheck;
import dev.cardgate.engine.check.DecisionStage;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionReason;
import dev.cardgate.engine.counters.ComponentCounters;
import dev.cardgate.engine.counters.CounterRegistry;

/**
 * The policy rules of the rules file, in file order: the first rule that matches the request
 * decides: a decline rule declines with its code, an allow rule ends the policy stage (later
 * policy rules are not looked at; risk rules still run). A rule in dry-run mode that matches is
 * noted on the event and counted, and evaluation goes on as if it had not matched.
 * Decision thread only; allocates nothing.
 */
public final class PolicyCheck implements DecisionCheck {
    private final ActiveRules rules;
    private final RequestFacts facts;
    private final ComponentCounters<RulesCounter> counters;
    private PolicyRule fired;

    public PolicyCheck(final ActiveRules rules, final RequestFacts facts, final CounterRegistry counters) {
        this.rules = rules;
        this.facts = facts;
        this.counters = counters.component(RulesCounter.class);
    }

    @Override
    public DecisionStage stage() {
        return DecisionStage.POLICY;
    }

    @Override
    public int ruleId() {
        return EngineRules.POLICY_BASE;
    }

    @Override
    public String ruleName() {
        return "policy";
    }

    @Override
    public String nameOf(final int ruleId) {
        return ruleId >= EngineRules.POLICY_BASE && ruleId < EngineRules.RISK_BASE ? rules.current().nameOf(ruleId)
            : null;
    }

    @Override
    public int firedRuleId() {
        return fired.ruleId();
    }

    @Override
    public int firedResponseCode(final DecisionReason objection) {
        return fired.responseCode();
    }

    @Override
    public DecisionReason evaluate(final AuthorizationEvent request, final long nowEpochMillis) {
        final RuleSet current = rules.current();
        for (int i = 0; i < current.policyCount(); i++) {
            final PolicyRule rule = current.policy(i);
            if (!rule.conditions().matches(facts)) {
                continue;
            }
            if (rule.dryRun() || current.dryRunAll()) {
                if (!rule.allow() && request.dryRunRuleId() == AuthorizationEvent.NO_RULE) {
                    request.noteDryRun(rule.ruleId());
                    counters.increment(RulesCounter.DRY_RUN_DECLINES);
                }
                continue;
            }
            if (rule.allow()) {
                return null;
            }
            fired = rule;
            return DecisionReason.POLICY_DECLINED;
        }
        return null;
    }
}
