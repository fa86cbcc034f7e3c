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
            default:
                return null;
        }
    }
}
