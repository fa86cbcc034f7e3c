/**
 * The terminal's day on the decision thread: advices, voids, refunds, pre-authorizations and
 * completions, batch uploads and settlement, with the per-terminal batch totals and holds they
 * change, kept in bounded primitive tables and rebuilt from the journal at start.
 */
package dev.cardgate.engine.batch;
