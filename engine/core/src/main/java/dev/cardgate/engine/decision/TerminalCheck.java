package dev.cardgate.engine.decision;

import dev.cardgate.engine.check.DecisionStage;
import dev.cardgate.engine.check.DecisionCheck;
import dev.cardgate.engine.rules.EngineRules;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.DecisionReason;
import dev.cardgate.engine.rules.ActiveRules;
import dev.cardgate.engine.rules.RequestFacts;
import dev.cardgate.engine.rules.RuleSet;
import dev.cardgate.engine.terminal.AsciiCodes;
import dev.cardgate.engine.terminal.StoredTerminal;
import dev.cardgate.engine.terminal.TerminalLookup;
import dev.cardgate.engine.terminal.TerminalSource;
import dev.cardgate.engine.terminal.TerminalStatus;

/**
 * The first check: is this terminal allowed to transact? Looks field 41 up in the registry, in
 * this order: field 41 absent (30); unknown (58, unless the configuration lets unregistered
 * terminals through while the registry is rolled out); disabled or suspended (58); faulty (91 or
 * the configured code); software older than the rules' minimum for its model (58); field 42 not
 * the registered merchant (03); sign-on required and not signed on (58).
 *
 * <p>It also resolves the {@link RequestFacts} the policy and risk rules match on, and records
 * when the terminal was last heard from, at most once per configured interval (a write to the
 * shared map). Decision thread only; allocates nothing.
 */
public final class TerminalCheck implements DecisionCheck {
    public static final int UNKNOWN_RULE_ID = EngineRules.TERMINAL_BASE + 1;
    public static final int DISABLED_RULE_ID = EngineRules.TERMINAL_BASE + 2;
    public static final int SUSPENDED_RULE_ID = EngineRules.TERMINAL_BASE + 3;
    public static final int FAULTY_RULE_ID = EngineRules.TERMINAL_BASE + 4;
    public static final int SOFTWARE_RULE_ID = EngineRules.TERMINAL_BASE + 5;
    public static final int MERCHANT_RULE_ID = EngineRules.TERMINAL_BASE + 6;
    public static final int SIGN_ON_RULE_ID = EngineRules.TERMINAL_BASE + 7;
    public static final int FIELD_41_RULE_ID = RuleSet.RULE_FIELD_41_MISSING;

    private final TerminalSource terminals;
    private final ActiveRules rules;
    private final RequestFacts facts;
    private final boolean refuseUnknown;
    private final int faultyResponseCode;
    private final long lastHeardIntervalMillis;
    private final StoredTerminal terminal = new StoredTerminal();
    private int fired = UNKNOWN_RULE_ID;
    private boolean signOnRequiredOfEveryTerminal;

    /**
     * @param refuseUnknown           true to decline unregistered terminals with 58
     * @param faultyResponseCode      field 39 for a faulty terminal (91 by default)
     * @param lastHeardIntervalMillis the least time between two writes of a terminal's last-heard time
     */
    public TerminalCheck(final TerminalSource terminals, final ActiveRules rules, final RequestFacts facts,
        final boolean refuseUnknown, final int faultyResponseCode, final long lastHeardIntervalMillis) {
        this.terminals = terminals;
        this.rules = rules;
        this.facts = facts;
        this.refuseUnknown = refuseUnknown;
        this.faultyResponseCode = faultyResponseCode;
        this.lastHeardIntervalMillis = lastHeardIntervalMillis;
    }

    /** {@code terminal.sign-on = required}: every registered terminal must sign on, whatever its entry says. Set before the engine starts. */
    public TerminalCheck signOnRequiredOfEveryTerminal(final boolean required) {
        this.signOnRequiredOfEveryTerminal = required;
        return this;
    }

    @Override
    public DecisionStage stage() {
        return DecisionStage.TERMINAL;
    }

    @Override
    public int ruleId() {
        return UNKNOWN_RULE_ID;
    }

    @Override
    public String ruleName() {
        return "terminal-unknown";
    }

    @Override
    public String nameOf(final int ruleId) {
        return switch (ruleId) {
            case UNKNOWN_RULE_ID -> ruleName();
            case DISABLED_RULE_ID -> "terminal-disabled";
            case SUSPENDED_RULE_ID -> "terminal-suspended";
            case FAULTY_RULE_ID -> "terminal-faulty";
            case SOFTWARE_RULE_ID -> "terminal-software-outdated";
            case MERCHANT_RULE_ID -> "merchant-mismatch";
            case SIGN_ON_RULE_ID -> "terminal-not-signed-on";
            case FIELD_41_RULE_ID -> "terminal-id-missing";
            default -> null;
        };
    }

    @Override
    public int firedRuleId() {
        return fired;
    }

    @Override
    public int firedResponseCode(final DecisionReason objection) {
        return objection == DecisionReason.TERMINAL_FAULTY ? faultyResponseCode : objection.responseCode();
    }

