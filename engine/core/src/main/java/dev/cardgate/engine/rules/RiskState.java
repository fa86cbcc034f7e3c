package dev.cardgate.engine.rules;

import dev.cardgate.engine.event.DecidedEventListener;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionReason;
import dev.cardgate.engine.event.TransactionKind;
import dev.cardgate.engine.terminal.AsciiCodes;

/**
 * The decision thread's memory of recent activity: velocity and last approval per card
 * ({@link CardTable}), card testing per terminal ({@link TerminalActivityTable}) and recent
 * requests for duplicates and reversals ({@link RecentAuthorizations}). It learns only from
 * decided events ({@link #onDecided}), live or replayed from the journal, so that replaying the
 * journal rebuilds it exactly; the risk check only reads it.
 *
 * <p>What counts: approvals of requests (01xx, 02xx) add to the card's velocity; a reversal
 * (04xx) matched to an approved original gives back what that original added, once; a duplicate
 * (same terminal, STAN, transmission time and card as a request still remembered) is not counted again;
 * every request with a card is a sighting at its terminal, every card data or blocklist decline
 * counts toward the terminal's declines. The terminal day's kinds: an approved void gives back
 * its original (field 90) as a reversal does; an approved completion counts its own amount and
 * gives back its pre-authorization's; a refund (a credit) adds nothing to velocity.
 *
 * <p>Threading: decision thread only (replay runs before the pipeline starts). Allocates
 * nothing after construction, except {@link #prepareLanes} on a reloading thread.
 */
public final class RiskState implements DecidedEventListener {
    /** Requests are remembered at least this long for duplicates and reversals. */
    public static final long MIN_RETENTION_MILLIS = 3_600_000L;
    private static final int SWEEP_SLOTS_PER_DECISION = 4;

    private final CardTable cards;
    private final TerminalActivityTable terminals;
    private final RecentAuthorizations recent;
    private final RequestFacts facts;
    private final CountryResolver countries;
    private RuleSet rules;
    // the longest window of the rules in force, at least MIN_RETENTION_MILLIS: what entries are kept for
    private long retentionMillis;

    /** Where the card was used, for impossible travel: the registry's country of the terminal. */
    @FunctionalInterface
    public interface CountryResolver {
        /** The country of the terminal of {@code event}; allocation-free. */
        int countryOf(AuthorizationEvent event);
    }

    /**
     * @param facts     the terminal check's facts of the request being decided, used when they
     *                  belong to the event given to {@link #onDecided}
     * @param countries resolves the country of a replayed event's terminal
     */
    public RiskState(final int maxCards, final int maxTerminals, final int maxAuthorizations, final RuleSet rules,
        final RequestFacts facts, final CountryResolver countries) {
        this.cards = new CardTable(maxCards);
        this.terminals = new TerminalActivityTable(maxTerminals);
        this.recent = new RecentAuthorizations(maxAuthorizations);
        this.facts = facts;
        this.countries = countries;
        install(rules, prepareLanes(rules));
    }

    /** Allocates zeroed counters for the velocity rules of {@code next}; any thread. */
    public VelocityLane[] prepareLanes(final RuleSet next) {
        final VelocityLane[] lanes = new VelocityLane[next.velocityCount()];
        for (int i = 0; i < lanes.length; i++) {
            final VelocityRule rule = next.velocity(i);
            lanes[i] = new VelocityLane(rule.ruleId(), rule.windowMillis(), cards.slots);
        }
        return lanes;
    }

    /**
     * Decision thread, between events: uses {@code next}; a velocity rule with the same id and
     * window as before keeps its counters, others start from the fresh lanes.
     */
    public void install(final RuleSet next, final VelocityLane[] freshLanes) {
        // the prepared array serves this one install, so kept lanes go into it: nothing allocated here
        for (int i = 0; i < freshLanes.length; i++) {
            for (int existing = 0; existing < cards.laneCount(); existing++) {
                if (cards.lane(existing).sameRule(next.velocity(i))) {
                    freshLanes[i] = cards.lane(existing);
                }
            }
        }
        cards.lanes(freshLanes);
        use(next);
    }

