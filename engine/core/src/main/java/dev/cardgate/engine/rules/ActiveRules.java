package dev.cardgate.engine.rules;

/**
 * The rules the decision thread uses, and the hand-over of new ones: a reload compiles and
 * validates a {@link RuleSet} on the caller's thread and {@link #offer}s it through one volatile
 * reference; the decision thread {@link #takeOffered() takes} it between two events, never in the
 * middle of one, and from then on every check reads {@link #current()}.
 *
 * <p>Threading: {@link #offer} and {@link #installedVersion()} from any thread; the rest on the
 * decision thread.
 */
public final class ActiveRules {
    private volatile PreparedRules offered;
    private volatile long installedVersion;
    private long offeredVersion;
    private RuleSet current;

    /** A rule set and the fresh risk counters it needs, prepared off the decision thread. */
    public record PreparedRules(RuleSet rules, VelocityLane[] freshLanes, long version) {
    }

    public ActiveRules(final RuleSet initial) {
        this.current = initial;
    }

    /** The rules in force. Decision thread. */
    public RuleSet current() {
        return current;
    }

    /**
     * Hands new rules to the decision thread; a later offer before it is taken replaces it.
     *
     * @return the version the rules will have once installed
     */
    public synchronized long offer(final RuleSet rules, final VelocityLane[] freshLanes) {
        offeredVersion++;
        offered = new PreparedRules(rules, freshLanes, offeredVersion);
        return offeredVersion;
    }

    /** Decision thread, between events: the offered rules, now current; null when nothing new was offered. */
    public PreparedRules takeOffered() {
        final PreparedRules taken = offered;
        if (taken == null || taken.version() == installedVersion) {
            return null;
        }
        current = taken.rules();
        installedVersion = taken.version();
        return taken;
    }

    /** The version of the last rules the decision thread installed (0 for the initial rules). Any thread. */
    public long installedVersion() {
        return installedVersion;
    }
}
