package dev.cardgate.engine.blocklist;

import dev.cardgate.engine.token.CardToken;
import dev.cardgate.engine.token.PanTokenizer;
import dev.cardgate.engine.token.TestPans;
import net.openhft.chronicle.hash.impl.BigSegmentHeader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Damage to a real blocklist map file, a byte at a time, at many offsets: the file header,
 * the segment headers, the hash lookups, and the key and value of every listed card. The engine
 * must never approve a listed card from a damaged file: each damaged copy is either refused at
 * open, or every listed card is still declined (found with its reason, or the lookup fails, which
 * the pipeline answers 96).
 */
class BlocklistCorruptionTest {
    private static final int CARDS = 40;
    private static final long NOW = System.currentTimeMillis();
    private static final int SEGMENT_HEADER = 4096;
    private static final int SEGMENT_HEADER_SIZE = 192;
    private static final int HASH_LOOKUP = 4352;
    private static final int HASH_LOOKUP_SIZE = 8192;
    private static final int[] ONE_MASK = {0xff};
    private static final int[] TWO_MASKS = {0x01, 0xff};

    @TempDir
    Path directory;

    private final PanTokenizer tokenizer = BlocklistStoreTest.KEY.newTokenizer();
    private final List<long[]> tokens = new ArrayList<>();
    private Path original;
    private byte[] originalBytes;

    @BeforeEach
    void writeABlocklist() throws IOException {
        original = directory.resolve("original/blocklist.cm");
        try (BlocklistStore store = BlocklistStore.open(original, 1_000, BlocklistStoreTest.KEY)) {
            for (int i = 0; i < CARDS; i++) {
                final String pan = TestPans.generated(1_000 + i);
                store.add(pan, BlockReason.STOLEN, BlocklistEntry.NO_EXPIRY, "CASE-" + i);
                final CardToken token = new CardToken();
                assertTrue(tokenizer.tokenize(pan, token));
                tokens.add(new long[] {token.high(), token.low()});
            }
        }
        originalBytes = Files.readAllBytes(original);
    }

    @Test
    void anUndamagedCopyOpensAndDeclinesEveryCard() throws IOException {
        final Path copy = directory.resolve("copy/blocklist.cm");
        Files.createDirectories(copy.getParent());
        Files.write(copy, originalBytes);
        Files.copy(MapSidecar.pathFor(original), MapSidecar.pathFor(copy));
        try (BlocklistStore store = BlocklistStore.open(copy, 1_000, BlocklistStoreTest.KEY)) {
            final BlocklistLookup lookup = store.newLookup();
            for (final long[] token : tokens) {
                assertEquals(BlockReason.STOLEN, lookup.find(token[0], token[1], NOW));
            }
            assertEquals(null, store.damage().problemOrNull());
        }
    }

    @Test
    void everyKindOfChangeKeepsTheRecordedTallyTrue() throws IOException {
        final Path importFile = directory.resolve("import.csv");
        Files.writeString(importFile, TestPans.VISA + ",LOST,,IMPORTED\n" + TestPans.generated(1_000) + ",FRAUD,,CHANGED\n");
        try (BlocklistStore store = BlocklistStore.open(original, 1_000, BlocklistStoreTest.KEY)) {
            store.add(TestPans.MASTERCARD, BlockReason.CLOSED, NOW - 1, "EXPIRED");
            store.add(TestPans.generated(1_001), BlockReason.FRAUD, BlocklistEntry.NO_EXPIRY, "UPDATED");
            assertTrue(store.remove(TestPans.generated(1_002)));
            final ImportReport report = store.importFile(importFile);
            assertEquals(1, report.added());
            assertEquals(1, report.updated());
            assertEquals(1, store.removeExpired(NOW));
        }
        try (BlocklistStore reopened = BlocklistStore.open(original, 1_000, BlocklistStoreTest.KEY)) {
            assertEquals(CARDS, reopened.count());
        }
    }

    @Test
    void upgradesAVersionOneSidecarAfterVerifyingEveryEntry() throws IOException {
        final Path sidecar = MapSidecar.pathFor(original);
        Files.writeString(sidecar, Files.readString(sidecar).replace("formatVersion=2", "formatVersion=1")
            .replaceAll("(?m)^(entries|digest)=.*\n", ""));
        try (BlocklistStore store = BlocklistStore.open(original, 1_000, BlocklistStoreTest.KEY)) {
            assertEquals(CARDS, store.count());
        }
        final String upgraded = Files.readString(sidecar);
        assertTrue(upgraded.contains("formatVersion=2\n") && upgraded.contains("entries=" + CARDS + "\n"), upgraded);
    }

    @Test
    void refusesAnEntryWrittenBehindCardgatesBack() {
        try (BlocklistStore store = BlocklistStore.open(original, 1_000, BlocklistStoreTest.KEY)) {
            store.chronicleMap().put(new TokenMapKey().set(1, 2),
                new StoredEntry().set(BlockReason.LOST, NOW, BlocklistEntry.NO_EXPIRY, ""));
        }
        final BlocklistException refused = assertThrows(BlocklistException.class,
            () -> BlocklistStore.open(original, 1_000, BlocklistStoreTest.KEY));
        assertTrue(refused.getMessage().contains("41 entries, but 40 were recorded"), refused.getMessage());
    }

