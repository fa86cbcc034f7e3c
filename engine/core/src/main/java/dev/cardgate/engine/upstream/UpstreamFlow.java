package dev.cardgate.engine.upstream;

import java.util.function.LongSupplier;

import dev.cardgate.engine.config.StandInConfiguration;
import dev.cardgate.engine.counters.ComponentCounters;
import dev.cardgate.engine.counters.CounterRegistry;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.AuthorizationSlotDescriptor;
import dev.cardgate.engine.event.DecisionReason;
import dev.cardgate.engine.rules.EngineRules;

/**
 * The decision thread's half of the upstream flow: after the local checks, whether a request is
 * forwarded, decided in stand-in or left as decided; and, for an outcome the link reported, the
 * final decision. What it writes into the event (the Outcome Kind, the stored messages to
 * queue) the journal records, the store-and-forward stage keeps, and the reply stage acts on
 * (a forwarded approval goes to the link instead of the terminal's listener).
 *
 * <p>Decision thread only. Reads the link's state once per request that passed every local
 * check (a volatile read), never waits on the network, allocates nothing.
 */
public final class UpstreamFlow {
    /** Stand-in authorization ids start with 'S' (digit 28 of the base-36 alphabet): 'S' then five characters. */
    public static final long STAND_IN_ID_BASE = 28L * 60_466_176L;
    private static final long STAND_IN_ID_SPAN = 60_466_176L;
    private static final int ANSWERED = UpstreamOutcome.ANSWERED.ordinal() + 1;
    private static final int TIMED_OUT = UpstreamOutcome.TIMED_OUT.ordinal() + 1;
    private static final int LINK_LOST = UpstreamOutcome.LINK_LOST.ordinal() + 1;

    private final UpstreamLink link;
    private final StandInLimits limits;
    private final boolean standInOnTimeout;
    private final LongSupplier authorizationIds;
    private final ApprovedOriginals originals;
    private final ComponentCounters<UpstreamFlowCounter> counters;

    /**
     * @param authorizationIds the source of fresh authorization ids (below 36^6), of which a
     *                         stand-in approval keeps five characters behind its 'S'
     */
    public UpstreamFlow(final UpstreamLink link, final StandInLimits limits, final StandInConfiguration configuration,
        final LongSupplier authorizationIds, final ApprovedOriginals originals, final CounterRegistry counters) {
        this.link = link;
        this.limits = limits;
        this.standInOnTimeout = configuration.onTimeout() == StandInConfiguration.TimeoutAnswer.STAND_IN;
        this.authorizationIds = authorizationIds;
        this.originals = originals;
        this.counters = counters.component(UpstreamFlowCounter.class);
    }

    /** Upstream Event value of an outcome: {@link UpstreamOutcome#ordinal()} + 1. */
    public static int upstreamEventOf(final UpstreamOutcome outcome) {
        return outcome.ordinal() + 1;
    }

    /** True when {@code authorizationId} is one stand-in gave (it renders as 'S' and five characters). */
    public static boolean isStandInId(final long authorizationId) {
        return authorizationId >= STAND_IN_ID_BASE && authorizationId < STAND_IN_ID_BASE + STAND_IN_ID_SPAN;
    }

    /**
     * After the chain decided a request ({@code decidedByPrelude} false) or the router did
     * (network management, reversals, duplicates): forwards a local approval of a 01xx/02xx
     * request while the link is up, decides it in stand-in while the link is down or connecting,
     * leaves it as it is when no link is in use; marks a reversal of an approval the network or
     * stand-in gave to be queued upstream.
     */
    public void afterLocalDecision(final AuthorizationEvent event, final boolean decidedByPrelude, final long now) {
        final int messageClass = event.messageTypeIndicator() / 100 % 10;
        if (messageClass == 4) {
            queueReversalOfApprovedOriginal(event);
            return;
        }
        if (decidedByPrelude || messageClass != 1 && messageClass != 2 || !event.approved()) {
            return;
        }
        final LinkState state = link.state();
        if (state.forwards()) {
            event.repeatDecision(DecisionReason.APPROVED, EngineRules.NONE, 0, AuthorizationEvent.NO_AUTHORIZATION_ID,
                now);
            event.outcomeKindOrdinal(OutcomeKind.FORWARDED.ordinal());
            counters.increment(UpstreamFlowCounter.FORWARDED);
        }
        else if (state != LinkState.DISABLED) {
            standIn(event, now);
        }
    }