    @Override
    public long replayWindowMillis() {
        return retentionMillis;
    }

    private void use(final RuleSet next) {
        rules = next;
        retentionMillis = Math.max(MIN_RETENTION_MILLIS, next.longestWindowMillis());
    }

    /**
     * When {@code event} repeats a remembered request (same terminal, STAN, transmission time and
     * card), writes the first one's decision into it and returns true.
     */
    public boolean repeatIfDuplicate(final AuthorizationEvent event, final long now) {
        final int slot = recent.findForCard(AsciiCodes.terminalKey(event), event.systemTraceAuditNumber(),
            event.transmissionDateTime(), event.cardTokenHigh(), event.cardTokenLow());
        if (slot < 0) {
            return false;
        }
        event.repeatDecision(DecisionReason.fromOrdinal(recent.reasonOrdinal[slot]), recent.ruleId[slot],
            recent.responseCode[slot], recent.authorizationId[slot], now);
        return true;
    }

    @Override
    public void onDecided(final AuthorizationEvent decided) {
        if (decided.reason() == null) {
            return;
        }
        final long now = decided.decisionTimeEpochMillis();
        sweep(now);
        final int messageClass = decided.messageTypeIndicator() / 100 % 10;
        final TransactionKind kind = decided.transactionKind();
        if (messageClass == 4 || (kind == TransactionKind.VOID && decided.approved())) {
            reverse(decided);
        }
        else if (messageClass == 1 || messageClass == 2) {
            learn(decided, now);
            if (kind == TransactionKind.COMPLETION && decided.approved()) {
                reverse(decided);
            }
        }
    }

    private void learn(final AuthorizationEvent decided, final long now) {
        final long terminalKey = AsciiCodes.terminalKey(decided);
        if (recent.findForCard(terminalKey, decided.systemTraceAuditNumber(), decided.transmissionDateTime(),
            decided.cardTokenHigh(), decided.cardTokenLow()) >= 0) {
            return;
        }
        final int slot = recent.add(terminalKey, decided.systemTraceAuditNumber(), decided.transmissionDateTime(), now);
        recent.tokenHigh[slot] = decided.cardTokenHigh();
        recent.tokenLow[slot] = decided.cardTokenLow();
        recent.amountMinor[slot] = decided.amountMinor();
        recent.reasonOrdinal[slot] = decided.reason().ordinal();
        recent.ruleId[slot] = decided.ruleId();
        recent.responseCode[slot] = decided.responseCode();
        recent.authorizationId[slot] = decided.authorizationId();
        recent.outcomeKind[slot] = (byte)decided.outcomeKindOrdinal();
        final int ruleId = decided.ruleId();
        final boolean pastTerminalCheck = ruleId == EngineRules.NONE
            || (ruleId >= EngineRules.CARD_DATA_BASE && ruleId < EngineRules.RISK_BASE + 100);
        // only card data and blocklist declines are signs of card testing: a policy or risk
        // decline (a casino terminal under a gambling ban) says nothing about stolen numbers
        final boolean testingSign = ruleId >= EngineRules.CARD_DATA_BASE && ruleId < EngineRules.POLICY_BASE;
        if (decided.cardTokenPresent() && pastTerminalCheck) {
            final int terminalSlot = terminals.findOrAdd(terminalKey, now);
            terminals.seeCard(terminalSlot, TerminalActivityTable.cardHash(decided.cardTokenHigh(),
                decided.cardTokenLow()), TerminalActivityTable.seconds(now));
            final CardTestingRule testing = rules.cardTesting();
            if (testingSign && testing != null) {
                terminals.declined(terminalSlot, now, testing.windowMillis());
            }
        }
        if (decided.approved() && decided.cardTokenPresent() && decided.transactionKind() != TransactionKind.REFUND) {
            recent.state(slot, RecentAuthorizations.APPROVED);
            final int card = cards.findOrAdd(decided.cardTokenHigh(), decided.cardTokenLow(), now);
            cards.approved(card, now, decided.amountMinor(), countryOf(decided, terminalKey));
        }
    }

