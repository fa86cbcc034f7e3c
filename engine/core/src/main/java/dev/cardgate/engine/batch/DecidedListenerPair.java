package dev.cardgate.engine.batch;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecidedEventListener;

/**
 * Tells two listeners of each live decision, in order: how the decision handler's one listener
 * reaches both the risk state and the terminal day. Replay tells each on its own, with its own
 * window. Decision thread only; allocates nothing.
 */
public final class DecidedListenerPair implements DecidedEventListener {
    private final DecidedEventListener first;
    private final DecidedEventListener second;

    public DecidedListenerPair(final DecidedEventListener first, final DecidedEventListener second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public void onDecided(final AuthorizationEvent decided) {
        first.onDecided(decided);
        second.onDecided(decided);
    }

    @Override
    public long replayWindowMillis() {
        return Math.max(first.replayWindowMillis(), second.replayWindowMillis());
    }
}
