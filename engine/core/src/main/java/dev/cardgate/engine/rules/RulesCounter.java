package dev.cardgate.engine.rules;

import dev.cardgate.engine.counters.CounterDefinition;
import dev.cardgate.engine.counters.CounterDescriptor;
import dev.cardgate.engine.counters.CounterKind;
import dev.cardgate.engine.counters.CounterWriter;

/**
 * The counters of rules and message routing (ids 300 to 399), all written by the decision thread.
 * Adding a counter is adding a constant (the next id); docs/observability.md lists them.
 */
public enum RulesCounter implements CounterDescriptor {
    NETWORK_MANAGEMENT(300, "network-management", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "network management messages acknowledged (0800 echo, sign-on, sign-off); the decision thread"),
    DRY_RUN_DECLINES(301, "rules.dry-run-declines", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "requests a dry-run rule would have declined (counted once, for the first such rule); the decision thread"),
    RELOADS(302, "rules.reloads", CounterKind.TOTAL, CounterWriter.ONE_THREAD,
        "reloaded rule sets that took effect; the decision thread");

    private final CounterDefinition definition;

    RulesCounter(final int id, final String label, final CounterKind kind, final CounterWriter writer,
        final String description) {
        this.definition = new CounterDefinition(id, label, kind, writer, description);
    }

    @Override
    public CounterDefinition definition() {
        return definition;
    }
}
