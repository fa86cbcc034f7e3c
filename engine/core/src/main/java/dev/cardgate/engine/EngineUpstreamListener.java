package dev.cardgate.engine;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

import dev.cardgate.engine.counters.ComponentCounters;
import dev.cardgate.engine.counters.CounterRegistry;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.pipeline.AuthorizationPipeline;
import dev.cardgate.engine.saf.StoreAndForward;
import dev.cardgate.engine.saf.StoreAndForwardSender;
import dev.cardgate.engine.upstream.LinkState;
import dev.cardgate.engine.upstream.UpstreamFlow;
import dev.cardgate.engine.upstream.UpstreamFlowCounter;
import dev.cardgate.engine.upstream.UpstreamListener;
import dev.cardgate.engine.upstream.UpstreamOutcome;

/**
 * How the engine hears from its link: each outcome of a forwarded request is published into the
 * ring as an outcome event (a copy of the link's copy, with the network's 39 and 38), on the
 * permit the request still holds, so that the decision thread writes the final decision, the
 * journal records it and the terminal is answered; a late approval takes a reserved permit. The
 * answers to stored messages go to the store-and-forward queue; a change of the link's state
 * sets the stand-in gauge (read by {@code /health}) and is logged.
 *
 * <p>Threading: the link's threads. Publishing never waits for a permit; it allocates only when
 * a ring slot's request buffer grows.
 */
final class EngineUpstreamListener implements UpstreamListener {
    private final Logger logger = System.getLogger("dev.cardgate.engine.upstream");
    private final AuthorizationPipeline pipeline;
    private final StoreAndForward store;
    private final StoreAndForwardSender sender;
    private final ComponentCounters<UpstreamFlowCounter> counters;

    EngineUpstreamListener(final AuthorizationPipeline pipeline, final StoreAndForward store,
        final StoreAndForwardSender sender, final CounterRegistry counters) {
        this.pipeline = pipeline;
        this.store = store;
        this.sender = sender;
        this.counters = counters.component(UpstreamFlowCounter.class);
    }

    @Override
    public void forwardedOutcome(final AuthorizationEvent forwarded, final UpstreamOutcome outcome,
        final int responseCode, final long authorizationId) {
        pipeline.publishOutcome(forwarded, UpstreamFlow.upstreamEventOf(outcome),
            outcome == UpstreamOutcome.ANSWERED ? responseCode : -1,
            outcome == UpstreamOutcome.ANSWERED ? authorizationId : AuthorizationEvent.NO_AUTHORIZATION_ID);
    }

    @Override
    public void lateApproval(final AuthorizationEvent forwarded, final long authorizationId) {
        if (!pipeline.publishLateApproval(forwarded, authorizationId)) {
            logger.log(Level.ERROR, "a late approval arrived after the pipeline stopped: its reversal was not queued");
        }
    }

    @Override
    public void storedAnswered(final long storedId, final int responseCode) {
        store.answered(storedId, responseCode);
        sender.wake();
    }

    @Override
    public void storedUnanswered(final long storedId) {
        store.unanswered(storedId);
    }

    @Override
    public void stateChanged(final LinkState previous, final LinkState current) {
        counters.set(UpstreamFlowCounter.STAND_IN_ACTIVE, standsIn(current) ? 1 : 0);
        logger.log(current.forwards() ? Level.INFO : Level.WARNING, "upstream link " + previous + " -> " + current
            + (current.forwards() ? ": forwarding; stored messages are sent" : standsIn(current)
                ? ": deciding in stand-in" : ""));
        if (current.forwards()) {
            sender.wake();
        }
    }

    /** True in the states in which requests are decided in stand-in. */
    static boolean standsIn(final LinkState state) {
        return state != LinkState.UP && state != LinkState.DISABLED;
    }
}
