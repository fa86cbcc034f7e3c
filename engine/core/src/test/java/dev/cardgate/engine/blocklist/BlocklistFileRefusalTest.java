package dev.cardgate.engine.blocklist;

import dev.cardgate.engine.token.TestPans;
import dev.cardgate.engine.token.TokenKey;
import net.openhft.chronicle.map.ChronicleMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A map file that is damaged, foreign or made with another key is refused at open with a clear error. */
@Timeout(30)
class BlocklistFileRefusalTest {
    private static final TokenKey KEY = BlocklistStoreTest.KEY;
    private static final TokenKey OTHER_KEY =
        TokenKey.fromHex("ff0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    @TempDir
    Path directory;

    private Path mapFile() {
        return directory.resolve("blocklist.cm");
    }

    private void createStoreWithOneCard() {
        try (BlocklistStore store = BlocklistStore.open(mapFile(), 1_000, KEY)) {
            store.add(TestPans.VISA, BlockReason.LOST, BlocklistEntry.NO_EXPIRY, "");
        }
    }

    private BlocklistException refusedOpen(final TokenKey key, final String... expectedInMessage) {
        final BlocklistException refused = assertThrows(BlocklistException.class,
            () -> BlocklistStore.open(mapFile(), 1_000, key));
        for (final String expected : expectedInMessage) {
            assertTrue(refused.getMessage().contains(expected), refused.getMessage());
        }
        return refused;
    }

    @Test
    void refusesAMapMadeWithAnotherKeyNamingBothFingerprints() {
        createStoreWithOneCard();
        refusedOpen(OTHER_KEY, KEY.fingerprint(), OTHER_KEY.fingerprint(), "configure the key the map was made with");
        try (BlocklistStore store = BlocklistStore.open(mapFile(), 1_000, KEY)) {
            assertEquals(1, store.count());
        }
    }

    @Test
    void refusesAMapFileOfRandomBytes() throws Exception {
        final byte[] garbage = new byte[1 << 16];
        new Random(1).nextBytes(garbage);
        Files.write(mapFile(), garbage);
        refusedOpen(KEY, mapFile().toString(), "not a cardgate blocklist");
        assertFalse(Files.exists(MapSidecar.pathFor(mapFile())), "a refused open leaves no sidecar behind");
    }

    @Test
    void refusesAMapWhoseHeaderWasOverwrittenWithGarbage() throws Exception {
        createStoreWithOneCard();
        overwrite(0, 4096, 2);
        refusedOpen(KEY, mapFile().toString(), "damaged");
    }

    @Test
    void refusesAMapWhoseHeaderIsNotMarkedComplete() throws Exception {
        createStoreWithOneCard();
        try (RandomAccessFile file = new RandomAccessFile(mapFile().toFile(), "rw")) {
            file.seek(8);
            file.writeInt(0xFFFFFFFF);
        }
        refusedOpen(KEY, "not marked complete");
    }

    @Test
    void refusesAMapWhoseHeaderTextWasDamaged() throws Exception {
        createStoreWithOneCard();
        overwrite(200, 64, 3);
        refusedOpen(KEY, mapFile().toString(), "damaged");
    }

    @Test
    void refusesATruncatedMap() throws Exception {
        createStoreWithOneCard();
        try (RandomAccessFile file = new RandomAccessFile(mapFile().toFile(), "rw")) {
            file.setLength(file.length() / 2);
        }
        refusedOpen(KEY, mapFile().toString(), "damaged");
    }

    @Test
    void refusesAForeignFileAtTheMapPath() throws Exception {
        Files.writeString(mapFile(), "PAN,REASON\n4111111111111111,LOST\n".repeat(10));
        refusedOpen(KEY, "not a cardgate blocklist", "check the configured path");
    }

    @Test
    void refusesAChronicleMapOfOtherTypes() throws Exception {
        createStoreWithOneCard();
        Files.delete(mapFile());
        try (ChronicleMap<Long, Long> foreign = ChronicleMap.of(Long.class, Long.class).entries(100)
            .createPersistedTo(mapFile().toFile())) {
            foreign.put(1L, 2L);
        }
        refusedOpen(KEY, "java.lang.Long", "not a cardgate blocklist");
    }

    @Test
    void refusesAMapWithoutItsSidecar() throws Exception {
        createStoreWithOneCard();
        Files.delete(MapSidecar.pathFor(mapFile()));
        refusedOpen(KEY, "has no sidecar");
        assertFalse(Files.exists(MapSidecar.pathFor(mapFile())));
    }

    @Test
    void refusesASidecarWhoseMapIsMissing() throws Exception {
        createStoreWithOneCard();
        Files.delete(mapFile());
        refusedOpen(KEY, "exists but its map file", "does not");
    }

    @Test
    void refusesADamagedSidecar() throws Exception {
        createStoreWithOneCard();
        Files.writeString(MapSidecar.pathFor(mapFile()), "format=something-else\n");
        refusedOpen(KEY, "damaged or foreign");
    }

    @Test
    void refusesASidecarOfAnotherFormatVersion() throws Exception {
        createStoreWithOneCard();
        final Path sidecar = MapSidecar.pathFor(mapFile());
        Files.writeString(sidecar, Files.readString(sidecar).replace("formatVersion=2", "formatVersion=3"));
        refusedOpen(KEY, "format version 3", "reads versions 1 and 2");
    }

    @Test
    void refusesACapacityBelowOne() {
        final BlocklistException refused = assertThrows(BlocklistException.class,
            () -> BlocklistStore.open(mapFile(), 0, KEY));
        assertTrue(refused.getMessage().contains("at least 1"), refused.getMessage());
    }

    private void overwrite(final long offset, final int length, final long seed) throws Exception {
        final byte[] garbage = new byte[length];
        new Random(seed).nextBytes(garbage);
        try (RandomAccessFile file = new RandomAccessFile(mapFile().toFile(), "rw")) {
            file.seek(offset);
            file.write(garbage);
        }
    }
}
