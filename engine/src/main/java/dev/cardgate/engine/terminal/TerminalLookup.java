package dev.cardgate.engine.terminal;

import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ExternalMapQueryContext;
import net.openhft.chronicle.map.MapEntry;

/**
 * The decision thread's view of the registry: reads a terminal into a caller's reusable
 * {@link StoredTerminal}, and writes back what the engine learns (last heard, signed on,
 * suspended) in place, under the entry's lock, without allocating once Chronicle's per-thread
 * context exists. Every read takes the segment's read lock, shared with other processes, so it
 * sees an operator's change from the next request on.
 *
 * <p>Threading: confined to one thread.
 */
public final class TerminalLookup implements TerminalSource {
    private final ChronicleMap<TerminalMapKey, StoredTerminal> map;
    private final TerminalMapKey key = new TerminalMapKey();
    private final StoredTerminal scratch = new StoredTerminal();

    TerminalLookup(final ChronicleMap<TerminalMapKey, StoredTerminal> map) {
        this.map = map;
    }

    /**
     * @param packedTerminalId field 41 packed by {@link AsciiCodes#terminalKey}
     * @return true with {@code into} filled when the terminal is registered
     * @throws IllegalStateException when the stored entry is damaged (the stage answers 96)
     */
    @Override
    public boolean find(final long packedTerminalId, final StoredTerminal into) {
        final StoredTerminal found = map.getUsing(key.set(packedTerminalId), into);
        if (found == null) {
            return false;
        }
        if (found.statusOrNull() == null) {
            throw new IllegalStateException("the registry entry of terminal " + AsciiCodes.unpack(packedTerminalId)
                + " in " + map.file() + " cannot be read (" + found.describeCorruption() + "): the file is damaged");
        }
        return true;
    }

    /**
     * Records that the terminal was heard from at {@code nowEpochMillis} and, when
     * {@code signOnChange} is not {@link #SIGN_ON_UNCHANGED}, that it signed on or off.
     */
    @Override
    public void recordHeard(final long packedTerminalId, final long nowEpochMillis, final int signOnChange) {
        rewrite(packedTerminalId, nowEpochMillis, signOnChange, false);
    }

    /** Sets the terminal's status to suspended (the card-testing rule's action). */
    @Override
    public void suspend(final long packedTerminalId) {
        rewrite(packedTerminalId, KEEP_LAST_HEARD, SIGN_ON_UNCHANGED, true);
    }

    /** Changes a registered terminal in place under its entry's write lock; an unknown one is left alone. */
    private void rewrite(final long packedTerminalId, final long lastHeardEpochMillis, final int signOnChange,
        final boolean suspend) {
        try (ExternalMapQueryContext<TerminalMapKey, StoredTerminal, ?> context =
                 map.queryContext(key.set(packedTerminalId))) {
            context.writeLock().lock();
            final MapEntry<TerminalMapKey, StoredTerminal> entry = context.entry();
            if (entry == null) {
                return;
            }
            final StoredTerminal current = entry.value().getUsing(scratch);
            if (lastHeardEpochMillis != KEEP_LAST_HEARD) {
                current.lastHeardEpochMillis = lastHeardEpochMillis;
            }
            if (signOnChange != SIGN_ON_UNCHANGED) {
                current.setSignedOn(signOnChange == SIGNED_ON);
            }
            if (suspend) {
                current.statusOrdinal = TerminalStatus.SUSPENDED.ordinal();
            }
            entry.doReplaceValue(context.wrapValueAsData(current));
        }
    }

    /** {@link #rewrite}: the last-heard time stays as it is. */
    private static final long KEEP_LAST_HEARD = Long.MIN_VALUE;
    /** {@link #recordHeard}: the sign-on state stays as it is. */
    public static final int SIGN_ON_UNCHANGED = -1;
    /** {@link #recordHeard}: the terminal signed off. */
    public static final int SIGNED_OFF = 0;
    /** {@link #recordHeard}: the terminal signed on. */
    public static final int SIGNED_ON = 1;
}
