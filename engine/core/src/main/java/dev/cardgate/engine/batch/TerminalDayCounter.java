package dev.cardgate.engine.batch;

import dev.cardgate.engine.counters.CounterDefinition;
import dev.cardgate.engine.counters.CounterDescriptor;
import dev.cardgate.engine.counters.CounterKind;
import dev.cardgate.engine.counters.CounterWriter;

/**
 * The counters of the terminal day (ids 700 to 749), all written by the decision thread.
 * Adding a counter is adding a constant (the next id); docs/observability.md lists them.
 */
public enum TerminalDayCounter implements CounterDescriptor {
    ADVICES(700, "terminal-day.advices", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "advices acknowledged (0120, 0220 and repeats: offline sales, offline authorizations, completions); "
            + "the decision thread"),
    ADVICES_DUPLICATE(701, "terminal-day.advices-duplicate", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "advices acknowledged again without being counted again (a repeat of one already applied); "
            + "the decision thread"),
    VOIDS(702, "terminal-day.voids", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "voids approved: the original sale or refund was given back; the decision thread"),
    VOIDS_DECLINED(703, "terminal-day.voids-declined", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "voids declined: 25 for an original not in the open batch, 12 for one already voided, 30 without "
            + "field 90; the decision thread"),
    COMPLETIONS(704, "terminal-day.completions", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "pre-authorizations completed (their hold replaced by the completion's amount); the decision thread"),
    HOLDS_EXPIRED(705, "terminal-day.holds-expired", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "pre-authorization holds that expired neither completed nor reversed; the decision thread"),
    BATCH_UPLOADS(706, "terminal-day.batch-uploads", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "batch upload messages (0320) accepted after a settlement answered 95; the decision thread"),
    BATCH_UPLOADS_REFUSED(707, "terminal-day.batch-uploads-refused", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "batch uploads answered 12: no settlement of the terminal was answered 95; the decision thread"),
    SETTLEMENTS_AGREED(708, "terminal-day.settlements-agreed", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "settlements (0500) whose totals agreed with the host's: answered 00, batch closed; the decision thread"),
    SETTLEMENTS_DIFFERED(709, "terminal-day.settlements-differed", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "settlements answered 95: the terminal's totals differ from the host's; the decision thread"),
    TERMINALS_UNTRACKED(710, "terminal-day.terminals-untracked", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "messages of a terminal beyond terminal-day.max-terminals, or of a fifth currency, kept out of batch "
            + "totals; the decision thread"),
    TRANSACTIONS_EVICTED(711, "terminal-day.transactions-evicted", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "transactions evicted from the table at terminal-day.max-transactions (a void of one then answers 25); "
            + "the decision thread");

    private final CounterDefinition definition;

    TerminalDayCounter(final int id, final String label, final CounterKind kind, final CounterWriter writer,
        final String description) {
        this.definition = new CounterDefinition(id, label, kind, writer, description);
    }

    @Override
    public CounterDefinition definition() {
        return definition;
    }
}
