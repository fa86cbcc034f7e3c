package dev.cardgate.engine.upstream;

import dev.cardgate.engine.config.FloorLimits;
import dev.cardgate.engine.config.StandInConfiguration;
import dev.cardgate.engine.counters.ComponentCounters;
import dev.cardgate.engine.counters.CounterRegistry;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecidedEventListener;
import dev.cardgate.engine.rules.EngineRules;
import dev.cardgate.engine.terminal.AsciiCodes;

/**
 * The limits within which the engine approves alone while the network cannot be asked
 * (stand-in): a floor limit per transaction by merchant category and country, and cumulative
 * caps per card, per terminal and per merchant, and one global exposure budget, all over one
 * tumbling window ({@code upstream.standin.window.ms}) that begins at the first stand-in approval
 * and after which every sum starts again from zero.
 *
 * <p>{@link #check} says whether a request fits (and which limit it does not); the sums change
 * only in {@link #onDecided}, from stand-in approvals as journaled, so replaying the journal
 * rebuilds them exactly. Decision thread only (replay on the starting thread); preallocated
 * primitive tables, bounded by {@code upstream.standin.max-tracked}: nothing allocates.
 */
public final class StandInLimits implements DecidedEventListener {
    /** {@link #check}: the request fits every limit. */
    public static final int WITHIN_LIMITS = EngineRules.NONE;

    private static final int STAND_IN_APPROVAL = OutcomeKind.STAND_IN_APPROVAL.ordinal();

    private final boolean enabled;
    private final FloorLimits floorLimits;
    private final long windowMillis;
    private final long cardCap;
    private final long terminalCap;
    private final long merchantCap;
    private final long budget;
    private final ExposureTable cards;
    private final ExposureTable terminals;
    private final ExposureTable merchants;
    private final ComponentCounters<UpstreamFlowCounter> counters;
    private long windowStart = -1;
    private long exposure;

    public StandInLimits(final StandInConfiguration configuration, final CounterRegistry counters) {
        this.enabled = configuration.enabled();
        this.floorLimits = configuration.floorLimits();
        this.windowMillis = configuration.windowMillis();
        this.cardCap = configuration.cardCapMinor();
        this.terminalCap = configuration.terminalCapMinor();
        this.merchantCap = configuration.merchantCapMinor();
        this.budget = configuration.exposureBudgetMinor();
        this.cards = new ExposureTable(configuration.maxTracked());
        this.terminals = new ExposureTable(configuration.maxTracked());
        this.merchants = new ExposureTable(configuration.maxTracked());
        this.counters = counters.component(UpstreamFlowCounter.class);
    }

    /**
     * Whether {@code request} may be approved in stand-in now.
     *
     * @return {@link #WITHIN_LIMITS}, or the {@link EngineRules} id of the first limit it passes
     *         (floor, card, terminal, merchant, budget, or a table full)
     */
    public int check(final AuthorizationEvent request, final long now) {
        if (!enabled) {
            return EngineRules.STAND_IN_DISABLED;
        }
        rollWindow(now);
        final long amount = request.amountMinor();
        if (amount > floorLimits.limitFor(request.merchantCategoryCode(), request.countryCode())) {
            counters.increment(UpstreamFlowCounter.STAND_IN_FLOOR_LIMIT_EXCEEDED);
            return EngineRules.STAND_IN_FLOOR_LIMIT;
        }
        final int card = cards.slotFor(request.cardTokenHigh(), request.cardTokenLow());
        final int terminal = terminals.slotFor(AsciiCodes.terminalKey(request), 0);
        final int merchant = merchants.slotFor(merchantHigh(request), merchantLow(request));
        if (card == ExposureTable.FULL || terminal == ExposureTable.FULL || merchant == ExposureTable.FULL) {
            return EngineRules.STAND_IN_TABLE_FULL;
        }
        if (cards.sum(card) + amount > cardCap) {
            counters.increment(UpstreamFlowCounter.STAND_IN_CARD_CAP_REACHED);
            return EngineRules.STAND_IN_CARD_CAP;
        }
        if (terminals.sum(terminal) + amount > terminalCap) {
            counters.increment(UpstreamFlowCounter.STAND_IN_TERMINAL_CAP_REACHED);
            return EngineRules.STAND_IN_TERMINAL_CAP;
        }
        if (merchants.sum(merchant) + amount > merchantCap) {
            counters.increment(UpstreamFlowCounter.STAND_IN_MERCHANT_CAP_REACHED);
            return EngineRules.STAND_IN_MERCHANT_CAP;
        }
        if (exposure + amount > budget) {
            counters.increment(UpstreamFlowCounter.STAND_IN_BUDGET_REACHED);
            return EngineRules.STAND_IN_EXPOSURE_BUDGET;
        }
        return WITHIN_LIMITS;
    }

