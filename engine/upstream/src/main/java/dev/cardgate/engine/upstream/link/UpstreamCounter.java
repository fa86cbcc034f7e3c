package dev.cardgate.engine.upstream.link;

import dev.cardgate.engine.counters.CounterDefinition;
import dev.cardgate.engine.counters.CounterDescriptor;
import dev.cardgate.engine.counters.CounterKind;
import dev.cardgate.engine.counters.CounterWriter;

/**
 * The upstream link's counters (ids 600 to 649). The link's I/O thread writes them all, except
 * {@link #TABLE_FULL}, which the thread calling {@code forward} or {@code sendStored} writes.
 * Adding a counter is adding a constant (the next id); docs/observability.md lists them.
 */
public enum UpstreamCounter implements CounterDescriptor {
    STATE(600, "upstream.state", CounterKind.GAUGE, CounterWriter.ONE_THREAD,
        "the link's state: 0 disabled, 1 connecting, 2 up, 3 down (stand-in); the link's I/O thread"),
    IN_FLIGHT(601, "upstream.in-flight", CounterKind.GAUGE, CounterWriter.ONE_THREAD,
        "requests and stored messages sent and not yet answered or timed out; the link's I/O thread"),
    SENT(602, "upstream.sent", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "requests sent to the network; the link's I/O thread"),
    ANSWERED(603, "upstream.answered", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "forwarded requests the network answered in time; the link's I/O thread"),
    TIMEOUTS(604, "upstream.timeouts", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "forwarded requests not answered within upstream.timeout.ms; the link's I/O thread"),
    LATE_ANSWERS(605, "upstream.late-answers", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "answers that arrived after their request timed out (approvals among them are reported for reversal); "
            + "the link's I/O thread"),
    LATE_APPROVALS(606, "upstream.late-approvals", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "late answers that approved, reported to the engine to be reversed; the link's I/O thread"),
    LINK_LOST(607, "upstream.link-lost", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "forwarded requests whose connection was lost before their answer; the link's I/O thread"),
    ECHOES_SENT(608, "upstream.echoes.sent", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "0800 echo tests sent on an idle link (and breaker probes); the link's I/O thread"),
    ECHOES_LOST(609, "upstream.echoes.lost", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "echo tests not answered in time, each of which failed over to the next endpoint; the link's I/O thread"),
    SIGN_ONS(610, "upstream.sign-ons", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "0800 sign-ons answered 00; the link's I/O thread"),
    SIGN_ONS_REFUSED(611, "upstream.sign-ons.refused", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "sign-ons refused (field 39 not 00) or not answered in time; the link's I/O thread"),
    RECONNECTS(612, "upstream.reconnects", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "connection attempts after the first; the link's I/O thread"),
    FAILOVERS(613, "upstream.failovers", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "moves to the next endpoint after a failure; the link's I/O thread"),
    BREAKER_OPENS(614, "upstream.breaker.opens", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "times the circuit breaker opened (timeouts or 91s in a row); the link's I/O thread"),
    STORED_SENT(615, "upstream.stored.sent", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "advices and reversals sent (repeats included); the link's I/O thread"),
    STORED_ACKNOWLEDGED(616, "upstream.stored.acknowledged", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "advices and reversals the network answered; the link's I/O thread"),
    STORED_UNANSWERED(617, "upstream.stored.unanswered", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "advices and reversals not answered in time (sent again as repeats); the link's I/O thread"),
    TABLE_FULL(618, "upstream.table-full", CounterKind.TOTAL, CounterWriter.SEVERAL_THREADS,
        "requests and stored messages refused because upstream.in-flight entries were taken; the caller"),
    NOT_FORWARDABLE(619, "upstream.not-forwardable", CounterKind.TOTAL, CounterWriter.SEVERAL_THREADS,
        "requests refused because they carry no request bytes (an embedded caller's) or cannot be "
            + "re-encoded toward the network; the caller or the link's I/O thread"),
    ANSWERS_UNDECODABLE(620, "upstream.bad.undecodable", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "frames from the network that do not decode (or lack field 11 or 39, or carry a 39 that is not two "
            + "digits); the link's I/O thread"),
    ANSWERS_TO_NOTHING(621, "upstream.bad.answer-to-nothing", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "answers whose key (type, field 11, field 41) matches nothing outstanding; the link's I/O thread"),
    ANSWERS_AMOUNT_CONTRADICTS(622, "upstream.bad.amount-contradicts", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "answers whose field 4 differs from their request's (ignored: the request times out); the link's I/O thread"),
    ANSWERS_CARD_CONTRADICTS(623, "upstream.bad.card-contradicts", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "answers whose field 2 ends in other digits than their request's (ignored: the request times out); "
            + "the link's I/O thread");

    private final CounterDefinition definition;

    UpstreamCounter(final int id, final String label, final CounterKind kind, final CounterWriter writer,
        final String description) {
        this.definition = new CounterDefinition(id, label, kind, writer, description);
    }

    @Override
    public CounterDefinition definition() {
        return definition;
    }
}
