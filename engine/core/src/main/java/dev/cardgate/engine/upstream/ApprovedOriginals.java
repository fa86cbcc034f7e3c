package dev.cardgate.engine.upstream;

import dev.cardgate.engine.event.AuthorizationEvent;

/**
 * Finds the approved original of a terminal's reversal, so that the reversal of an approval the
 * network (or stand-in) gave is queued upstream too. The risk state implements it from the
 * requests it remembers. Decision thread only; allocation-free.
 */
@FunctionalInterface
public interface ApprovedOriginals {
    /** The {@link OutcomeKind} ordinal of the approved original of {@code reversal}, or -1 when none is remembered. */
    int outcomeKindOfApprovedOriginal(AuthorizationEvent reversal);
}
