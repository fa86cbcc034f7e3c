/**
 * The decision journal: an append-only, segmented, checksummed record of every decision,
 * written on memory-mapped files by its own pipeline stage (between decision and reply) with
 * group commit; the start-up scan that cuts a torn tail and refuses corruption; replay of the
 * velocity window into the decision thread's state; retention; and the reader (query, follow,
 * statistics). docs/journal-format.md documents the format.
 *
 * <p>Only the journal thread writes; readers map segments read-only. The record never holds a
 * clear PAN: the card token and the masked PAN only.
 */
package dev.cardgate.engine.journal;
