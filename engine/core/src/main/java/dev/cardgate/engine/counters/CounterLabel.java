package dev.cardgate.engine.counters;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A counter's label as written in the file: a dotted name and, for a counter of a family, its
 * dimensions, e.g. {@code declines.by-reason reason=CARD_STOLEN} or
 * {@code latency stage=decision quantile=0.99}. Readers split it back into name and dimensions;
 * names and values hold no space and no {@code =}.
 *
 * @param name       the family's name, dotted ("journal.records")
 * @param dimensions dimension names to values, in order; empty for a single counter
 */
public record CounterLabel(String name, Map<String, String> dimensions) {
    /** The label of a single counter. */
    public static String of(final String name) {
        return name;
    }

    /** The label of a counter with one dimension. */
    public static String of(final String name, final String dimension, final String value) {
        return name + " " + dimension + "=" + value;
    }

    /** The label of a counter with two dimensions. */
    public static String of(final String name, final String dimension, final String value,
        final String secondDimension, final String secondValue) {
        return of(name, dimension, value) + " " + secondDimension + "=" + secondValue;
    }

    /** Splits a label written by {@link #of}; words without '=' after the name are ignored. */
    public static CounterLabel parse(final String label) {
        final String[] words = label.trim().split(" +");
        final Map<String, String> dimensions = new LinkedHashMap<>();
        for (int i = 1; i < words.length; i++) {
            final int equals = words[i].indexOf('=');
            if (equals > 0) {
                dimensions.put(words[i].substring(0, equals), words[i].substring(equals + 1));
            }
        }
        return new CounterLabel(words[0], dimensions);
    }

    /** The value of a dimension, or null. */
    public String dimension(final String dimension) {
        return dimensions.get(dimension);
    }
}
