package dev.cardgate.engine.rules;

import java.util.Arrays;

/**
 * The "for" part of a policy or limit rule, compiled into primitive structures: each dimension
 * is either absent (any value matches) or a set: a bitset over merchant category codes 0-9999,
 * ISO country codes 0-999 and PAN entry modes 0-99; sorted, merged BIN ranges searched by
 * bisection; packed names (regions, groups, merchants) searched linearly; minute-of-day ranges.
 * A rule matches when every present dimension matches. Immutable; {@link #matches} allocates
 * nothing.
 */
public final class RuleConditions {
    private final int[] binLow;
    private final int[] binHigh;
    private final long[] merchantCategories;
    private final long[] countries;
    private final long[] regions;
    private final long[] groups;
    private final long[] merchantHighs;
    private final long[] merchantLows;
    private final long[] entryModes;
    private final int[] minuteFrom;
    private final int[] minuteTo;

    RuleConditions(final int[] binLow, final int[] binHigh, final long[] merchantCategories, final long[] countries,
        final long[] regions, final long[] groups, final long[] merchantHighs, final long[] merchantLows,
        final long[] entryModes, final int[] minuteFrom, final int[] minuteTo) {
        this.binLow = binLow;
        this.binHigh = binHigh;
        this.merchantCategories = merchantCategories;
        this.countries = countries;
        this.regions = regions;
        this.groups = groups;
        this.merchantHighs = merchantHighs;
        this.merchantLows = merchantLows;
        this.entryModes = entryModes;
        this.minuteFrom = minuteFrom;
        this.minuteTo = minuteTo;
    }

    /** True when the request described by {@code facts} is in every dimension this rule names. */
    public boolean matches(final RequestFacts facts) {
        return (binLow == null || inRanges(facts.bin))
            && (merchantCategories == null || isSet(merchantCategories, facts.merchantCategoryCode))
            && (countries == null || isSet(countries, facts.countryCode))
            && (entryModes == null || isSet(entryModes, facts.panEntryMode))
            && (regions == null || contains(regions, facts.region))
            && (groups == null || contains(groups, facts.group))
            && (merchantHighs == null || containsMerchant(facts.merchantHigh, facts.merchantLow))
            && (minuteFrom == null || inHours(facts.minuteOfDay));
    }

    /** A bitset of {@code bits} bits (as long words). */
    static long[] newBitset(final int bits) {
        return new long[(bits + 63) >>> 6];
    }

    static void set(final long[] bitset, final int from, final int to) {
        for (int value = from; value <= to; value++) {
            bitset[value >>> 6] |= 1L << value;
        }
    }

    static boolean isSet(final long[] bitset, final int value) {
        return value >= 0 && (value >>> 6) < bitset.length && (bitset[value >>> 6] & (1L << value)) != 0;
    }

    private boolean inRanges(final int bin) {
        int low = 0;
        int high = binLow.length - 1;
        while (low <= high) {
            final int middle = (low + high) >>> 1;
            if (binHigh[middle] < bin) {
                low = middle + 1;
            }
            else if (binLow[middle] > bin) {
                high = middle - 1;
            }
            else {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(final long[] names, final long name) {
        for (final long candidate : names) {
            if (candidate == name) {
                return true;
            }
        }
        return false;
    }

    private boolean containsMerchant(final long high, final long low) {
        for (int i = 0; i < merchantHighs.length; i++) {
            if (merchantHighs[i] == high && merchantLows[i] == low) {
                return true;
            }
        }
        return false;
    }

    private boolean inHours(final int minute) {
        for (int i = 0; i < minuteFrom.length; i++) {
            final int from = minuteFrom[i];
            final int to = minuteTo[i];
            final boolean inside = from <= to ? minute >= from && minute < to : minute >= from || minute < to;
            if (inside) {
                return true;
            }
        }
        return false;
    }

    /** Sorts and merges overlapping BIN ranges, so that {@link #matches} can bisect them. */
    static int[][] mergeRanges(final int[] lows, final int[] highs) {
        final Integer[] order = new Integer[lows.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(lows[a], lows[b]));
        final int[] mergedLow = new int[lows.length];
        final int[] mergedHigh = new int[lows.length];
        int count = 0;
        for (final int index : order) {
            if (count > 0 && lows[index] <= mergedHigh[count - 1] + 1) {
                mergedHigh[count - 1] = Math.max(mergedHigh[count - 1], highs[index]);
            }
            else {
                mergedLow[count] = lows[index];
                mergedHigh[count] = highs[index];
                count++;
            }
        }
        return new int[][] {Arrays.copyOf(mergedLow, count), Arrays.copyOf(mergedHigh, count)};
    }
}
