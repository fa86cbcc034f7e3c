package dev.cardgate.engine.decision;

import dev.cardgate.engine.batch.TerminalDay;
import dev.cardgate.engine.rules.ActiveRules;
import dev.cardgate.engine.rules.RequestFacts;
import dev.cardgate.engine.rules.RiskState;
import dev.cardgate.engine.rules.RulesCounter;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionReason;
import dev.cardgate.engine.counters.ComponentCounters;
import dev.cardgate.engine.counters.CounterRegistry;

/**
 * The decision handler's first step for each event: installs reloaded rules (between two events,
 * so no event sees two rule sets), then routes by message class: network management (08xx) to
 * the terminal registry and answered there; reversals (04xx) acknowledged with 00 (a reversal is
 * never refused, or the terminal would repeat it; the risk state gives back what the original
 * consumed when told of the decision); a duplicate request answered as its first. Everything else
 * goes through the chain. Before all that the terminal day (when given) stamps each message's
 * kind and batch and decides advices, voids, batch uploads and settlements itself. Decision
 * thread only; allocates nothing.
 */
public final class MessageRouter implements DecisionPrelude {
    private final ActiveRules rules;
    private final RiskState risk;
    private final TerminalCheck terminalCheck;
    private final RequestFacts facts;
    private final ComponentCounters<RulesCounter> counters;
    private final TerminalDay terminalDay;

    public MessageRouter(final ActiveRules rules, final RiskState risk, final TerminalCheck terminalCheck,
        final RequestFacts facts, final CounterRegistry counters) {
        this(rules, risk, terminalCheck, facts, counters, null);
    }

    /** @param terminalDay stamps and decides the terminal day's messages; null for none */
    public MessageRouter(final ActiveRules rules, final RiskState risk, final TerminalCheck terminalCheck,
        final RequestFacts facts, final CounterRegistry counters, final TerminalDay terminalDay) {
        this.terminalDay = terminalDay;
        this.rules = rules;
        this.risk = risk;
        this.terminalCheck = terminalCheck;
        this.facts = facts;
        this.counters = counters.component(RulesCounter.class);
    }

    @Override
    public boolean decideBeforeChain(final AuthorizationEvent event, final long nowEpochMillis) {
        facts.resolvedFor = null;
        final ActiveRules.PreparedRules offered = rules.takeOffered();
        if (offered != null) {
            risk.install(offered.rules(), offered.freshLanes());
            counters.increment(RulesCounter.RELOADS);
        }
        if (terminalDay != null && terminalDay.decideBeforeChain(event, nowEpochMillis)) {
            return true;
        }
        final int messageClass = event.messageTypeIndicator() / 100 % 10;
        if (messageClass == 8) {
            terminalCheck.decideNetworkManagement(event, nowEpochMillis);
            counters.increment(RulesCounter.NETWORK_MANAGEMENT);
            return true;
        }
        if (messageClass == 4) {
            event.acknowledge(DecisionReason.REVERSAL_ACCEPTED, nowEpochMillis);
            return true;
        }
        return risk.repeatIfDuplicate(event, nowEpochMillis);
    }
}