    @Test
    void declinesAndReportsAValueDamagedWhileServing() throws IOException {
        try (BlocklistStore store = BlocklistStore.open(original, 1_000, BlocklistStoreTest.KEY);
             java.nio.channels.FileChannel file = java.nio.channels.FileChannel.open(original,
                 java.nio.file.StandardOpenOption.WRITE)) {
            final long[] token = tokens.get(7);
            final int expiresOffset = indexOf(originalBytes, littleEndian(token[0], token[1])) + 16
                + StoredEntry.EXPIRES_AT_OFFSET;
            // the expiry's sign byte: "never expires" becomes "expired long ago"
            file.write(ByteBuffer.wrap(new byte[] {(byte)0x80}), expiresOffset + 7);
            final BlocklistLookup lookup = store.newLookup();
            assertThrows(IllegalStateException.class, () -> lookup.find(token[0], token[1], NOW));
            assertEquals(1, store.damage().findings());
            assertTrue(store.damage().problemOrNull().contains("is damaged"));
        }
    }

    @Test
    @Timeout(600)
    void noByteFlipTurnsABlockedCardIntoAnApproval() throws IOException {
        // Where things are in this map (capacity 1,000: one segment, one tier), from Chronicle Map
        // 3.27's layout: the header text and global state in the first page, the segment header
        // (192 bytes: locks, entry count, free-chunk position, next tier) at the second page, then
        // the tier: its 8,192-byte hash lookup from 4,352, the free list, the entries from 12,672.
        assertTrue(anyNonZero(SEGMENT_HEADER, SEGMENT_HEADER + SEGMENT_HEADER_SIZE), "the segment header is there");
        assertTrue(anyNonZero(HASH_LOOKUP, HASH_LOOKUP + HASH_LOOKUP_SIZE), "the hash lookup is there");
        final TreeMap<Integer, int[]> flips = new TreeMap<>();
        addEach(flips, 0, SEGMENT_HEADER, 1, ONE_MASK); // the file header and global state
        addEach(flips, SEGMENT_HEADER, SEGMENT_HEADER + SEGMENT_HEADER_SIZE, 1, TWO_MASKS);
        addEach(flips, HASH_LOOKUP, HASH_LOOKUP + HASH_LOOKUP_SIZE, 2, ONE_MASK);
        for (final long[] token : tokens) {
            final int keyOffset = indexOf(originalBytes, littleEndian(token[0], token[1]));
            assertTrue(keyOffset > HASH_LOOKUP + HASH_LOOKUP_SIZE, "the listed token is in the entry space");
            // the entry: key, value, checksum and what is around them
            addEach(flips, keyOffset - 8, keyOffset + TokenMapKey.SIZE_BYTES + StoredEntry.SIZE_BYTES + 8, 1, TWO_MASKS);
        }
        addEach(flips, 0, originalBytes.length, 251, ONE_MASK); // a sample of everything, free space included
        int refused = 0;
        int declined = 0;
        // A damaged lock word makes Chronicle wait for the lock until its timeout (60 s by default)
        // and then fail, which refuses the map: wait a second instead, or the test takes half an hour.
        final int lockTimeoutSeconds = BigSegmentHeader.LOCK_TIMEOUT_SECONDS;
        BigSegmentHeader.LOCK_TIMEOUT_SECONDS = 1;
        try {
            for (final Map.Entry<Integer, int[]> flip : flips.entrySet()) {
                for (final int mask : flip.getValue()) {
                    if (refusedOrDeclined(flip.getKey(), mask)) {
                        refused++;
                    } else {
                        declined++;
                    }
                }
            }
        } finally {
            BigSegmentHeader.LOCK_TIMEOUT_SECONDS = lockTimeoutSeconds;
        }
        assertTrue(refused > flips.size() / 2, "most flips are found at open: " + refused + " of " + flips.size());
        System.out.println("byte flips: " + (refused + declined) + " at " + flips.size() + " offsets; refused at open "
            + refused + ", served and every listed card declined " + declined);
    }

    private boolean anyNonZero(final int from, final int to) {
        for (int i = from; i < to; i++) {
            if (originalBytes[i] != 0) {
                return true;
            }
        }
        return false;
    }

    private static void addEach(final TreeMap<Integer, int[]> flips, final int from, final int to, final int step,
        final int[] masks) {
        for (int offset = from; offset < to; offset += step) {
            flips.merge(offset, masks, (old, added) -> old.length >= added.length ? old : added);
        }
    }

    /** @return true when the damaged copy was refused, false when it was served and declined every card */
    private boolean refusedOrDeclined(final int offset, final int mask) throws IOException {
        final Path damaged = directory.resolve("damaged-" + offset + "-" + mask + "/blocklist.cm");
        Files.createDirectories(damaged.getParent());
        final byte[] bytes = originalBytes.clone();
        bytes[offset] ^= (byte)mask;
        Files.write(damaged, bytes);
        Files.copy(MapSidecar.pathFor(original), MapSidecar.pathFor(damaged), StandardCopyOption.COPY_ATTRIBUTES);
        final BlocklistStore store;
        try {
            store = BlocklistStore.open(damaged, 1_000, BlocklistStoreTest.KEY);
        } catch (final BlocklistException refused) {
            return true;
        }
        try (store) {
            final BlocklistLookup lookup = store.newLookup();
            for (final long[] token : tokens) {
                try {
                    final BlockReason reason = lookup.find(token[0], token[1], NOW);
                    if (reason == null) {
                        fail("a flip of byte " + offset + " with " + Integer.toHexString(mask)
                            + " turned a listed card into an approval");
                    }
                } catch (final IllegalStateException damage) {
                    assertNotNull(store.damage().problemOrNull());
                }
            }
        }
        return false;
    }

    private static byte[] littleEndian(final long high, final long low) {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(high).putLong(low).array();
    }

    private static int indexOf(final byte[] haystack, final byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
