package dev.cardgate.engine.terminal;

import java.util.HashMap;
import java.util.Map;

/**
 * A terminal registry for tests of the checks: a plain map of {@link TerminalRecord}s behind the
 * {@link TerminalSource} the decision thread reads, no Chronicle Map. Records what the checks
 * ask it to record (last heard, sign-on, suspension) so a test can assert it. One thread.
 */
public final class InMemoryTerminals implements TerminalSource {
    private final Map<Long, TerminalRecord> terminals = new HashMap<>();
    private final Map<Long, Long> lastHeard = new HashMap<>();
    private int writes;

    public InMemoryTerminals add(final TerminalRecord terminal) {
        terminals.put(AsciiCodes.pack(terminal.terminalId()), terminal);
        return this;
    }

    @Override
    public boolean find(final long packedTerminalId, final StoredTerminal into) {
        final TerminalRecord terminal = terminals.get(packedTerminalId);
        if (terminal == null) {
            return false;
        }
        into.set(terminal);
        return true;
    }

    @Override
    public void recordHeard(final long packedTerminalId, final long nowEpochMillis, final int signOnChange) {
        final TerminalRecord terminal = terminals.get(packedTerminalId);
        if (terminal == null) {
            return;
        }
        writes++;
        lastHeard.put(packedTerminalId, nowEpochMillis);
        final boolean signedOn = signOnChange == TerminalLookup.SIGN_ON_UNCHANGED ? terminal.signedOn()
            : signOnChange == TerminalLookup.SIGNED_ON;
        terminals.put(packedTerminalId, new TerminalRecord(terminal.terminalId(), terminal.merchantId(),
            terminal.merchantCategoryCode(), terminal.countryCode(), terminal.region(), terminal.group(),
            terminal.status(), terminal.model(), terminal.softwareVersion(), terminal.signOnRequired(), signedOn,
            nowEpochMillis));
    }

    @Override
    public void suspend(final long packedTerminalId) {
        final TerminalRecord terminal = terminals.get(packedTerminalId);
        if (terminal != null) {
            terminals.put(packedTerminalId, terminal.withStatus(TerminalStatus.SUSPENDED));
        }
    }

    /** The terminal as the checks left it, or null. */
    public TerminalRecord terminal(final String terminalId) {
        return terminals.get(AsciiCodes.pack(terminalId));
    }

    /** How many times a check wrote a terminal's last-heard time. */
    public int lastHeardWrites() {
        return writes;
    }
}
