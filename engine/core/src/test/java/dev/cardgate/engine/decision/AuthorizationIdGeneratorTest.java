package dev.cardgate.engine.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.cardgate.engine.event.AuthorizationIds;

class AuthorizationIdGeneratorTest {
    private static final int DRAWS = 1_000_000;

    @Test
    void aMillionIdsAreDistinctAndWithinSixCharacters() {
        final AuthorizationIdGenerator generator = new AuthorizationIdGenerator(new Random(7));
        final long[] ids = new long[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            ids[i] = generator.next();
            assertTrue(ids[i] >= 0 && ids[i] < AuthorizationIds.CARDINALITY, Long.toString(ids[i]));
        }
        Arrays.sort(ids);
        for (int i = 1; i < DRAWS; i++) {
            assertNotEquals(ids[i - 1], ids[i], "repeated id " + ids[i]);
        }
    }

    @Test
    void consecutiveIdsDoNotRevealTheCounter() {
        final AuthorizationIdGenerator generator = new AuthorizationIdGenerator(new Random(11));
        final long first = generator.next();
        final long second = generator.next();
        final long third = generator.next();
        assertNotEquals(second - first, third - second, "ids advance by a constant step");
        assertTrue(Math.abs(second - first) > 1 && Math.abs(third - second) > 1);
    }

    @Test
    void differentKeysGiveDifferentSequences() {
        assertNotEquals(new AuthorizationIdGenerator(new Random(1)).next(),
            new AuthorizationIdGenerator(new Random(2)).next());
    }

    @Test
    void startsOverUnderFreshKeysAfterTheLastId() {
        final AuthorizationIdGenerator generator =
            new AuthorizationIdGenerator(new Random(3), AuthorizationIds.CARDINALITY - 2);
        for (int i = 0; i < 5; i++) {
            final long id = generator.next();
            assertTrue(id >= 0 && id < AuthorizationIds.CARDINALITY, Long.toString(id));
        }
        assertEquals(6, AuthorizationIds.toString(generator.next()).length());
    }
}
