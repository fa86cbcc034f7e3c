package dev.cardgate.engine.blocklist;

import dev.cardgate.engine.files.MapDamage;
import net.openhft.chronicle.hash.ChecksumEntry;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ExternalMapQueryContext;
import net.openhft.chronicle.map.MapEntry;

/**
 * {@link BlocklistLookup} over the shared Chronicle Map: reads into a key and a value owned by
 * this instance, so a lookup allocates nothing once Chronicle's per-thread context exists (made
 * on a thread's first lookup). Each lookup takes the segment's read lock, shared with other
 * processes, so it sees every change committed before it.
 *
 * <p>Each entry found is verified against its Chronicle entry checksum (a hash of the stored key
 * and value, written with every change) before its value is believed: a damaged entry is recorded
 * in the store's {@link MapDamage} and makes the lookup throw, so the request is answered 96 and
 * never approved. A damaged key is not found by its card at all; opening the map finds it (see
 * {@link MapVerifier}).
 *
 * <p>Threading: confined to one thread.
 */
final class ChronicleBlocklistLookup implements BlocklistLookup {
    private final ChronicleMap<TokenMapKey, StoredEntry> map;
    private final MapDamage damage;
    private final TokenMapKey key = new TokenMapKey();
    private final StoredEntry value = new StoredEntry();

    ChronicleBlocklistLookup(final ChronicleMap<TokenMapKey, StoredEntry> map, final MapDamage damage) {
        this.map = map;
        this.damage = damage;
    }

    @Override
    public BlockReason find(final long tokenHigh, final long tokenLow, final long nowEpochMillis) {
        if (map.getUsing(key.set(tokenHigh, tokenLow), value) == null) {
            return null; // the common case, on Chronicle's fast path for a plain get
        }
        final StoredEntry found;
        try (ExternalMapQueryContext<TokenMapKey, StoredEntry, ?> context = map.queryContext(key)) {
            // Chronicle verifies a checksum only in a query context under the update lock (which
            // excludes writers and other updaters, not readers): so a card found is looked up a
            // second time that way, and a miss costs what it did before.
            context.updateLock().lock();
            final MapEntry<TokenMapKey, StoredEntry> entry = context.entry();
            if (entry == null) {
                return null;
            }
            if (!((ChecksumEntry)entry).checkSum()) {
                damage.record();
                throw damaged(tokenHigh, tokenLow, "its checksum does not match its key and value");
            }
            found = entry.value().getUsing(value);
        }
        final BlockReason reason = found.reasonOrNull();
        if (reason == null) {
            damage.record();
            throw damaged(tokenHigh, tokenLow, found.describeCorruption());
        }
        return nowEpochMillis < found.expiresEpochMillis ? reason : null;
    }

    private IllegalStateException damaged(final long tokenHigh, final long tokenLow, final String why) {
        return new IllegalStateException("the blocklist entry of token " + String.format("%016x%016x", tokenHigh, tokenLow)
            + " in " + map.file() + " cannot be read (" + why + "): the map file is damaged");
    }
}
