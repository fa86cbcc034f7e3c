package dev.cardgate.engine.rules;

import dev.cardgate.engine.check.DecisionCheck;
import dev.cardgate.engine.check.DecisionStage;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionReason;
import dev.cardgate.engine.event.TransactionKind;
import dev.cardgate.engine.terminal.TerminalSource;
import dev.cardgate.engine.counters.ComponentCounters;
import dev.cardgate.engine.counters.CounterRegistry;

/**
 * The risk rules, last in the chain, in this order: single-amount limits (file order), velocity
 * per card (file order), card testing at the terminal, impossible travel. Each asks whether
 * approving this request would break it, reading the {@link RiskState}; only
 * {@link RiskState#onDecided} changes that state. A card-testing rule with
 * {@code suspend-terminal} also suspends the terminal in the registry. Dry-run rules are noted
 * and counted instead of declining. Decision thread only; allocates nothing.
 */
public final class RiskCheck implements DecisionCheck {
    private final ActiveRules rules;
    private final RequestFacts facts;
    private final RiskState state;
    private final TerminalSource terminals;
    private final ComponentCounters<RulesCounter> counters;
    private int firedRuleId;
    private int firedCode;

    public RiskCheck(final ActiveRules rules, final RequestFacts facts, final RiskState state,
        final TerminalSource terminals, final CounterRegistry counters) {
        this.rules = rules;
        this.facts = facts;
        this.state = state;
        this.terminals = terminals;
        this.counters = counters.component(RulesCounter.class);
    }

    @Override
    public DecisionStage stage() {
        return DecisionStage.RISK;
    }

    @Override
    public int ruleId() {
        return EngineRules.RISK_BASE;
    }

    @Override
    public String ruleName() {
        return "risk";
    }

    @Override
    public String nameOf(final int ruleId) {
        return ruleId >= EngineRules.RISK_BASE && ruleId < EngineRules.RISK_BASE + 100
            ? rules.current().nameOf(ruleId) : null;
    }

    @Override
    public int firedRuleId() {
        return firedRuleId;
    }

    @Override
    public int firedResponseCode(final DecisionReason objection) {
        return firedCode;
    }

    @Override
    public DecisionReason evaluate(final AuthorizationEvent request, final long now) {
        if (request.transactionKind() == TransactionKind.REFUND) {
            // a refund is a credit: the terminal, card and policy checks judge it, not the risk limits
            return null;
        }
        final RuleSet current = rules.current();
        final long amount = request.amountMinor();
        for (int i = 0; i < current.limitCount(); i++) {
            final LimitRule rule = current.limit(i);
            if (amount > rule.maxAmountMinor() && rule.conditions().matches(facts)
                && objects(request, current, rule.ruleId(), rule.responseCode(), rule.dryRun())) {
                return DecisionReason.AMOUNT_LIMIT;
            }
        }
        final int card = state.cardSlot(request.cardTokenHigh(), request.cardTokenLow());
        final DecisionReason velocity = velocity(request, current, card, amount, now);
        if (velocity != null) {
            return velocity;
        }
        final CardTestingRule testing = current.cardTesting();
        if (testing != null && cardTesting(request, testing, now)
            && objects(request, current, testing.ruleId(), testing.responseCode(), testing.dryRun())) {
            if (testing.suspendTerminal() && facts.terminalRegistered) {
                terminals.suspend(facts.terminalKey);
            }
            return DecisionReason.CARD_TESTING;
        }
        final TravelRule travel = current.travel();
        if (travel != null && card >= 0 && state.lastApprovedAt(card) != 0
            && now - state.lastApprovedAt(card) < travel.windowMillis()
            && state.lastCountry(card) != facts.countryCode
            && objects(request, current, travel.ruleId(), travel.responseCode(), travel.dryRun())) {
            return DecisionReason.IMPOSSIBLE_TRAVEL;
        }
        return null;
    }

    private DecisionReason velocity(final AuthorizationEvent request, final RuleSet current, final int card,
        final long amount, final long now) {
        for (int i = 0; i < current.velocityCount(); i++) {
            final VelocityRule rule = current.velocity(i);
            final long count = card >= 0 ? state.lane(i).countAt(card, now) : 0;
            final long sum = card >= 0 ? state.lane(i).amountAt(card, now) : 0;
            if (rule.maxCount() != VelocityRule.UNLIMITED && count + 1 > rule.maxCount()
                && objects(request, current, rule.ruleId(), rule.countResponseCode(), rule.dryRun())) {
                return DecisionReason.VELOCITY_COUNT;
            }
            if (rule.maxAmountMinor() != VelocityRule.UNLIMITED && sum + amount > rule.maxAmountMinor()
                && objects(request, current, rule.ruleId(), rule.amountResponseCode(), rule.dryRun())) {
                return DecisionReason.VELOCITY_AMOUNT;
            }
        }
        return null;
    }

    private boolean cardTesting(final AuthorizationEvent request, final CardTestingRule rule, final long now) {
        final int terminal = state.terminalSlot(facts.terminalKey);
        if (terminal < 0) {
            return false;
        }
        if (rule.maxDistinctCards() != CardTestingRule.UNLIMITED
            && state.distinctCardsWith(terminal, request.cardTokenHigh(), request.cardTokenLow(), now,
            rule.windowMillis()) > rule.maxDistinctCards()) {
            return true;
        }
        return rule.maxDeclines() != CardTestingRule.UNLIMITED
            && state.declines(terminal, now, rule.windowMillis()) >= rule.maxDeclines();
    }

    /** True when the rule declines; false (after noting it) when it only dry-runs. */
    private boolean objects(final AuthorizationEvent request, final RuleSet current, final int ruleId,
        final int responseCode, final boolean dryRun) {
        if (dryRun || current.dryRunAll()) {
            if (request.dryRunRuleId() == AuthorizationEvent.NO_RULE) {
                request.noteDryRun(ruleId);
                counters.increment(RulesCounter.DRY_RUN_DECLINES);
            }
            return false;
        }
        firedRuleId = ruleId;
        firedCode = responseCode;
        return true;
    }
}
