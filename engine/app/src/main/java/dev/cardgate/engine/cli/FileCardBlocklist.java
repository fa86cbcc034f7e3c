package dev.cardgate.engine.cli;

import dev.cardgate.engine.blocklist.AddOutcome;
import dev.cardgate.engine.blocklist.BlockReason;
import dev.cardgate.engine.blocklist.BlocklistEntry;
import dev.cardgate.engine.blocklist.BlocklistStore;
import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.token.CardToken;
import dev.cardgate.engine.token.PanTokenizer;
import dev.cardgate.engine.token.TokenKey;

/** The blocklist in its map file, opened by this process (no engine runs on the data folder). */
final class FileCardBlocklist implements CardBlocklist {
    private final BlocklistStore store;
    private final PanTokenizer tokenizer;
    private final CardToken token = new CardToken();

    private FileCardBlocklist(final BlocklistStore store, final TokenKey key) {
        this.store = store;
        this.tokenizer = key.newTokenizer();
    }

    /** @param createIfAbsent create the data folder, key and map as a first start would (a command that adds) */
    static FileCardBlocklist open(final EngineConfiguration configuration, final boolean createIfAbsent) {
        final TokenKey key = OperatorFiles.tokenKey(configuration, createIfAbsent);
        return new FileCardBlocklist(OperatorFiles.blocklist(configuration, key, createIfAbsent), key);
    }

    @Override
    public Checked check(final String pan) {
        return new Checked(tokenOf(pan), store.check(pan).orElse(null));
    }

    @Override
    public Added add(final String pan, final BlockReason reason, final long expiresEpochMillis,
        final String reference) {
        final AddOutcome outcome = store.add(pan, reason, expiresEpochMillis, reference);
        final BlocklistEntry entry = store.check(pan).orElseThrow();
        return new Added(outcome, tokenOf(pan), entry);
    }

    @Override
    public Removed remove(final String pan) {
        return new Removed(store.remove(pan), tokenOf(pan));
    }

    private String tokenOf(final String pan) {
        tokenizer.tokenize(pan, token);
        return token.toString();
    }

    @Override
    public void close() {
        store.close();
    }
}
