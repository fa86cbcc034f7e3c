package dev.cardgate.engine.decision;

import dev.cardgate.engine.event.DecidedEventListener;
import dev.cardgate.engine.rules.EngineRules;
import org.agrona.concurrent.EpochClock;

import com.lmax.disruptor.EventHandler;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionReason;
import dev.cardgate.engine.counters.ComponentCounters;
import dev.cardgate.engine.counters.CounterRegistry;
import dev.cardgate.engine.counters.StageLatency;
import dev.cardgate.engine.pipeline.PipelineCounter;
import dev.cardgate.engine.pipeline.StageFailureAnswer;
import dev.cardgate.engine.upstream.FinalOutcomes;
import dev.cardgate.engine.upstream.UpstreamFlow;

/**
 * The first stage of the ring: decides each request with the {@link DecisionChain}.
 *
 * <p>Threading: runs on the decision thread, the single writer of all mutable engine state
 * (the checks' state, the authorization id sequence, the decision counters). Per event it
 * reads the clock once, walks the chain and writes primitives: no allocation, no logging, no
 * lock; the time it took goes into the decision latency recorder. The prelude (the message
 * router) may decide an event itself (network management, reversals, duplicates) before the
 * chain would. A check that throws is answered 96 ({@link #failureAnswer}).
 *
 * <p>With an upstream link, the {@link UpstreamFlow} then forwards a local approval or decides
 * it in stand-in, and an outcome the link reported (an event the link's listener published) is
 * decided by the flow alone: the router and the chain do not see it again. The decision counters
 * and the risk state count final outcomes only (not a request still waiting for the network).
 */
public final class DecisionHandler implements EventHandler<AuthorizationEvent> {
    private final EpochClock clock;
    private final DecisionChain chain;
    private final AuthorizationIdGenerator authorizationIds;
    private final ComponentCounters<DecisionCounter> counters;
    private final StageLatency latency;
    private final DecisionPrelude prelude;
    private final DecidedEventListener decidedListener;
    private final UpstreamFlow upstream;

    /**
     * @param prelude         runs before the chain and may decide the event itself
     * @param decidedListener told of every decision (the risk state); null for none
     */
    public DecisionHandler(final EpochClock clock, final DecisionChain chain,
        final AuthorizationIdGenerator authorizationIds, final CounterRegistry counters,
        final DecisionPrelude prelude, final DecidedEventListener decidedListener) {
        this(clock, chain, authorizationIds, counters, prelude, decidedListener, null);
    }

    /**
     * @param upstream the flow toward the network; null when the engine has no upstream link
     */
    public DecisionHandler(final EpochClock clock, final DecisionChain chain,
        final AuthorizationIdGenerator authorizationIds, final CounterRegistry counters,
        final DecisionPrelude prelude, final DecidedEventListener decidedListener, final UpstreamFlow upstream) {
        this.upstream = upstream;
        this.clock = clock;
        this.chain = chain;
        this.authorizationIds = authorizationIds;
        this.counters = counters.component(DecisionCounter.class);
        this.latency = counters.latency().decision();
        this.prelude = prelude;
        this.decidedListener = decidedListener;
    }

    /**
     * Deciding failed (a corrupt map entry, a closed map, a bug): the request is answered 96,
     * system malfunction, written into its event so that the later stages journal and answer it
     * as any other; counted as a stage failure.
     */
    public static StageFailureAnswer failureAnswer(final EpochClock clock, final CounterRegistry counters) {
        final ComponentCounters<PipelineCounter> pipeline = counters.component(PipelineCounter.class);
        return event -> {
            if (event != null) {
                event.decline(DecisionReason.SYSTEM_MALFUNCTION, EngineRules.STAGE_FAILURE, clock.time());
            }
            pipeline.increment(PipelineCounter.STAGE_FAILURES);
        };
    }

    @Override
    public void onEvent(final AuthorizationEvent event, final long sequence, final boolean endOfBatch) {
        final long startNanos = System.nanoTime();
        final long now = clock.time();
        if (upstream != null && event.isUpstreamOutcome()) {
            upstream.decideOutcome(event, now);
        }
        else {
            event.clearDecision();
            final boolean decidedByPrelude = prelude.decideBeforeChain(event, now);
            if (!decidedByPrelude) {
                chain.decide(event, now, authorizationIds);
            }
            if (upstream != null) {
                upstream.afterLocalDecision(event, decidedByPrelude, now);
            }
        }
        if (decidedListener != null) {
            decidedListener.onDecided(event);
        }
        if (!FinalOutcomes.isFinal(event)) {
            latency.record(System.nanoTime() - startNanos);
            return;
        }
        if (event.approved()) {
            counters.increment(DecisionCounter.APPROVALS);
        }
        else if (event.reason().isDecline()) {
            counters.increment(DecisionCounter.DECLINES);
        }
        latency.record(System.nanoTime() - startNanos);
    }
}
