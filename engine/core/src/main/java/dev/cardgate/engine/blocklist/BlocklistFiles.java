package dev.cardgate.engine.blocklist;

import dev.cardgate.engine.files.OwnerOnlyFiles;
import dev.cardgate.engine.token.TokenKey;
import net.openhft.chronicle.map.ChronicleMap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a blocklist's two files, the map and its sidecar, or creates them: decides whether they
 * belong together, were made with the configured key and hold a cardgate blocklist, and refuses
 * them with a {@link BlocklistException} that says what to do when they do not. Creation and
 * opening happen under the sidecar's lock, so two processes starting on a new blocklist create
 * it once.
 */
final class BlocklistFiles {
    /** An open map and the sidecar this JVM shares for it (to be released on close). */
    record Opened(ChronicleMap<TokenMapKey, StoredEntry> map, MapSidecar sidecar) {
    }

    private BlocklistFiles() {
    }

    /** @param map absolute and normalised */
    static Opened open(final Path map, final long capacity, final TokenKey key) {
        final Path sidecarPath = MapSidecar.pathFor(map);
        MapSidecar sidecar = null;
        try {
            Files.createDirectories(map.getParent());
            if (hasContent(map) && !Files.exists(sidecarPath)) {
                MapFileHeader.check(map);
                throw new BlocklistException("the blocklist map file " + map + " has no sidecar " + sidecarPath
                    + ", so cardgate cannot tell which token key made it: restore the sidecar with the map from a "
                    + "backup, or move the map away to start with an empty blocklist");
            }
            sidecar = MapSidecar.acquire(sidecarPath);
            sidecar.lock();
            try {
                final MapSidecar.Content content = prepare(map, sidecar, capacity, key);
                final ChronicleMap<TokenMapKey, StoredEntry> chronicleMap = openChronicle(map, content.capacity());
                try {
                    final MapSidecar.Tally held = MapVerifier.verify(chronicleMap, map, content.tallyOrNull());
                    if (content.tallyOrNull() == null) {
                        sidecar.write(content.withTally(held));
                    }
                } catch (final IOException | RuntimeException e) {
                    chronicleMap.close();
                    throw e;
                }
                return new Opened(chronicleMap, sidecar);
            } finally {
                sidecar.unlock();
            }
        } catch (final IOException | RuntimeException e) {
            releaseQuietly(sidecar, e);
            if (e instanceof BlocklistException) {
                throw (BlocklistException)e;
            }
            throw new BlocklistException("cannot open the blocklist map " + map + ": " + e, e);
        }
    }

    private static MapSidecar.Content prepare(final Path map, final MapSidecar sidecar, final long capacity,
        final TokenKey key) throws IOException {
        final String text = sidecar.readText();
        if (text.isEmpty()) {
            if (hasContent(map)) {
                MapFileHeader.check(map);
                throw new BlocklistException("the blocklist map file " + map + " has an empty sidecar " + sidecar.path()
                    + ": it was not made by cardgate, or its creation was interrupted; restore both from a backup, "
                    + "or move both away to start with an empty blocklist");
            }
            final MapSidecar.Content created = new MapSidecar.Content(key.fingerprint(), capacity,
                MapSidecar.Tally.EMPTY);
            sidecar.write(created);
            OwnerOnlyFiles.createEmptyIfAbsent(map);
            return created;
        }
        final MapSidecar.Content recorded = sidecar.parse(text);
        if (!recorded.keyFingerprint().equals(key.fingerprint())) {
            throw new BlocklistException("the blocklist map " + map + " was made with the token key of fingerprint "
                + recorded.keyFingerprint() + ", but the configured key has fingerprint " + key.fingerprint()
                + ": configure the key the map was made with (key file or CARDGATE_TOKEN_KEY), or, to change keys, "
                + "import the blocklist's source file into a new map file with the new key");
        }
        if (capacity > recorded.capacity()) {
            throw new BlocklistException("the blocklist map " + map + " was created for " + recorded.capacity()
                + " entries and cannot grow, but " + capacity + " are configured: configure at most "
                + recorded.capacity() + ", or create a new map file with the larger capacity and re-import");
        }
        if (!Files.exists(map)) {
            throw new BlocklistException("the blocklist sidecar " + sidecar.path() + " exists but its map file " + map
                + " does not: restore the map file from a backup, or delete the sidecar to start with an empty "
                + "blocklist");
        }
        if (hasContent(map) && !sidecar.sharedWithAnotherStore()) {
            MapFileHeader.check(map);
        }
        return recorded;
    }

    private static ChronicleMap<TokenMapKey, StoredEntry> openChronicle(final Path map, final long entries) {
        final ChronicleMap<TokenMapKey, StoredEntry> chronicleMap;
        try {
            chronicleMap = BlocklistMapFactory.openOrCreate(map, entries);
        } catch (final IOException | RuntimeException | AssertionError | InternalError e) {
            throw new BlocklistException("the blocklist map file " + map + " is damaged and cannot be opened ("
                + e + "); restore it and its sidecar from a backup, or move both away to start with an empty "
                + "blocklist", e);
        }
        if (chronicleMap.keyClass() != TokenMapKey.class || chronicleMap.valueClass() != StoredEntry.class) {
            final String types = chronicleMap.keyClass().getName() + " to " + chronicleMap.valueClass().getName();
            chronicleMap.close();
            throw new BlocklistException("the map file " + map + " is a Chronicle Map of " + types
                + ", not a cardgate blocklist: check the configured path");
        }
        return chronicleMap;
    }

    private static boolean hasContent(final Path file) throws IOException {
        return Files.exists(file) && Files.size(file) > 0;
    }

    static void releaseQuietly(final MapSidecar sidecar, final Exception failure) {
        if (sidecar == null) {
            return;
        }
        try {
            sidecar.release();
        } catch (final IOException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            } else {
                throw new UncheckedIOException("cannot close the blocklist sidecar " + sidecar.path(), e);
            }
        }
    }
}