    @Override
    public DecisionReason evaluate(final AuthorizationEvent request, final long nowEpochMillis) {
        if (!request.isFieldPresent(41)) {
            return objection(FIELD_41_RULE_ID, DecisionReason.FORMAT_ERROR);
        }
        final long key = AsciiCodes.terminalKey(request);
        final boolean registered = terminals.find(key, terminal);
        resolveFacts(request, key, registered, nowEpochMillis);
        if (!registered) {
            return refuseUnknown ? objection(UNKNOWN_RULE_ID, DecisionReason.TERMINAL_UNKNOWN) : null;
        }
        if (nowEpochMillis - terminal.lastHeardEpochMillis() >= lastHeardIntervalMillis) {
            terminals.recordHeard(key, nowEpochMillis, TerminalLookup.SIGN_ON_UNCHANGED);
        }
        final TerminalStatus status = terminal.statusOrNull();
        if (status == TerminalStatus.DISABLED) {
            return objection(DISABLED_RULE_ID, DecisionReason.TERMINAL_DISABLED);
        }
        if (status == TerminalStatus.SUSPENDED) {
            return objection(SUSPENDED_RULE_ID, DecisionReason.TERMINAL_SUSPENDED);
        }
        if (status == TerminalStatus.FAULTY) {
            return objection(FAULTY_RULE_ID, DecisionReason.TERMINAL_FAULTY);
        }
        final long minimum = rules.current().minimumSoftwareVersion(terminal.model());
        if (minimum >= 0 && terminal.softwareVersion() < minimum) {
            return objection(SOFTWARE_RULE_ID, DecisionReason.TERMINAL_SOFTWARE_OUTDATED);
        }
        if (request.isFieldPresent(42) && !terminal.merchantIs(facts.merchantHigh, facts.merchantLow)) {
            return objection(MERCHANT_RULE_ID, DecisionReason.MERCHANT_MISMATCH);
        }
        if ((signOnRequiredOfEveryTerminal || terminal.signOnRequired()) && !terminal.signedOn()) {
            return objection(SIGN_ON_RULE_ID, DecisionReason.TERMINAL_NOT_SIGNED_ON);
        }
        return null;
    }

    /**
     * A network management message (08xx) from the terminal: refused with 58 as a request would
     * be when the terminal is unknown (in refuse mode), disabled or suspended; otherwise its
     * last-heard time and, for a sign-on (001) or sign-off (002), its sign-on state are recorded
     * and it is answered 00.
     */
    public void decideNetworkManagement(final AuthorizationEvent message, final long nowEpochMillis) {
        final long key = AsciiCodes.terminalKey(message);
        if (!message.isFieldPresent(41)) {
            message.decline(DecisionReason.FORMAT_ERROR, FIELD_41_RULE_ID, nowEpochMillis);
            return;
        }
        if (!terminals.find(key, terminal)) {
            if (refuseUnknown) {
                message.decline(DecisionReason.TERMINAL_UNKNOWN, UNKNOWN_RULE_ID, nowEpochMillis);
            }
            else {
                message.acknowledge(DecisionReason.NETWORK_MANAGEMENT_ACCEPTED, nowEpochMillis);
            }
            return;
        }
        final TerminalStatus status = terminal.statusOrNull();
        if (status == TerminalStatus.DISABLED || status == TerminalStatus.SUSPENDED) {
            message.decline(status == TerminalStatus.DISABLED ? DecisionReason.TERMINAL_DISABLED
                : DecisionReason.TERMINAL_SUSPENDED, status == TerminalStatus.DISABLED ? DISABLED_RULE_ID
                : SUSPENDED_RULE_ID, nowEpochMillis);
            return;
        }
        final int code = message.networkManagementCode();
        final int signOnChange = code == SIGN_ON_CODE ? TerminalLookup.SIGNED_ON
            : code == SIGN_OFF_CODE ? TerminalLookup.SIGNED_OFF : TerminalLookup.SIGN_ON_UNCHANGED;
        terminals.recordHeard(key, nowEpochMillis, signOnChange);
        message.acknowledge(DecisionReason.NETWORK_MANAGEMENT_ACCEPTED, nowEpochMillis);
    }

    /** Field 70: sign-on. */
    public static final int SIGN_ON_CODE = 1;
    /** Field 70: sign-off. */
    public static final int SIGN_OFF_CODE = 2;

    private void resolveFacts(final AuthorizationEvent request, final long key, final boolean registered,
        final long nowEpochMillis) {
        facts.resolvedFor = request;
        facts.terminalKey = key;
        facts.terminalRegistered = registered;
        facts.merchantHigh = AsciiCodes.merchantHigh(request);
        facts.merchantLow = AsciiCodes.merchantLow(request);
        facts.merchantCategoryCode = registered ? terminal.merchantCategoryCode() : request.merchantCategoryCode();
        facts.countryCode = registered ? terminal.countryCode() : request.countryCode();
        facts.region = registered ? terminal.region() : RequestFacts.NO_NAME;
        facts.group = registered ? terminal.group() : RequestFacts.NO_NAME;
        facts.bin = request.panFirstSix();
        facts.panEntryMode = request.posEntryMode() / 10;
        if (request.isFieldPresent(12)) {
            final int hhmmss = request.localTransactionTime();
            facts.minuteOfDay = hhmmss / 10_000 * 60 + hhmmss / 100 % 100;
        }
        else {
            facts.minuteOfDay = (int)(Math.floorMod(nowEpochMillis, 86_400_000L) / 60_000);
        }
    }

    private DecisionReason objection(final int ruleId, final DecisionReason reason) {
        fired = ruleId;
        return reason;
    }
}
