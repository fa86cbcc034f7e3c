package dev.cardgate.engine.decision;

import dev.cardgate.engine.check.DecisionStage;
import dev.cardgate.engine.rules.EngineRules;
import dev.cardgate.engine.blocklist.BlockReason;
import dev.cardgate.engine.blocklist.BlocklistLookup;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionReason;

/**
 * Declines a card on the hot-card list with the code of its block reason (41, 43, 59, 62, 04).
 *
 * <p>Threading: owns its {@link BlocklistLookup}, which is confined to the decision thread.
 * A corrupt entry makes the lookup throw; the decision stage's failure handler answers 96.
 */
public final class BlocklistCheck extends SingleRuleCheck {
    /** Rule id of this check. */
    public static final int RULE_ID = EngineRules.BLOCKLIST_BASE + 1;

    private final BlocklistLookup lookup;

    public BlocklistCheck(final BlocklistLookup lookup) {
        super(DecisionStage.BLOCKLIST, RULE_ID, "blocklist");
        this.lookup = lookup;
    }

    @Override
    public DecisionReason evaluate(final AuthorizationEvent request, final long nowEpochMillis) {
        if (!request.cardTokenPresent()) {
            return null;
        }
        final BlockReason blockReason = lookup.find(request.cardTokenHigh(), request.cardTokenLow(), nowEpochMillis);
        return blockReason == null ? null : DecisionReason.forBlockReason(blockReason);
    }
}
