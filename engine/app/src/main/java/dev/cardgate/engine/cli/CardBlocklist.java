package dev.cardgate.engine.cli;

import java.io.IOException;

import dev.cardgate.engine.blocklist.AddOutcome;
import dev.cardgate.engine.blocklist.BlockReason;
import dev.cardgate.engine.blocklist.BlocklistEntry;

/**
 * The blocklist as the block commands use it: through the running engine's control socket when
 * one runs on the data folder ({@link EngineCardBlocklist}: an answer in a millisecond, no map
 * opened here), else in the map file itself ({@link FileCardBlocklist}). Both give the same
 * answers; the PAN is hashed where the key is and only its token comes back.
 */
interface CardBlocklist extends AutoCloseable {
    /** A card's entry: null when it is not listed. */
    record Checked(String token, BlocklistEntry entry) {
    }

    record Added(AddOutcome outcome, String token, BlocklistEntry entry) {
    }

    record Removed(boolean removed, String token) {
    }

    Checked check(String pan) throws IOException;

    /** @throws OperatorFailure (refused) when the blocklist is full */
    Added add(String pan, BlockReason reason, long expiresEpochMillis, String reference) throws IOException;

    Removed remove(String pan) throws IOException;

    @Override
    void close() throws IOException;
}
