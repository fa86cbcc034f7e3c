package dev.cardgate.engine.blocklist;

import net.openhft.chronicle.hash.ChecksumEntry;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.MapEntry;
import net.openhft.chronicle.map.MapSegmentContext;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads every entry of a blocklist map once, at open, and proves it whole before the engine
 * serves from it: each entry's Chronicle checksum (its key and value as written), each
 * segment's entry count in its header against the entries the segment's hash lookup reaches,
 * each entry found again by its own key (a damaged hash lookup slot can leave an entry that a
 * scan reaches but a lookup of its card does not), and the count and {@link EntryDigest} sum of the whole map against what the sidecar recorded
 * after the last change. A damaged key, value, hash lookup or segment header, or an entry lost
 * or added behind cardgate's back, fails one of these; the map is then refused.
 *
 * <p>Call holding the sidecar's lock, so that no writer changes the map during the scan.
 * Allocates a few objects per segment; reads the whole file (about a second per few million
 * entries).
 */
final class MapVerifier {
    private final ChronicleMap<TokenMapKey, StoredEntry> map;
    private final Path mapFile;
    private final StoredEntry value = new StoredEntry();
    private final TokenMapKey probe = new TokenMapKey();
    private long[] segmentHighs = new long[64];
    private long[] segmentLows = new long[64];
    private int segmentEntries;
    private long entries;
    private long digest;
    private String firstDamage;

    private MapVerifier(final ChronicleMap<TokenMapKey, StoredEntry> map, final Path mapFile) {
        this.map = map;
        this.mapFile = mapFile;
    }

    /**
     * @param recorded what the sidecar recorded; null for a sidecar written before it recorded a tally
     * @return what the map holds, once verified
     * @throws BlocklistException naming what is damaged, when anything is
     */
    static MapSidecar.Tally verify(final ChronicleMap<TokenMapKey, StoredEntry> map, final Path mapFile,
        final MapSidecar.Tally recorded) {
        return new MapVerifier(map, mapFile).run(recorded);
    }

    private MapSidecar.Tally run(final MapSidecar.Tally recorded) {
        long countedBySegmentHeaders = 0;
        for (int segment = 0; segment < map.segments() && firstDamage == null; segment++) {
            try (MapSegmentContext<TokenMapKey, StoredEntry, ?> context = map.segmentContext(segment)) {
                segmentEntries = 0;
                final long headerSize = context.size();
                context.forEachSegmentEntryWhile(this::accept);
                countedBySegmentHeaders += headerSize;
                if (firstDamage == null && segmentEntries != headerSize) {
                    firstDamage = "segment " + segment + " says it holds " + headerSize + " entries, but "
                        + segmentEntries + " are reachable";
                }
            } catch (final RuntimeException | AssertionError | InternalError e) {
                firstDamage = "segment " + segment + " cannot be read (" + e + ")";
            }
            findSegmentEntriesByKey(segment);
        }
        if (firstDamage == null && countedBySegmentHeaders != map.longSize()) {
            firstDamage = "its size is " + map.longSize() + " but its segments hold " + countedBySegmentHeaders;
        }
        if (firstDamage == null && recorded != null && recorded.entries() != entries) {
            firstDamage = "it holds " + entries + " entries, but " + recorded.entries() + " were recorded after the "
                + "last change";
        }
        if (firstDamage == null && recorded != null && recorded.digest() != digest) {
            firstDamage = "its entries' digest " + String.format("%016x", digest) + " is not the "
                + String.format("%016x", recorded.digest()) + " recorded after the last change";
        }
        if (firstDamage != null) {
            throw new BlocklistException("the blocklist map file " + mapFile + " is damaged: " + firstDamage
                + "; cardgate will not decide from it. Restore the map and its sidecar from a backup, or move "
                + "both away and re-import the blocklist (serve --new-blocklist to start with an empty one)");
        }
        return new MapSidecar.Tally(entries, digest);
    }

    private boolean accept(final MapEntry<TokenMapKey, StoredEntry> entry) {
        if (!((ChecksumEntry)entry).checkSum()) {
            firstDamage = "an entry's checksum does not match its key and value";
            return false;
        }
        final TokenMapKey key = entry.key().get();
        final StoredEntry stored = entry.value().getUsing(value);
        if (stored.reasonOrNull() == null) {
            firstDamage = "an entry cannot be read (" + stored.describeCorruption() + ")";
            return false;
        }
        if (segmentEntries == segmentHighs.length) {
            segmentHighs = Arrays.copyOf(segmentHighs, 2 * segmentEntries);
            segmentLows = Arrays.copyOf(segmentLows, 2 * segmentEntries);
        }
        segmentHighs[segmentEntries] = key.high;
        segmentLows[segmentEntries] = key.low;
        segmentEntries++;
        entries++;
        digest += EntryDigest.of(key.high, key.low, stored);
        return true;
    }

    /** Looks each entry the scan reached up by its key, outside the segment's context. */
    private void findSegmentEntriesByKey(final int segment) {
        for (int i = 0; i < segmentEntries && firstDamage == null; i++) {
            if (!map.containsKey(probe.set(segmentHighs[i], segmentLows[i]))) {
                firstDamage = "an entry of segment " + segment + " is not found by its own key (its hash lookup "
                    + "is damaged)";
            }
        }
    }
}