    /** An outcome the link reported for a forwarded request: writes the final decision. */
    public void decideOutcome(final AuthorizationEvent outcome, final long now) {
        final int upstreamEvent = outcome.upstreamEvent();
        final long networkAuthorizationId = outcome.authorizationId();
        outcome.clearDecision();
        if (upstreamEvent == ANSWERED) {
            final int code = outcome.networkResponseCode();
            if (code == 0) {
                outcome.repeatDecision(DecisionReason.APPROVED, EngineRules.NONE, 0, networkAuthorizationId, now);
                counters.increment(UpstreamFlowCounter.NETWORK_APPROVALS);
            }
            else {
                outcome.decline(DecisionReason.NETWORK_DECLINED, EngineRules.NETWORK_DECLINE,
                    code < 0 || code > 99 ? DecisionReason.NETWORK_DECLINED.responseCode() : code, now);
                counters.increment(UpstreamFlowCounter.NETWORK_DECLINES);
            }
            outcome.outcomeKindOrdinal(OutcomeKind.NETWORK_ANSWER.ordinal());
        }
        else if (upstreamEvent == TIMED_OUT || upstreamEvent == LINK_LOST) {
            counters.increment(UpstreamFlowCounter.TIMEOUTS_ANSWERED);
            if (standInOnTimeout) {
                standIn(outcome, now);
            }
            else {
                outcome.decline(DecisionReason.UPSTREAM_NO_ANSWER,
                    upstreamEvent == TIMED_OUT ? EngineRules.UPSTREAM_TIMEOUT : EngineRules.UPSTREAM_LINK_LOST, now);
                outcome.outcomeKindOrdinal(OutcomeKind.TIMEOUT_ANSWER.ordinal());
            }
            queueReversal(outcome);
        }
        else {
            // a late approval: the terminal was answered at the timeout, and the reversal queued then
            // (field 90 names this very request) undoes it; a second 0420 would repeat it unmarked
            outcome.repeatDecision(DecisionReason.APPROVED, EngineRules.NONE, 0, networkAuthorizationId, now);
            outcome.outcomeKindOrdinal(OutcomeKind.LATE_APPROVAL_REVERSED.ordinal());
            counters.increment(UpstreamFlowCounter.LATE_APPROVALS_REVERSED);
        }
    }

    private void standIn(final AuthorizationEvent event, final long now) {
        final int limit = limits.check(event, now);
        if (limit == StandInLimits.WITHIN_LIMITS) {
            event.approve(STAND_IN_ID_BASE + Math.floorMod(authorizationIds.getAsLong(), STAND_IN_ID_SPAN), now);
            event.outcomeKindOrdinal(OutcomeKind.STAND_IN_APPROVAL.ordinal());
            event.queueStored(AuthorizationSlotDescriptor.STORED_ADVICE);
            limits.onDecided(event);
            counters.increment(UpstreamFlowCounter.STAND_IN_APPROVALS);
        }
        else {
            event.decline(DecisionReason.STAND_IN_LIMIT, limit, now);
            event.outcomeKindOrdinal(OutcomeKind.STAND_IN_DECLINE.ordinal());
            counters.increment(UpstreamFlowCounter.STAND_IN_DECLINES);
        }
    }

    private void queueReversalOfApprovedOriginal(final AuthorizationEvent reversal) {
        if (reversal.reason() != DecisionReason.REVERSAL_ACCEPTED) {
            return;
        }
        final int original = originals.outcomeKindOfApprovedOriginal(reversal);
        if (original == OutcomeKind.NETWORK_ANSWER.ordinal() || original == OutcomeKind.STAND_IN_APPROVAL.ordinal()) {
            reversal.outcomeKindOrdinal(OutcomeKind.REVERSAL_QUEUED.ordinal());
            queueReversal(reversal);
        }
    }

    private void queueReversal(final AuthorizationEvent event) {
        event.queueStored(AuthorizationSlotDescriptor.STORED_REVERSAL);
        counters.increment(UpstreamFlowCounter.REVERSALS_QUEUED);
    }
}