    /** Learns a stand-in approval (live, or replayed from the journal); ignores every other decision. */
    @Override
    public void onDecided(final AuthorizationEvent decided) {
        if (decided.outcomeKindOrdinal() != STAND_IN_APPROVAL || !decided.approved()) {
            return;
        }
        final long now = decided.decisionTimeEpochMillis();
        rollWindow(now);
        if (windowStart < 0) {
            windowStart = now;
        }
        final long amount = decided.amountMinor();
        final int card = cards.slotFor(decided.cardTokenHigh(), decided.cardTokenLow());
        final int terminal = terminals.slotFor(AsciiCodes.terminalKey(decided), 0);
        final int merchant = merchants.slotFor(merchantHigh(decided), merchantLow(decided));
        if (card != ExposureTable.FULL) {
            cards.add(card, amount);
            counters.proposeMax(UpstreamFlowCounter.STAND_IN_CARD_EXPOSURE_MAX, cards.sum(card));
        }
        if (terminal != ExposureTable.FULL) {
            terminals.add(terminal, amount);
            counters.proposeMax(UpstreamFlowCounter.STAND_IN_TERMINAL_EXPOSURE_MAX, terminals.sum(terminal));
        }
        if (merchant != ExposureTable.FULL) {
            merchants.add(merchant, amount);
            counters.proposeMax(UpstreamFlowCounter.STAND_IN_MERCHANT_EXPOSURE_MAX, merchants.sum(merchant));
        }
        exposure += amount;
        counters.set(UpstreamFlowCounter.STAND_IN_EXPOSURE, exposure);
    }

    @Override
    public long replayWindowMillis() {
        return windowMillis;
    }

    /** Minor units approved in stand-in in the current window (tests, the exposure gauge). */
    public long exposureMinor() {
        return exposure;
    }

    private void rollWindow(final long now) {
        if (windowStart >= 0 && now - windowStart >= windowMillis) {
            windowStart = -1;
            exposure = 0;
            cards.clear();
            terminals.clear();
            merchants.clear();
            counters.set(UpstreamFlowCounter.STAND_IN_EXPOSURE, 0);
            counters.set(UpstreamFlowCounter.STAND_IN_CARD_EXPOSURE_MAX, 0);
            counters.set(UpstreamFlowCounter.STAND_IN_TERMINAL_EXPOSURE_MAX, 0);
            counters.set(UpstreamFlowCounter.STAND_IN_MERCHANT_EXPOSURE_MAX, 0);
        }
    }

    private static long merchantHigh(final AuthorizationEvent event) {
        long key = 0;
        for (int i = 0; i < 8; i++) {
            key = key << 8 | event.merchantIdByte(i) & 0xFF;
        }
        return key;
    }

    private static long merchantLow(final AuthorizationEvent event) {
        long key = 0;
        for (int i = 8; i < AuthorizationEvent.MERCHANT_ID_LENGTH; i++) {
            key = key << 8 | event.merchantIdByte(i) & 0xFF;
        }
        return key;
    }
}
