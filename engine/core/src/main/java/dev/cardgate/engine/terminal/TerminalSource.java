package dev.cardgate.engine.terminal;

/**
 * Where the decision thread finds terminals: the registry's {@link TerminalLookup}, or
 * {@link #NONE} for an engine without a registry (pipeline tests), where every terminal is
 * unregistered. Implementations are confined to the decision thread and allocate nothing.
 */
public interface TerminalSource {
    /** No registry: finds nothing, records nothing. */
    TerminalSource NONE = new TerminalSource() {
        @Override
        public boolean find(final long packedTerminalId, final StoredTerminal into) {
            return false;
        }

        @Override
        public void recordHeard(final long packedTerminalId, final long nowEpochMillis, final int signOnChange) {
            // nothing registered, nothing to record
        }

        @Override
        public void suspend(final long packedTerminalId) {
            // nothing registered, nothing to suspend
        }
    };

    /** See {@link TerminalLookup#find}. */
    boolean find(long packedTerminalId, StoredTerminal into);

    /** See {@link TerminalLookup#recordHeard}. */
    void recordHeard(long packedTerminalId, long nowEpochMillis, int signOnChange);

    /** See {@link TerminalLookup#suspend}. */
    void suspend(long packedTerminalId);
}
