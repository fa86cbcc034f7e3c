package dev.cardgate.engine.terminal;

import dev.cardgate.engine.files.MapDamage;
import net.openhft.chronicle.hash.ChecksumEntry;
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
 * <p>Every entry read or rewritten is first verified against its Chronicle checksum (key and
 * value as written): a damaged one is recorded in the registry's {@link MapDamage} and makes
 * {@link #find} throw (the request is answered 96), and is never rewritten, which would give the
 * damaged value a valid checksum.
 *
 * <p>Threading: confined to one thread.
 */
public final class TerminalLookup implements TerminalSource {
    private final ChronicleMap<TerminalMapKey, StoredTerminal> map;
    private final TerminalMapKey key = new TerminalMapKey();
    private final StoredTerminal scratch = new StoredTerminal();
    private final MapDamage damage;

    TerminalLookup(final ChronicleMap<TerminalMapKey, StoredTerminal> map, final MapDamage damage) {
        this.map = map;
        this.damage = damage;
    }

    /**
     * @param packedTerminalId field 41 packed by {@link AsciiCodes#terminalKey}
     * @return true with {@code into} filled when the terminal is registered
     * @throws IllegalStateException when the stored entry is damaged (the stage answers 96)
     */
    @Override
    public boolean find(final long packedTerminalId, final StoredTerminal into) {
        // a miss takes Chronicle's plain read (no lock, no query context); only a found entry is
        // read again under the update lock, where Chronicle can verify its checksum
        if (map.getUsing(key.set(packedTerminalId), into) == null) {
            return false;
        }
        final StoredTerminal found;
        try (ExternalMapQueryContext<TerminalMapKey, StoredTerminal, ?> context =
                 map.queryContext(key.set(packedTerminalId))) {
            // Chronicle verifies a checksum only under the update lock, which excludes writers, not readers
            context.updateLock().lock();
            final MapEntry<TerminalMapKey, StoredTerminal> entry = context.entry();
            if (entry == null) {
                return false;
            }
            if (!((ChecksumEntry)entry).checkSum()) {
                damage.record();
                throw damaged(packedTerminalId, "its checksum does not match its key and value");
            }
            found = entry.value().getUsing(into);
        }
        if (found.statusOrNull() == null) {
            damage.record();
            throw damaged(packedTerminalId, found.describeCorruption());
        }
        return true;
    }

    private IllegalStateException damaged(final long packedTerminalId, final String why) {
        return new IllegalStateException("the registry entry of terminal " + AsciiCodes.unpack(packedTerminalId)
            + " in " + map.file() + " cannot be read (" + why + "): the file is damaged");
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
            if (!((ChecksumEntry)entry).checkSum()) {
                damage.record();
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
