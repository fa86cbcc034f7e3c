package dev.cardgate.engine.decision;

import org.agrona.concurrent.EpochClock;

import com.lmax.disruptor.EventHandler;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.pipeline.EngineCounters;

/**
 * The first stage of the ring: decides each request with the {@link DecisionChain}.
 *
 * <p>Threading: runs on the decision thread, the single writer of all mutable engine state
 * (the checks' state, the authorization id sequence, the decision counters). Per event it
 * reads the clock once, walks the chain and writes primitives: no allocation, no logging, no
 * lock. A network management message (message class 8) is acknowledged with 00 and no
 * authorization id, without running the checks. A check that throws is answered 96 by the stage's failure handler.
 */
public final class DecisionHandler implements EventHandler<AuthorizationEvent> {
    private final EpochClock clock;
    private final DecisionChain chain;
    private final AuthorizationIdGenerator authorizationIds;
    private final EngineCounters counters;

    public DecisionHandler(final EpochClock clock, final DecisionChain chain,
        final AuthorizationIdGenerator authorizationIds, final EngineCounters counters) {
        this.clock = clock;
        this.chain = chain;
        this.authorizationIds = authorizationIds;
        this.counters = counters;
    }

    @Override
    public void onEvent(final AuthorizationEvent event, final long sequence, final boolean endOfBatch) {
        event.clearDecision();
        if (event.isNetworkManagement()) {
            // echo, sign-on, sign-off: answered 00 without card checks (a card is not involved)
            event.acknowledge(clock.time());
            counters.recordNetworkManagement();
            return;
        }
        chain.decide(event, clock.time(), authorizationIds);
        if (event.approved()) {
            counters.recordApproved();
        }
        else {
            counters.recordDeclined();
        }
    }
}
