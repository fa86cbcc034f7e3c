package dev.cardgate.engine.config;

import java.util.Arrays;

/**
 * Stand-in floor limits by merchant category code and country, parsed once from
 * {@code upstream.standin.floor-limits}: at most {@link #MAX_ENTRIES} entries in primitive
 * arrays, read by the decision thread without allocating. The most specific entry wins: one
 * naming both the category and the country, then one naming the category, then the country,
 * then the default ({@code upstream.standin.floor-limit.minor}).
 */
public final class FloorLimits {
    /** Entries at most. */
    public static final int MAX_ENTRIES = 64;
    /** One or more entries, or nothing. */
    static final String PATTERN = "|(?:\\s*(?:\\d{1,4}|\\*):(?:\\d{1,3}|\\*)=\\d{1,12}\\s*)"
        + "(?:,\\s*(?:\\d{1,4}|\\*):(?:\\d{1,3}|\\*)=\\d{1,12}\\s*)*";
    private static final int ANY = -1;

    private final int[] categories;
    private final int[] countries;
    private final long[] limits;
    private final long defaultLimit;

    private FloorLimits(final int[] categories, final int[] countries, final long[] limits, final long defaultLimit) {
        this.categories = categories;
        this.countries = countries;
        this.limits = limits;
        this.defaultLimit = defaultLimit;
    }

    /** Parses entries the setting's pattern accepted; {@link #problem} has found nothing wrong. */
    static FloorLimits parse(final String entries, final long defaultLimit) {
        final String[] parts = entries.isBlank() ? new String[0] : entries.split(",");
        final int[] categories = new int[parts.length];
        final int[] countries = new int[parts.length];
        final long[] limits = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            final String part = parts[i].trim();
            final int colon = part.indexOf(':');
            final int equals = part.indexOf('=');
            categories[i] = parseSide(part.substring(0, colon));
            countries[i] = parseSide(part.substring(colon + 1, equals));
            limits[i] = Long.parseLong(part.substring(equals + 1));
        }
        return new FloorLimits(categories, countries, limits, defaultLimit);
    }

    /** What is wrong with entries the pattern accepted (too many, both sides *, one named twice), or null. */
    static String problem(final String entries) {
        if (entries == null || !entries.matches(PATTERN)) {
            return null;
        }
        final FloorLimits parsed = parse(entries, 0);
        if (parsed.limits.length > MAX_ENTRIES) {
            return parsed.limits.length + " entries, at most " + MAX_ENTRIES + " allowed";
        }
        for (int i = 0; i < parsed.limits.length; i++) {
            if (parsed.categories[i] == ANY && parsed.countries[i] == ANY) {
                return "entry " + (i + 1) + " is *:*; the default is upstream.standin.floor-limit.minor";
            }
            for (int j = 0; j < i; j++) {
                if (parsed.categories[i] == parsed.categories[j] && parsed.countries[i] == parsed.countries[j]) {
                    return "entries " + (j + 1) + " and " + (i + 1) + " name the same category and country";
                }
            }
        }
        return null;
    }

    private static int parseSide(final String side) {
        final String trimmed = side.trim();
        return "*".equals(trimmed) ? ANY : Integer.parseInt(trimmed);
    }

    /** The floor limit for a merchant category and country; decision thread, allocation-free. */
    public long limitFor(final int merchantCategoryCode, final int countryCode) {
        long byCategory = -1;
        long byCountry = -1;
        for (int i = 0; i < limits.length; i++) {
            final boolean category = categories[i] == merchantCategoryCode;
            final boolean country = countries[i] == countryCode;
            if (category && country) {
                return limits[i];
            }
            if (category && countries[i] == ANY) {
                byCategory = limits[i];
            }
            else if (country && categories[i] == ANY) {
                byCountry = limits[i];
            }
        }
        return byCategory >= 0 ? byCategory : byCountry >= 0 ? byCountry : defaultLimit;
    }

    @Override
    public String toString() {
        return "floor limits " + Arrays.toString(limits) + ", default " + defaultLimit;
    }
}
