/**
 * The hot-card list: a Chronicle Map persisted to a file and shared by processes, keyed by
 * card token. Chronicle types stay inside this package.
 */
package dev.cardgate.engine.blocklist;
