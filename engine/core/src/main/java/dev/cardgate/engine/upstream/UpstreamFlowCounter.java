package dev.cardgate.engine.upstream;

import dev.cardgate.engine.counters.CounterDefinition;
import dev.cardgate.engine.counters.CounterDescriptor;
import dev.cardgate.engine.counters.CounterKind;
import dev.cardgate.engine.counters.CounterWriter;

/**
 * The engine's side of the link to the network (ids 650 to 699): forwarded requests and their
 * outcomes, stand-in decisions and the exposure they used against each cap, and the store and
 * forward queue. The link's own counters (600 to 649) are the link's. docs/observability.md lists them.
 */
public enum UpstreamFlowCounter implements CounterDescriptor {
    FORWARDED(650, "upstream.forwarded", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "requests that passed every local check and were handed to the link; the decision thread"),
    NETWORK_APPROVALS(651, "upstream.network-approvals", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "forwarded requests the network approved; the decision thread"),
    NETWORK_DECLINES(652, "upstream.network-declines", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "forwarded requests the network declined (its field 39 passed on); the decision thread"),
    TIMEOUTS_ANSWERED(653, "upstream.timeouts-answered", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "forwarded requests answered without the network (no answer in time, link lost); the decision thread"),
    LATE_APPROVALS_REVERSED(654, "upstream.late-approvals-reversed", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "approvals that came after their timeout, reversed toward the network; the decision thread"),
    REVERSALS_QUEUED(655, "upstream.reversals-queued", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "reversals (0420) queued for the network: timeouts, late approvals, terminals' reversals; the decision thread"),
    STAND_IN_APPROVALS(656, "upstream.standin.approvals", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "requests approved in stand-in (an advice is queued for each); the decision thread"),
    STAND_IN_DECLINES(657, "upstream.standin.declines", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "requests declined 91 in stand-in (a limit reached, a table full, stand-in off); the decision thread"),
    STAND_IN_FLOOR_LIMIT_EXCEEDED(658, "upstream.standin.floor-limit-exceeded", CounterKind.TOTAL,
        CounterWriter.ONE_THREAD, "stand-in declines: the amount was above its floor limit; the decision thread"),
    STAND_IN_CARD_CAP_REACHED(659, "upstream.standin.card-cap-reached", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "stand-in declines: the card's cap would be passed; the decision thread"),
    STAND_IN_TERMINAL_CAP_REACHED(660, "upstream.standin.terminal-cap-reached", CounterKind.TOTAL,
        CounterWriter.ONE_THREAD, "stand-in declines: the terminal's cap would be passed; the decision thread"),
    STAND_IN_MERCHANT_CAP_REACHED(661, "upstream.standin.merchant-cap-reached", CounterKind.TOTAL,
        CounterWriter.ONE_THREAD, "stand-in declines: the merchant's cap would be passed; the decision thread"),
    STAND_IN_BUDGET_REACHED(662, "upstream.standin.budget-reached", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "stand-in declines: the global exposure budget would be passed; the decision thread"),
    STAND_IN_EXPOSURE(663, "upstream.standin.exposure", CounterKind.GAUGE, CounterWriter.ONE_THREAD,
        "minor units approved in stand-in in the current window, against upstream.standin.exposure-budget.minor"),
    STAND_IN_CARD_EXPOSURE_MAX(664, "upstream.standin.card-exposure-max", CounterKind.GAUGE, CounterWriter.ONE_THREAD,
        "the most any one card has used of upstream.standin.card-cap.minor in its window (since the global window began)"),
    STAND_IN_TERMINAL_EXPOSURE_MAX(665, "upstream.standin.terminal-exposure-max", CounterKind.GAUGE,
        CounterWriter.ONE_THREAD,
        "the most any one terminal has used of upstream.standin.terminal-cap.minor (since the global window began)"),
    STAND_IN_MERCHANT_EXPOSURE_MAX(666, "upstream.standin.merchant-exposure-max", CounterKind.GAUGE,
        CounterWriter.ONE_THREAD,
        "the most any one merchant has used of upstream.standin.merchant-cap.minor (since the global window began)"),
    STAND_IN_ACTIVE(667, "upstream.standin.active", CounterKind.GAUGE, CounterWriter.SEVERAL_THREADS,
        "1 while a link is configured and not up (requests are decided in stand-in; /health degraded), else 0"),
    SAF_DEPTH(668, "upstream.saf.depth", CounterKind.GAUGE, CounterWriter.ONE_THREAD,
        "stored advices and reversals not yet acknowledged by the network; the store-and-forward sender"),
    SAF_OLDEST_AGE_MS(669, "upstream.saf.oldest-age-ms", CounterKind.GAUGE, CounterWriter.ONE_THREAD,
        "age in milliseconds of the oldest stored message not yet acknowledged (0 when none); the sender"),
    SAF_SENT(670, "upstream.saf.sent", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "stored messages sent to the network, repeats included; the sender"),
    SAF_REPEATS(671, "upstream.saf.repeats", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "stored messages sent again with the repeat message type (0121, 0221, 0421); the sender"),
    SAF_ACKED(672, "upstream.saf.acked", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "stored messages the network answered: removed from the queue; the sender"),
    SAF_EXPIRED(673, "upstream.saf.expired", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "stored messages older than upstream.saf.expiry.ms, no longer sent (each logged once); the sender");

    private final CounterDefinition definition;

    UpstreamFlowCounter(final int id, final String label, final CounterKind kind, final CounterWriter writer,
        final String description) {
        this.definition = new CounterDefinition(id, label, kind, writer, description);
    }

    @Override
    public CounterDefinition definition() {
        return definition;
    }
}
