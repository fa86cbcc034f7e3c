package dev.cardgate.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import dev.cardgate.engine.token.Luhn;

class CardMixTest {
    private static final int REQUESTS = 100_000;

    @Test
    void carriesEachKindInItsShare() {
        final CardMix mix = new CardMix(0.02, 0.01, 0.05);
        final Map<CardMix.Kind, Integer> counts = new EnumMap<>(CardMix.Kind.class);
        for (long i = 0; i < REQUESTS; i++) {
            counts.merge(mix.kind(i), 1, Integer::sum);
        }
        assertEquals(0.02, counts.get(CardMix.Kind.BLOCKED) / (double)REQUESTS, 0.002);
        assertEquals(0.01, counts.get(CardMix.Kind.INVALID) / (double)REQUESTS, 0.002);
        assertEquals(0.05, counts.get(CardMix.Kind.VELOCITY) / (double)REQUESTS, 0.003);
    }

    @Test
    void onlyInvalidCardsFailTheLuhnCheckAndCleanOnesAreNeverRepeated() {
        final CardMix mix = new CardMix(0.1, 0.1, 0.1);
        final UnsafeBuffer pan = new UnsafeBuffer(new byte[CardMix.PAN_LENGTH]);
        final Set<String> cleanCards = new HashSet<>();
        final Set<String> velocityCards = new HashSet<>();
        for (long i = 0; i < 10_000; i++) {
            mix.writePan(i, pan, 0);
            final CardMix.Kind kind = mix.kind(i);
            assertEquals(kind != CardMix.Kind.INVALID, Luhn.isValid(pan, 0, CardMix.PAN_LENGTH), kind + " card " + i);
            final String digits = pan.getStringWithoutLengthAscii(0, CardMix.PAN_LENGTH);
            if (kind == CardMix.Kind.CLEAN) {
                assertTrue(cleanCards.add(digits), "clean card of request " + i + " used twice");
            }
            if (kind == CardMix.Kind.VELOCITY) {
                velocityCards.add(digits);
            }
        }
        assertEquals(CardMix.VELOCITY_CARDS, velocityCards.size());
    }

    @Test
    void blockedCardsAreTheOnesTheBlocklistsAreBuiltFrom() {
        final CardMix mix = new CardMix(1, 0, 0);
        final Set<String> listed = new HashSet<>();
        for (int k = 0; k < CardMix.BLOCKED_CARDS; k++) {
            listed.add(mix.blockedPan(k));
        }
        final UnsafeBuffer pan = new UnsafeBuffer(new byte[CardMix.PAN_LENGTH]);
        for (long i = 0; i < 5_000; i++) {
            mix.writePan(i, pan, 0);
            assertTrue(listed.contains(pan.getStringWithoutLengthAscii(0, CardMix.PAN_LENGTH)));
        }
        assertFalse(listed.contains("4111111111111111"));
    }

    @Test
    void refusesSharesAboveOne() {
        assertThrows(IllegalArgumentException.class, () -> new CardMix(0.5, 0.4, 0.2));
        assertThrows(IllegalArgumentException.class, () -> new CardMix(-0.1, 0, 0));
    }
}
