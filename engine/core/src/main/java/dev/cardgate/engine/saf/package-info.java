/**
 * Store and forward: the advices (0120, 0220) of stand-in approvals and the reversals (0420) the
 * engine owes the network, kept durably in an owner-only file of the data folder, the request's
 * frame sealed with AES-256-GCM, and sent in order by a thread of their own when the link is up.
 */
package dev.cardgate.engine.saf;
