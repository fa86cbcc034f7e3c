package dev.cardgate.engine.rules;

/**
 * Rule ids of the engine's own guards, and the numbering scheme of the checks: each stage owns
 * a block of a hundred ids so that a rule id alone tells where a decline came from.
 */
public final class EngineRules {
    /** No rule fired: the request was approved. */
    public static final int NONE = 0;
    /** Terminal checks: 100 to 199. */
    public static final int TERMINAL_BASE = 100;
    /** Card data checks: 200 to 299. */
    public static final int CARD_DATA_BASE = 200;
    /** Blocklist checks: 300 to 399. */
    public static final int BLOCKLIST_BASE = 300;
    /** Policy rules: 400 to 499. */
    public static final int POLICY_BASE = 400;
    /** Risk rules: 500 to 599. */
    public static final int RISK_BASE = 500;
    /** Upstream: 600 to 699 (the network's declines, stand-in limits, timeouts). */
    public static final int UPSTREAM_BASE = 600;
    /** The network declined a forwarded request: its field 39 is passed on. */
    public static final int NETWORK_DECLINE = 601;
    /** Stand-in: the amount is above the floor limit of the merchant category and country. */
    public static final int STAND_IN_FLOOR_LIMIT = 611;
    /** Stand-in: the card's stand-in approvals in the window would pass the card cap. */
    public static final int STAND_IN_CARD_CAP = 612;
    /** Stand-in: the terminal's stand-in approvals in the window would pass the terminal cap. */
    public static final int STAND_IN_TERMINAL_CAP = 613;
    /** Stand-in: the merchant's stand-in approvals in the window would pass the merchant cap. */
    public static final int STAND_IN_MERCHANT_CAP = 614;
    /** Stand-in: all stand-in approvals in the window would pass the global exposure budget. */
    public static final int STAND_IN_EXPOSURE_BUDGET = 615;
    /** Stand-in: a table of stand-in exposure is full, so the request cannot be tracked. */
    public static final int STAND_IN_TABLE_FULL = 616;
    /** Stand-in is switched off ({@code upstream.standin.enabled = false}): 91 while the link is not up. */
    public static final int STAND_IN_DISABLED = 617;
    /** The network did not answer in time. */
    public static final int UPSTREAM_TIMEOUT = 621;
    /** The link carrying the request was lost, or the link did not take it. */
    public static final int UPSTREAM_LINK_LOST = 622;
    /** A stage failed while handling the request: answered 96. */
    public static final int STAGE_FAILURE = 901;
    /** The ring was full: answered 91 without entering the ring. */
    public static final int OVERLOADED = 902;
    /** The engine was closing: answered 91 without entering the ring. */
    public static final int SHUTTING_DOWN = 903;
    /** The journal could not write the record: an approval was answered 96 instead. */
    public static final int JOURNAL_FAILURE = 904;
    /** The journal could not write: the request was refused with 91 without entering the ring. */
    public static final int JOURNAL_UNAVAILABLE = 905;

    private EngineRules() {
    }

    /** Name of an engine guard rule, or null if {@code ruleId} is not one. */
    public static String guardName(final int ruleId) {
        switch (ruleId) {
            case NONE:
                return "none";
            case STAGE_FAILURE:
                return "engine.stage-failure";
            case OVERLOADED:
                return "engine.overloaded";
            case SHUTTING_DOWN:
                return "engine.shutting-down";
            case JOURNAL_FAILURE:
                return "engine.journal-failure";
            case JOURNAL_UNAVAILABLE:
                return "engine.journal-unavailable";
            case NETWORK_DECLINE:
                return "upstream.network-decline";
            case STAND_IN_FLOOR_LIMIT:
                return "upstream.standin.floor-limit";
            case STAND_IN_CARD_CAP:
                return "upstream.standin.card-cap";
            case STAND_IN_TERMINAL_CAP:
                return "upstream.standin.terminal-cap";
            case STAND_IN_MERCHANT_CAP:
                return "upstream.standin.merchant-cap";
            case STAND_IN_EXPOSURE_BUDGET:
                return "upstream.standin.exposure-budget";
            case STAND_IN_TABLE_FULL:
                return "upstream.standin.table-full";
            case STAND_IN_DISABLED:
                return "upstream.standin.disabled";
            case UPSTREAM_TIMEOUT:
                return "upstream.timeout";
            case UPSTREAM_LINK_LOST:
                return "upstream.link-lost";
            default:
                return null;
        }
    }
}
