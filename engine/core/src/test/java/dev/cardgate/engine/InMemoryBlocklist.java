package dev.cardgate.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.cardgate.engine.blocklist.BlockReason;
import dev.cardgate.engine.blocklist.BlocklistLookup;
import dev.cardgate.engine.token.CardToken;

/** A blocklist for tests of the pipeline: a concurrent map, no expiry. */
final class InMemoryBlocklist implements BlocklistLookup {
    private final Map<CardToken, BlockReason> entries = new ConcurrentHashMap<>();
    private final CardToken probe = new CardToken();

    InMemoryBlocklist block(final CharSequence pan, final BlockReason reason) {
        final CardToken token = new CardToken();
        new TestTokenizer().tokenize(pan, token);
        entries.put(token, reason);
        return this;
    }

    @Override
    public BlockReason find(final long tokenHigh, final long tokenLow, final long nowEpochMillis) {
        return entries.get(probe.set(tokenHigh, tokenLow));
    }
}
