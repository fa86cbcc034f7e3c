package dev.cardgate.engine.blocklist;

/**
 * The read side of the hot-card list, as the decision thread sees it.
 *
 * <p>Threading: an instance is confined to one thread (it reuses its own key and value
 * objects); obtain one per thread from the store. A lookup allocates nothing, takes no lock
 * beyond the map's own segment lock, and sees every change another process has committed to
 * the shared map file before the call.
 */
public interface BlocklistLookup {
    /**
     * @param tokenHigh      upper 64 bits of the card token
     * @param tokenLow       lower 64 bits of the card token
     * @param nowEpochMillis the engine's wall-clock time; an entry that expired at or before it no
     *                       longer blocks
     * @return why the card is blocked, or {@code null} when it is not (absent or expired)
     * @throws IllegalStateException when the stored entry cannot be read (a corrupt value);
     *                               the pipeline answers such a request with 96
     */
    BlockReason find(long tokenHigh, long tokenLow, long nowEpochMillis);
}
