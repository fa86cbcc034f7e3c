package dev.cardgate.engine.blocklist;

/** What an add (or one line of an import) did to the blocklist. */
public enum AddOutcome {
    /** The card was not listed; now it is. */
    ADDED,
    /** The card was listed with another reason, expiry or reference; the new one replaced it. */
    UPDATED,
    /** The card was listed with exactly this content; nothing was written. */
    UNCHANGED
}
