package dev.cardgate.engine.decision;

import java.util.Random;

import dev.cardgate.engine.event.AuthorizationIds;

/**
 * Gives each approval an authorization id (field 38) that is unique within the engine's run and
 * not guessable from its neighbours, without allocating.
 *
 * <p>How: a counter is passed through a keyed permutation of the 36^6 six-character ids: a
 * four-round Feistel network over 32 bits with random round keys, "cycle-walked" (re-applied
 * while the result is 36^6 or more) so that it maps [0, 36^6) onto itself one to one. The first
 * 2,176,782,336 approvals of a run therefore get distinct ids; after that the counter starts
 * over under fresh keys, so ids may repeat (at 10,000 approvals a second that is after
 * 60 hours). This hides the sequence from a casual observer; it is not a cryptographic
 * guarantee and does not need to be: field 38 is matched with the STAN and terminal.
 *
 * <p>Decision thread only.
 */
public final class AuthorizationIdGenerator {
    private static final int ROUNDS = 4;
    private static final int HALF_MASK = 0xFFFF;

    private final Random keySource;
    private final int[] roundKeys = new int[ROUNDS];
    private long counter;

    /** @param keySource where round keys come from: a {@link java.security.SecureRandom} in the engine */
    public AuthorizationIdGenerator(final Random keySource) {
        this(keySource, 0);
    }

    /** For tests of the wrap-around: starts the counter at {@code firstCounter}. */
    AuthorizationIdGenerator(final Random keySource, final long firstCounter) {
        this.keySource = keySource;
        this.counter = firstCounter;
        rekey();
    }

    /** The next id, in [0, 36^6). */
    public long next() {
        if (counter == AuthorizationIds.CARDINALITY) {
            counter = 0;
            rekey();
        }
        long value = counter++;
        do {
            value = permute((int)value) & 0xFFFF_FFFFL;
        }
        while (value >= AuthorizationIds.CARDINALITY);
        return value;
    }

    private int permute(final int value) {
        int left = value >>> 16;
        int right = value & HALF_MASK;
        for (int round = 0; round < ROUNDS; round++) {
            final int mixed = (left ^ round(right, roundKeys[round])) & HALF_MASK;
            left = right;
            right = mixed;
        }
        return (left << 16) | right;
    }

    private static int round(final int half, final int key) {
        int x = (half ^ key) * 0x9E3779B1;
        x ^= x >>> 15;
        x *= 0x85EBCA6B;
        x ^= x >>> 13;
        return x;
    }

    private void rekey() {
        for (int i = 0; i < ROUNDS; i++) {
            roundKeys[i] = keySource.nextInt();
        }
    }
}
