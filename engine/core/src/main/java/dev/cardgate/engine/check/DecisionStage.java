package dev.cardgate.engine.check;

/**
 * The fixed order in which the decision thread runs its checks. The first check that objects
 * decides the answer, so the order is part of the engine's contract: a terminal that is
 * unknown is reported as such even if the card is also blocked.
 */
public enum DecisionStage {
    /** Terminal registry: known, enabled, licensed. */
    TERMINAL,
    /** Card data: PAN format, Luhn, expiry, required fields, amount, currency. */
    CARD_DATA,
    /** The hot-card list. */
    BLOCKLIST,
    /** Region, country and merchant category restrictions. */
    POLICY,
    /** Amount limits, velocity, fraud patterns. */
    RISK
}
