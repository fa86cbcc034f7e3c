package dev.cardgate.engine.pipeline;

import org.agrona.concurrent.status.AtomicCounter;

import dev.cardgate.engine.counters.ComponentCounters;
import dev.cardgate.engine.counters.CounterLabel;
import dev.cardgate.engine.counters.CounterRegistry;
import dev.cardgate.engine.counters.CounterTypes;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionReason;

/**
 * What the reply thread counts of each answer: {@link PipelineCounter#REQUESTS}, and a decline
 * by its reason ({@code declines.by-reason reason=…}, one counter per declining {@link
 * DecisionReason}) and by its field 39 ({@code declines.by-code code=01…99}), as sent, so an
 * approval the journal withheld counts as a 96 decline here.
 *
 * <p>Threading: {@link #record} on the reply thread only (plain read and release store); reads
 * from any thread. No allocation after construction.
 */
final class AnswerCounters {
    /** Field 39 values counted one by one: 01 to 99. */
    private static final int RESPONSE_CODES = 100;

    private final ComponentCounters<PipelineCounter> counters;
    private final AtomicCounter[] declinesByReason;
    private final AtomicCounter[] declinesByCode;

    /** Allocates the two families in {@code registry}; once per pipeline. */
    AnswerCounters(final CounterRegistry registry) {
        counters = registry.component(PipelineCounter.class);
        final DecisionReason[] reasons = DecisionReason.values();
        declinesByReason = new AtomicCounter[reasons.length];
        for (final DecisionReason reason : reasons) {
            if (reason.isDecline()) {
                declinesByReason[reason.ordinal()] = registry.newCounter(
                    CounterLabel.of("declines.by-reason", "reason", reason.name()), CounterTypes.TOTAL);
            }
        }
        declinesByCode = new AtomicCounter[RESPONSE_CODES];
        for (int code = 1; code < RESPONSE_CODES; code++) {
            declinesByCode[code] = registry.newCounter(
                CounterLabel.of("declines.by-code", "code", String.format("%02d", code)), CounterTypes.TOTAL);
        }
    }

    /** Reply thread only: {@code event} was answered. */
    void record(final AuthorizationEvent event) {
        counters.increment(PipelineCounter.REQUESTS);
        final DecisionReason reason = event.reason();
        if (reason == null || !reason.isDecline()) {
            return;
        }
        declinesByReason[reason.ordinal()].incrementRelease();
        final int code = event.responseCode();
        if (code > 0 && code < RESPONSE_CODES) {
            declinesByCode[code].incrementRelease();
        }
    }
}