    private void reverse(final AuthorizationEvent reversal) {
        final int slot = approvedOriginal(reversal);
        if (slot < 0) {
            return;
        }
        recent.state(slot, RecentAuthorizations.REVERSED);
        final int card = cards.find(recent.tokenHigh[slot], recent.tokenLow[slot]);
        if (card >= 0) {
            cards.giveBack(card, recent.decidedAt(slot), recent.amountMinor[slot]);
        }
    }

    /**
     * How the approved original of {@code reversal} was answered (its upstream Outcome Kind
     * ordinal: 0 local, or the network's or stand-in's), or -1 when no approved original is
     * remembered. Decision thread only; allocation-free.
     */
    public int outcomeKindOfApprovedOriginal(final AuthorizationEvent reversal) {
        final int slot = approvedOriginal(reversal);
        return slot < 0 ? -1 : recent.outcomeKind[slot];
    }

    private int approvedOriginal(final AuthorizationEvent reversal) {
        final long terminalKey = AsciiCodes.terminalKey(reversal);
        final boolean hasOriginalData = reversal.originalMessageType() != 0;
        final int stan = hasOriginalData ? reversal.originalSystemTraceAuditNumber() : reversal.systemTraceAuditNumber();
        final long transmission = hasOriginalData ? reversal.originalTransmissionDateTime()
            : reversal.transmissionDateTime();
        // with the card the match is the one duplicates use: another card's request with the same
        // STAN and time at the terminal is not the original
        final int slot = reversal.cardTokenPresent()
            ? recent.findForCard(terminalKey, stan, transmission, reversal.cardTokenHigh(), reversal.cardTokenLow())
            : recent.find(terminalKey, stan, transmission);
        return slot < 0 || recent.state(slot) != RecentAuthorizations.APPROVED ? -1 : slot;
    }

    private int countryOf(final AuthorizationEvent decided, final long terminalKey) {
        return facts.terminalKey == terminalKey && facts.resolvedFor == decided ? facts.countryCode
            : countries.countryOf(decided);
    }

    private void sweep(final long now) {
        final long retention = retentionMillis;
        recent.sweep(now - retention, SWEEP_SLOTS_PER_DECISION);
        cards.sweep(now - retention, SWEEP_SLOTS_PER_DECISION);
        terminals.sweep(now - retention, SWEEP_SLOTS_PER_DECISION);
    }

    // ---- read side, for the risk check ----

    int cardSlot(final long tokenHigh, final long tokenLow) {
        return cards.find(tokenHigh, tokenLow);
    }

    VelocityLane lane(final int index) {
        return cards.lane(index);
    }

    int lastCountry(final int cardSlot) {
        return cards.lastCountry(cardSlot);
    }

    long lastApprovedAt(final int cardSlot) {
        return cards.lastApprovedAt(cardSlot);
    }

    int terminalSlot(final long terminalKey) {
        return terminals.find(terminalKey);
    }

    int distinctCardsWith(final int terminalSlot, final long tokenHigh, final long tokenLow, final long now,
        final long windowMillis) {
        return terminals.distinctCardsWith(terminalSlot, TerminalActivityTable.cardHash(tokenHigh, tokenLow),
            TerminalActivityTable.seconds(now - windowMillis));
    }

    int declines(final int terminalSlot, final long now, final long windowMillis) {
        return terminals.declinesAt(terminalSlot, now, windowMillis);
    }

    /** Approvals counted for the card by velocity rule {@code laneIndex} at {@code now}; 0 if untracked. */
    public int velocityCount(final int laneIndex, final long tokenHigh, final long tokenLow, final long now) {
        final int slot = cards.find(tokenHigh, tokenLow);
        return slot < 0 ? 0 : cards.lane(laneIndex).countAt(slot, now);
    }

    /** Amount counted for the card by velocity rule {@code laneIndex} at {@code now}; 0 if untracked. */
    public long velocityAmount(final int laneIndex, final long tokenHigh, final long tokenLow, final long now) {
        final int slot = cards.find(tokenHigh, tokenLow);
        return slot < 0 ? 0 : cards.lane(laneIndex).amountAt(slot, now);
    }
}
