package dev.cardgate.engine.blocklist;

import dev.cardgate.engine.token.CardToken;
import dev.cardgate.engine.token.PanTokenizer;
import dev.cardgate.engine.token.TestPans;
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
import java.util.TreeSet;

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
        final TreeSet<Integer> offsets = new TreeSet<>();
        for (int offset = 0; offset < 512; offset++) {
            offsets.add(offset); // the file header
        }
        for (final long[] token : tokens) {
            final int keyOffset = indexOf(originalBytes, littleEndian(token[0], token[1]));
            assertTrue(keyOffset > 0, "the listed token is in the file");
            for (int offset = keyOffset - 8; offset < keyOffset + 16 + 40 + 8; offset++) {
                offsets.add(offset); // the entry: key, value, checksum and what is around them
            }
        }
        for (int offset = 512; offset < originalBytes.length; offset += 251) {
            offsets.add(offset); // a sample of everything else: segment headers, hash lookups, free space
        }
        int refused = 0;
        int declined = 0;
        for (final int offset : offsets) {
            for (final int mask : new int[] {0x01, 0xff}) {
                if (refusedOrDeclined(offset, mask)) {
                    refused++;
                } else {
                    declined++;
                }
            }
        }
        System.out.println("flips: " + offsets.size() * 2 + ", refused " + refused + ", served and declined " + declined);
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
