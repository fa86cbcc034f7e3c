package dev.cardgate.engine.blocklist;

import net.openhft.chronicle.map.ChronicleMap;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes one entry: reads what is listed and inserts, replaces or leaves it. Read then put is
 * not one atomic step, and need not be: callers hold the writers' lock against other processes,
 * and writers of one operation write disjoint tokens. (Chronicle's query context would make it
 * one lookup, but measured slower than a read that finds the entry unchanged, the common case
 * of a re-import.) Never lets the map grow past the capacity: a new entry first reserves its
 * place in the shared count.
 *
 * <p>Threading: one instance per thread (it reuses a key and a value); several may write the same
 * map at once, sharing the count.
 */
final class EntryWriter {
    private final ChronicleMap<TokenMapKey, StoredEntry> map;
    private final long capacity;
    private final Path mapFile;
    private final TokenMapKey key = new TokenMapKey();
    private final StoredEntry existing = new StoredEntry();
    private final AtomicLong entryChange;
    private final AtomicLong digestChange;

    /**
     * @param entryChange  counts each entry this writer adds, for the sidecar's tally
     * @param digestChange sums what each write changes in the {@link EntryDigest}, for the sidecar's tally
     */
    EntryWriter(final ChronicleMap<TokenMapKey, StoredEntry> map, final long capacity, final Path mapFile,
        final AtomicLong entryChange, final AtomicLong digestChange) {
        this.map = map;
        this.capacity = capacity;
        this.mapFile = mapFile;
        this.entryChange = entryChange;
        this.digestChange = digestChange;
    }

    /**
     * @param entries the map's entry count, shared by the writers of one operation; counts the
     *                entry this call adds
     * @return what changed; null, writing nothing, when the token is not listed and the count is at capacity
     */
    AddOutcome write(final long tokenHigh, final long tokenLow, final StoredEntry entry, final AtomicLong entries) {
        key.set(tokenHigh, tokenLow);
        final StoredEntry current = map.getUsing(key, existing);
        if (current == null) {
            if (entries.incrementAndGet() > capacity) {
                entries.decrementAndGet();
                return null;
            }
            try {
                map.put(key, entry);
            } catch (final IllegalStateException e) {
                entries.decrementAndGet();
                throw noRoom(e);
            }
            entryChange.incrementAndGet();
            digestChange.addAndGet(EntryDigest.of(tokenHigh, tokenLow, entry));
            return AddOutcome.ADDED;
        }
        if (current.reasonOrNull() != null && current.sameContentAs(entry)) {
            return AddOutcome.UNCHANGED;
        }
        final long replacedDigest = EntryDigest.of(tokenHigh, tokenLow, current);
        map.put(key, entry);
        digestChange.addAndGet(EntryDigest.of(tokenHigh, tokenLow, entry) - replacedDigest);
        return AddOutcome.UPDATED;
    }

    /** Chronicle refuses an insert when its file has no room left, whatever the capacity says. */
    private BlocklistException noRoom(final IllegalStateException e) {
        return new BlocklistException("the blocklist map file " + mapFile + " has no room for another entry ("
            + e.getMessage() + ") below its capacity of " + capacity
            + ": create a map with a larger capacity and re-import", e);
    }
}
