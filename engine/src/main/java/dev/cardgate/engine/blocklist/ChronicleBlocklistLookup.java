package dev.cardgate.engine.blocklist;

import net.openhft.chronicle.map.ChronicleMap;

/**
 * {@link BlocklistLookup} over the shared Chronicle Map: reads into a key and a value owned by
 * this instance, so a lookup allocates nothing once Chronicle's per-thread context exists (made
 * on a thread's first lookup). Each lookup takes the segment's read lock, shared with other
 * processes, so it sees every change committed before it.
 *
 * <p>Threading: confined to one thread.
 */
final class ChronicleBlocklistLookup implements BlocklistLookup {
    private final ChronicleMap<TokenMapKey, StoredEntry> map;
    private final TokenMapKey key = new TokenMapKey();
    private final StoredEntry value = new StoredEntry();

    ChronicleBlocklistLookup(final ChronicleMap<TokenMapKey, StoredEntry> map) {
        this.map = map;
    }

    @Override
    public BlockReason find(final long tokenHigh, final long tokenLow, final long nowEpochMillis) {
        final StoredEntry found = map.getUsing(key.set(tokenHigh, tokenLow), value);
        if (found == null) {
            return null;
        }
        final BlockReason reason = found.reasonOrNull();
        if (reason == null) {
            throw new IllegalStateException("the blocklist entry of token " + String.format("%016x%016x", tokenHigh, tokenLow)
                + " in " + map.file() + " cannot be read (" + found.describeCorruption() + "): the map file is damaged");
        }
        return nowEpochMillis < found.expiresEpochMillis ? reason : null;
    }
}
