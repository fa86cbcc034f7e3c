package dev.cardgate.engine.rules;

/**
 * What the rules match a request on, resolved once per request by the terminal check: the
 * registry's values for a registered terminal, the request's own fields (18, 19) for an
 * unregistered one that the configuration lets through. Mutable, reused for every request.
 *
 * <p>Threading: decision thread only.
 */
public final class RequestFacts {
    /** {@link #region} and {@link #group} of an unregistered terminal: matches no name. */
    public static final long NO_NAME = 0;

    public long terminalKey;
    public boolean terminalRegistered;
    public int merchantCategoryCode;
    public int countryCode;
    public long region;
    public long group;
    public long merchantHigh;
    public long merchantLow;
    /** The first six digits of the PAN. */
    public int bin;
    /** The PAN entry mode: the first two digits of field 22 (90 magnetic stripe, 80 fallback, 05 chip). */
    public int panEntryMode;
    /** The terminal's local time of day in minutes (field 12), else the engine clock's UTC time. */
    public int minuteOfDay;
    /** The event these facts were resolved for; null between events, so stale facts are never used. */
    public Object resolvedFor;
}
