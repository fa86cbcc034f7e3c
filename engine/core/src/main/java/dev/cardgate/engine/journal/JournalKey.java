package dev.cardgate.engine.journal;

import java.util.Arrays;

import dev.cardgate.engine.token.TokenKey;

/**
 * What the journal knows of the token key: its fingerprint, written into every segment header,
 * and the journal's chain key, derived from the token key with a label of its own (so it is
 * neither the token key nor any key the tokens are made with). Neither key is ever written to
 * the journal.
 *
 * <p>Immutable. {@link #unkeyed()} serves an engine without a token key (tests): its chain
 * still finds records removed, inserted or reordered, but anyone can recompute it.
 */
public final class JournalKey {
    /** The label the chain key is derived with; a new label would be a new key. */
    static final String CHAIN_KEY_LABEL = "cardgate journal chain key v2";
    /** The fingerprint of {@link #unkeyed()}. */
    public static final String UNKEYED_FINGERPRINT = "0000000000000000";

    private final String fingerprint;
    private final byte[] chainKey;

    JournalKey(final String fingerprint, final byte[] chainKey) {
        this.fingerprint = fingerprint;
        this.chainKey = chainKey;
    }

    /** The journal key of {@code tokenKey}. */
    public static JournalKey of(final TokenKey tokenKey) {
        return new JournalKey(tokenKey.fingerprint(), tokenKey.derive(CHAIN_KEY_LABEL));
    }

    /** A fixed, public chain key, for an engine without a token key and for tests. */
    public static JournalKey unkeyed() {
        return new JournalKey(UNKEYED_FINGERPRINT, new byte[32]);
    }

    /** The token key's fingerprint: safe to store and print. */
    public String fingerprint() {
        return fingerprint;
    }

    /** A new chain for one thread. */
    JournalChain newChain() {
        return new JournalChain(Arrays.copyOf(chainKey, chainKey.length));
    }

    @Override
    public String toString() {
        return "JournalKey{fingerprint=" + fingerprint + "}";
    }
}
