package dev.cardgate.engine.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

/** A label written by CounterLabel.of is read back as the same name and dimensions. */
class CounterLabelPropertyTest {
    @Property
    void aLabelWithTwoDimensionsReadsBackAsWritten(
        @ForAll @AlphaChars @Chars({'.', '-'}) @StringLength(min = 1, max = 40) final String name,
        @ForAll @AlphaChars @StringLength(min = 1, max = 12) final String dimension,
        @ForAll @AlphaChars @NumericChars @Chars({'.', '_', '-'}) @StringLength(min = 1, max = 20) final String value,
        @ForAll @AlphaChars @StringLength(min = 1, max = 12) final String secondDimension,
        @ForAll @NumericChars @StringLength(min = 1, max = 6) final String secondValue) {
        final CounterLabel label = CounterLabel.parse(CounterLabel.of(name, dimension, value, secondDimension,
            secondValue));
        assertEquals(name, label.name());
        final Map<String, String> expected = dimension.equals(secondDimension) ? Map.of(dimension, secondValue)
            : Map.of(dimension, value, secondDimension, secondValue);
        assertEquals(expected, label.dimensions());
    }

    @Property
    void aSingleCounterHasNoDimensions(
        @ForAll @AlphaChars @Chars({'.', '-'}) @StringLength(min = 1, max = 40) final String name) {
        assertEquals(new CounterLabel(name, Map.of()), CounterLabel.parse(CounterLabel.of(name)));
    }
}
