package dev.cardgate.engine.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.cardgate.engine.event.AuthorizationEvent;

/**
 * One complete, validated set of rules, compiled from a rules file (or the built-in defaults):
 * accepted currencies, fields each message type requires, minimum software per terminal model,
 * policy rules in file order, and risk rules. Immutable, so the decision thread can use it while
 * a reload compiles the next one; every query allocates nothing.
 */
public final class RuleSet {
    /** Field 41 missing or not readable: a format error found by the terminal check. */
    public static final int RULE_FIELD_41_MISSING = EngineRules.TERMINAL_BASE + 8;

    private static final int[] DEFAULT_REQUIRED_MESSAGE_TYPES = {100, 200};
    private static final int[] DEFAULT_REQUIRED_FIELDS = {2, 4, 11, 14, 41, 42, 49};

    private final String source;
    private final long[] acceptedCurrencies;
    private final int[] requiredMessageTypes;
    private final long[] requiredFieldMasks;
    private final long[] softwareModels;
    private final long[] minimumSoftwareVersions;
    private final PolicyRule[] policies;
    private final LimitRule[] limits;
    private final VelocityRule[] velocities;
    private final CardTestingRule cardTesting;
    private final TravelRule travel;
    private final boolean dryRunAll;
    private final Map<Integer, String> names;

    RuleSet(final String source, final long[] acceptedCurrencies, final int[] requiredMessageTypes,
        final long[] requiredFieldMasks, final long[] softwareModels, final long[] minimumSoftwareVersions,
        final List<PolicyRule> policies, final List<LimitRule> limits, final List<VelocityRule> velocities,
        final CardTestingRule cardTesting, final TravelRule travel, final boolean dryRunAll) {
        this.source = source;
        this.acceptedCurrencies = acceptedCurrencies;
        this.requiredMessageTypes = requiredMessageTypes;
        this.requiredFieldMasks = requiredFieldMasks;
        this.softwareModels = softwareModels;
        this.minimumSoftwareVersions = minimumSoftwareVersions;
        this.policies = policies.toArray(new PolicyRule[0]);
        this.limits = limits.toArray(new LimitRule[0]);
        this.velocities = velocities.toArray(new VelocityRule[0]);
        this.cardTesting = cardTesting;
        this.travel = travel;
        this.dryRunAll = dryRunAll;
        final Map<Integer, String> byId = new TreeMap<>();
        policies.forEach(rule -> byId.put(rule.ruleId(), "policy." + rule.name()));
        limits.forEach(rule -> byId.put(rule.ruleId(), "limit." + rule.name()));
        velocities.forEach(rule -> byId.put(rule.ruleId(), "velocity." + rule.name()));
        if (cardTesting != null) {
            byId.put(cardTesting.ruleId(), "card-testing." + cardTesting.name());
        }
        if (travel != null) {
            byId.put(travel.ruleId(), "impossible-travel." + travel.name());
        }
        this.names = Map.copyOf(byId);
    }

    /** The rules when no rules file is configured: every currency, default required fields, no policy or risk rule. */
    public static RuleSet defaults() {
        final long[] masks = new long[DEFAULT_REQUIRED_MESSAGE_TYPES.length];
        for (int i = 0; i < masks.length; i++) {
            masks[i] = mask(DEFAULT_REQUIRED_FIELDS);
        }
        return new RuleSet("built-in defaults", null, DEFAULT_REQUIRED_MESSAGE_TYPES.clone(), masks, new long[0],
            new long[0], List.of(), List.of(), List.of(), null, null, false);
    }

    static long mask(final int[] fields) {
        long mask = 0;
        for (final int field : fields) {
            mask |= AuthorizationEvent.fieldBit(field);
        }
        return mask;
    }

    /** Where these rules came from: the file, or "built-in defaults". */
    public String source() {
        return source;
    }

    /** True when {@code currencyCode} (field 49) is accepted; every code is when no list is configured. */
    public boolean acceptsCurrency(final int currencyCode) {
        return acceptedCurrencies == null || RuleConditions.isSet(acceptedCurrencies, currencyCode);
    }

    /**
     * The fields (as a primary bitmap, see {@link AuthorizationEvent#presentFields()}) that
     * {@code messageTypeIndicator} requires; the defaults' for 0100 when the file names none for it.
     */
    public long requiredFields(final int messageTypeIndicator) {
        for (int i = 0; i < requiredMessageTypes.length; i++) {
            if (requiredMessageTypes[i] == messageTypeIndicator) {
                return requiredFieldMasks[i];
            }
        }
        return mask(DEFAULT_REQUIRED_FIELDS);
    }

    /** The minimum software version configured for a packed model, or -1 when none is. */
    public long minimumSoftwareVersion(final long packedModel) {
        for (int i = 0; i < softwareModels.length; i++) {
            if (softwareModels[i] == packedModel) {
                return minimumSoftwareVersions[i];
            }
        }
        return -1;
    }

    public int policyCount() {
        return policies.length;
    }

    public PolicyRule policy(final int index) {
        return policies[index];
    }

    public int limitCount() {
        return limits.length;
    }

    public LimitRule limit(final int index) {
        return limits[index];
    }

    public int velocityCount() {
        return velocities.length;
    }

    public VelocityRule velocity(final int index) {
        return velocities[index];
    }

    /** The card-testing rule, or null. */
    public CardTestingRule cardTesting() {
        return cardTesting;
    }

    /** The impossible-travel rule, or null. */
    public TravelRule travel() {
        return travel;
    }

    /** True when the file says {@code dry-run}: every policy and risk rule only notes. */
    public boolean dryRunAll() {
        return dryRunAll;
    }

    /** The longest window of a risk rule, 0 when there is none. */
    public long longestWindowMillis() {
        long longest = 0;
        for (final VelocityRule rule : velocities) {
            longest = Math.max(longest, rule.windowMillis());
        }
        if (cardTesting != null) {
            longest = Math.max(longest, cardTesting.windowMillis());
        }
        if (travel != null) {
            longest = Math.max(longest, travel.windowMillis());
        }
        return longest;
    }

    /** The name of a rule of this set ("policy.no-gambling"), or null. */
    public String nameOf(final int ruleId) {
        return names.get(ruleId);
    }

    /** Every rule id and name, for logs. */
    public List<String> describe() {
        final List<String> lines = new ArrayList<>();
        names.forEach((id, name) -> lines.add(id + " " + name));
        return lines;
    }

    @Override
    public String toString() {
        return "rules from " + source + ": " + policies.length + " policy, " + limits.length + " limit, "
            + velocities.length + " velocity" + (cardTesting != null ? ", card-testing" : "")
            + (travel != null ? ", impossible-travel" : "") + (dryRunAll ? " (all dry-run)" : "");
    }
}
