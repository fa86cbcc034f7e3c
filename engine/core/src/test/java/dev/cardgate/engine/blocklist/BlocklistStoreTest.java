package dev.cardgate.engine.blocklist;

import dev.cardgate.engine.token.AllocationMeter;
import dev.cardgate.engine.token.CardToken;
import dev.cardgate.engine.token.PanTokenizer;
import dev.cardgate.engine.token.TestPans;
import dev.cardgate.engine.token.TokenKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlocklistStoreTest {
    static final TokenKey KEY = TokenKey.fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final long NOW = System.currentTimeMillis();

    @TempDir
    Path directory;

    private final PanTokenizer tokenizer = KEY.newTokenizer();

    private BlockReason find(final BlocklistLookup lookup, final String pan, final long now) {
        final CardToken token = new CardToken();
        assertTrue(tokenizer.tokenize(pan, token));
        return lookup.find(token.high(), token.low(), now);
    }

    private BlocklistStore open(final long capacity) {
        return BlocklistStore.open(directory.resolve("blocklist.cm"), capacity, KEY);
    }

    @Test
    void addsChecksCountsAndRemovesACard() {
        try (BlocklistStore store = open(1_000)) {
            final BlocklistLookup lookup = store.newLookup();
            assertNull(find(lookup, TestPans.VISA, NOW));
            assertEquals(AddOutcome.ADDED, store.add(TestPans.VISA, BlockReason.STOLEN, BlocklistEntry.NO_EXPIRY, "CASE-1"));
            assertEquals(BlockReason.STOLEN, find(lookup, TestPans.VISA, NOW));
            assertNull(find(lookup, TestPans.MASTERCARD, NOW));
            assertEquals(1, store.count());
            final BlocklistEntry entry = store.check(TestPans.VISA).orElseThrow();
            assertEquals(BlockReason.STOLEN, entry.reason());
            assertEquals("CASE-1", entry.reference());
            assertEquals(BlocklistEntry.NO_EXPIRY, entry.expiresEpochMillis());
            assertTrue(Math.abs(entry.addedEpochMillis() - System.currentTimeMillis()) < 60_000);
            assertTrue(store.remove(TestPans.VISA));
            assertFalse(store.remove(TestPans.VISA));
            assertNull(find(lookup, TestPans.VISA, NOW));
            assertEquals(Optional.empty(), store.check(TestPans.VISA));
            assertEquals(0, store.count());
        }
    }

    @Test
    void declinesEachReasonWithItsResponseCode() {
        final String[] pans = {TestPans.VISA, TestPans.MASTERCARD, TestPans.VISA_2, TestPans.AMEX, TestPans.DISCOVER};
        final BlockReason[] reasons = BlockReason.values();
        final int[] responseCodes = {41, 43, 59, 62, 4};
        try (BlocklistStore store = open(1_000)) {
            final BlocklistLookup lookup = store.newLookup();
            for (int i = 0; i < reasons.length; i++) {
                store.add(pans[i], reasons[i], BlocklistEntry.NO_EXPIRY, "");
            }
            for (int i = 0; i < reasons.length; i++) {
                assertEquals(reasons[i], find(lookup, pans[i], NOW));
                assertEquals(responseCodes[i], find(lookup, pans[i], NOW).responseCode());
            }
        }
    }

    @Test
    void addingTheSameEntryAgainChangesNothingAndANewReasonUpdatesIt() {
        try (BlocklistStore store = open(1_000)) {
            store.add(TestPans.VISA, BlockReason.LOST, BlocklistEntry.NO_EXPIRY, "R1");
            final long firstAdded = store.check(TestPans.VISA).orElseThrow().addedEpochMillis();
            assertEquals(AddOutcome.UNCHANGED, store.add(TestPans.VISA, BlockReason.LOST, BlocklistEntry.NO_EXPIRY, "R1"));
            assertEquals(firstAdded, store.check(TestPans.VISA).orElseThrow().addedEpochMillis());
            assertEquals(AddOutcome.UPDATED, store.add(TestPans.VISA, BlockReason.FRAUD, BlocklistEntry.NO_EXPIRY, "R1"));
            assertEquals(AddOutcome.UPDATED, store.add(TestPans.VISA, BlockReason.FRAUD, NOW + 1000, "R1"));
            assertEquals(AddOutcome.UPDATED, store.add(TestPans.VISA, BlockReason.FRAUD, NOW + 1000, "R2"));
            assertEquals(BlockReason.FRAUD, find(store.newLookup(), TestPans.VISA, NOW));
            assertEquals(1, store.count());
        }
    }

    @Test
    void anExpiredEntryNoLongerBlocks() {
        final long expires = NOW + 60_000;
        try (BlocklistStore store = open(1_000)) {
            store.add(TestPans.VISA, BlockReason.LOST, expires, "");
            final BlocklistLookup lookup = store.newLookup();
            assertEquals(BlockReason.LOST, find(lookup, TestPans.VISA, NOW));
            assertEquals(BlockReason.LOST, find(lookup, TestPans.VISA, expires - 1));
            assertNull(find(lookup, TestPans.VISA, expires));
            assertNull(find(lookup, TestPans.VISA, expires + 86_400_000L));
            final BlocklistEntry entry = store.check(TestPans.VISA).orElseThrow();
            assertTrue(entry.blocksAt(expires - 1));
            assertFalse(entry.blocksAt(expires));
        }
    }

    @Test
    void removeExpiredRemovesOnlyEntriesThatNoLongerBlock() {
        try (BlocklistStore store = open(1_000)) {
            store.add(TestPans.VISA, BlockReason.LOST, NOW - 1, "");
            store.add(TestPans.MASTERCARD, BlockReason.LOST, NOW + 60_000, "");
            store.add(TestPans.VISA_2, BlockReason.LOST, BlocklistEntry.NO_EXPIRY, "");
            assertEquals(1, store.removeExpired(NOW));
            assertEquals(2, store.count());
            assertTrue(store.check(TestPans.VISA).isEmpty());
            assertTrue(store.check(TestPans.MASTERCARD).isPresent());
        }
    }

    @Test
    void refusesANewCardAtCapacityButStillUpdatesListedOnes() {
        try (BlocklistStore store = open(3)) {
            store.add(TestPans.VISA, BlockReason.LOST, BlocklistEntry.NO_EXPIRY, "");
            store.add(TestPans.MASTERCARD, BlockReason.LOST, BlocklistEntry.NO_EXPIRY, "");
            store.add(TestPans.VISA_2, BlockReason.LOST, BlocklistEntry.NO_EXPIRY, "");
            final BlocklistException full = assertThrows(BlocklistException.class,
                () -> store.add(TestPans.AMEX, BlockReason.LOST, BlocklistEntry.NO_EXPIRY, ""));
            assertTrue(full.getMessage().contains("is full"), full.getMessage());
            assertTrue(full.getMessage().contains("capacity of 3"), full.getMessage());
            assertTrue(store.check(TestPans.AMEX).isEmpty());
            assertEquals(AddOutcome.UPDATED, store.add(TestPans.VISA, BlockReason.STOLEN, BlocklistEntry.NO_EXPIRY, ""));
            assertEquals(3, store.count());
            store.remove(TestPans.VISA);
            assertEquals(AddOutcome.ADDED, store.add(TestPans.AMEX, BlockReason.LOST, BlocklistEntry.NO_EXPIRY, ""));
        }
    }

    @Test
    void refusesBadPansAndReferencesWithoutRepeatingThePan() {
        try (BlocklistStore store = open(10)) {
            final String mistyped = TestPans.withWrongCheckDigit(TestPans.VISA);
            final IllegalArgumentException luhn = assertThrows(IllegalArgumentException.class,
                () -> store.add(mistyped, BlockReason.LOST, BlocklistEntry.NO_EXPIRY, ""));
            assertFalse(luhn.getMessage().contains(mistyped), luhn.getMessage());
            assertTrue(luhn.getMessage().contains("411111******1112"), luhn.getMessage());
            assertThrows(IllegalArgumentException.class,
                () -> store.add("41111111111", BlockReason.LOST, BlocklistEntry.NO_EXPIRY, ""));
            assertThrows(IllegalArgumentException.class,
                () -> store.add(TestPans.VISA, BlockReason.LOST, BlocklistEntry.NO_EXPIRY, "12345678901234567"));
            assertThrows(IllegalArgumentException.class,
                () -> store.add(TestPans.VISA, BlockReason.LOST, BlocklistEntry.NO_EXPIRY, "a,b"));
            assertThrows(IllegalArgumentException.class, () -> store.check("4111-1111"));
            assertEquals(0, store.count());
        }
    }

    @Test
    void aRestartFindsTheBlocklistAsItWas() {
        final BlocklistEntry before;
        try (BlocklistStore store = open(1_000)) {
            for (int i = 0; i < 200; i++) {
                store.add(TestPans.generated(i), BlockReason.values()[i % 5], i % 2 == 0 ? BlocklistEntry.NO_EXPIRY : NOW + i,
                    "REF-" + i);
            }
            store.remove(TestPans.generated(7));
            before = store.check(TestPans.generated(42)).orElseThrow();
        }
        try (BlocklistStore store = open(1_000)) {
            assertEquals(199, store.count());
            assertEquals(before, store.check(TestPans.generated(42)).orElseThrow());
            final BlocklistLookup lookup = store.newLookup();
            assertNull(find(lookup, TestPans.generated(7), NOW));
            for (int i = 0; i < 200; i += 2) {
                if (i != 7) {
                    assertEquals(BlockReason.values()[i % 5], find(lookup, TestPans.generated(i), NOW));
                }
            }
        }
    }

    @Test
    void createsTheMapAndItsSidecarOwnerOnly() throws Exception {
        try (BlocklistStore store = open(100)) {
            store.add(TestPans.VISA, BlockReason.LOST, BlocklistEntry.NO_EXPIRY, "");
        }
        final Path map = directory.resolve("blocklist.cm");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(map)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(MapSidecar.pathFor(map))));
        final String sidecar = Files.readString(MapSidecar.pathFor(map));
        assertTrue(sidecar.contains("keyFingerprint=" + KEY.fingerprint()), sidecar);
        assertTrue(sidecar.contains("capacity=100"), sidecar);
        assertTrue(sidecar.contains("formatVersion=2"), sidecar);
    }

    @Test
    void aSecondStoreInTheSameProcessSharesTheFile() {
        try (BlocklistStore engine = open(100); BlocklistStore operator = open(100)) {
            final BlocklistLookup lookup = engine.newLookup();
            operator.add(TestPans.VISA, BlockReason.FRAUD, BlocklistEntry.NO_EXPIRY, "");
            assertEquals(BlockReason.FRAUD, find(lookup, TestPans.VISA, NOW));
            operator.close();
            engine.add(TestPans.MASTERCARD, BlockReason.LOST, BlocklistEntry.NO_EXPIRY, "");
            assertEquals(2, engine.count());
        }
    }

    @Test
    void aSmallerConfiguredCapacityIsEnforcedAndALargerOneRefused() {
        try (BlocklistStore store = open(100)) {
            store.add(TestPans.VISA, BlockReason.LOST, BlocklistEntry.NO_EXPIRY, "");
        }
        try (BlocklistStore store = open(1)) {
            assertEquals(1, store.capacity());
            assertThrows(BlocklistException.class,
                () -> store.add(TestPans.MASTERCARD, BlockReason.LOST, BlocklistEntry.NO_EXPIRY, ""));
        }
        final BlocklistException refused = assertThrows(BlocklistException.class, () -> open(101));
        assertTrue(refused.getMessage().contains("created for 100 entries"), refused.getMessage());
    }

    @Test
    void lookupAllocatesNothingAfterWarmUp() {
        try (BlocklistStore store = open(10_000)) {
            final long[] highs = new long[2_000];
            final long[] lows = new long[2_000];
            final CardToken token = new CardToken();
            for (int i = 0; i < highs.length; i++) {
                final String pan = TestPans.generated(i);
                if (i % 2 == 0) {
                    store.add(pan, BlockReason.LOST, BlocklistEntry.NO_EXPIRY, "R");
                }
                tokenizer.tokenize(pan, token);
                highs[i] = token.high();
                lows[i] = token.low();
            }
            final BlocklistLookup lookup = store.newLookup();
            final int[] hits = new int[1];
            final Runnable lookups = () -> {
                for (int round = 0; round < 50; round++) {
                    for (int i = 0; i < highs.length; i++) {
                        if (lookup.find(highs[i], lows[i], NOW) != null) {
                            hits[0]++;
                        }
                    }
                }
            };
            for (int warmUp = 0; warmUp < 10; warmUp++) {
                lookups.run();
            }
            hits[0] = 0;
            final long allocated = AllocationMeter.leastBytesAllocatedBy(lookups, 3);
            assertEquals(3 * 50_000, hits[0]);
            assertTrue(allocated < 256, "100,000 lookups (half hits) allocated " + allocated + " bytes");
        }
    }

    @Test
    void aValueThatCannotBeReadFailsTheLookupClearly() {
        try (BlocklistStore store = open(100)) {
            final CardToken token = new CardToken();
            tokenizer.tokenize(TestPans.VISA, token);
            final StoredEntry damaged = new StoredEntry().set(BlockReason.LOST, NOW, BlocklistEntry.NO_EXPIRY, "");
            damaged.layoutVersion = 9;
            store.chronicleMap().put(new TokenMapKey().set(token.high(), token.low()), damaged);
            final IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> store.newLookup().find(token.high(), token.low(), NOW));
            assertTrue(failure.getMessage().contains("layout 9"), failure.getMessage());
            assertThrows(BlocklistException.class, () -> store.check(TestPans.VISA));
            assertEquals(AddOutcome.UPDATED, store.add(TestPans.VISA, BlockReason.LOST, BlocklistEntry.NO_EXPIRY, ""));
        }
    }

    @Test
    void aClosedStoreRefusesOperations() {
        final BlocklistStore store = open(10);
        store.close();
        store.close();
        assertThrows(IllegalStateException.class, store::count);
        assertThrows(IllegalStateException.class, store::newLookup);
    }
}
