package dev.cardgate.engine.blocklist;

import net.openhft.chronicle.hash.serialization.SizeMarshaller;
import net.openhft.chronicle.map.ChronicleMap;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The Chronicle Map configuration of the blocklist, in one place: constant-size 16-byte keys and
 * 40-byte values with cardgate's own marshallers (no sizes stored per entry, nothing allocated
 * per read), and a checksum of each entry's key and value, which every read verifies
 * ({@link ChronicleBlocklistLookup}, {@link MapVerifier}). Chronicle records this configuration in the file's header; an existing file is
 * opened with the configuration it records, so {@code entries} matters only at creation.
 */
final class BlocklistMapFactory {
    static final String MAP_NAME = "cardgate-blocklist";

    private BlocklistMapFactory() {
    }

    /**
     * Opens {@code mapFile}, initialising it when it is empty. Chronicle sizes a new map for
     * {@code entries}; that is a sizing hint, not a limit (it adds tiers beyond it), so the store
     * enforces the capacity itself.
     */
    static ChronicleMap<TokenMapKey, StoredEntry> openOrCreate(final Path mapFile, final long entries)
        throws IOException {
        return ChronicleMap.of(TokenMapKey.class, StoredEntry.class)
            .name(MAP_NAME)
            .keyMarshallers(TokenMapKeyMarshaller.INSTANCE, TokenMapKeyMarshaller.INSTANCE)
            .keySizeMarshaller(SizeMarshaller.constant(TokenMapKey.SIZE_BYTES))
            .constantKeySizeBySample(new TokenMapKey())
            .valueMarshallers(StoredEntryMarshaller.INSTANCE, StoredEntryMarshaller.INSTANCE)
            .valueSizeMarshaller(SizeMarshaller.constant(StoredEntry.SIZE_BYTES))
            .constantValueSizeBySample(new StoredEntry())
            .entries(entries)
            .checksumEntries(true)
            // closed by its owner after the engine has drained, not by Chronicle's JVM exit hook
            .skipCloseOnExitHook(true)
            .createPersistedTo(mapFile.toFile());
    }
}
