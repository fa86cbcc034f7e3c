package dev.cardgate.engine.upstream;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecidedEventListener;

/**
 * Tells a state that learns from decisions (the risk state) only of final outcomes: not of a
 * request forwarded and still waiting for the network, nor of a late approval already reversed.
 * So an approval counts toward velocity only when the network or stand-in gave it, live and in
 * the journal's replay alike. Decision thread (or replay); allocation-free.
 */
public final class FinalOutcomes implements DecidedEventListener {
    private static final int FORWARDED = OutcomeKind.FORWARDED.ordinal();
    private static final int LATE_APPROVAL_REVERSED = OutcomeKind.LATE_APPROVAL_REVERSED.ordinal();

    private final DecidedEventListener state;

    public FinalOutcomes(final DecidedEventListener state) {
        this.state = state;
    }

    /** True when {@code decided} is a final outcome (local, the network's, stand-in, a timeout's answer, a reversal). */
    public static boolean isFinal(final AuthorizationEvent decided) {
        final int kind = decided.outcomeKindOrdinal();
        return kind != FORWARDED && kind != LATE_APPROVAL_REVERSED;
    }

    @Override
    public void onDecided(final AuthorizationEvent decided) {
        if (isFinal(decided)) {
            state.onDecided(decided);
        }
    }

    @Override
    public long replayWindowMillis() {
        return state.replayWindowMillis();
    }
}
