package dev.cardgate.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The grammar check of {@link PrometheusMetricsTest} refuses what Prometheus would refuse. */
class TextExpositionGrammarTest {
    private static final String GOOD = """
        # HELP a_total things
        # TYPE a_total counter
        a_total{code="43",note="say \\"hi\\"\\n"} 3.0
        # TYPE h_seconds histogram
        h_seconds_bucket{stage="x",le="0.1"} 1
        h_seconds_bucket{stage="x",le="+Inf"} 2
        h_seconds_count{stage="x"} 2
        h_seconds_sum{stage="x"} 0.25
        """;

    @Test
    void acceptsAWellFormedExposition() {
        assertEquals(Map.of("a_total", "counter", "h_seconds", "histogram"), TextExpositionGrammar.check(GOOD));
    }

    @Test
    void refusesASampleOfAnUntypedFamily() {
        assertThrows(AssertionError.class, () -> TextExpositionGrammar.check(GOOD + "b 1\n"));
    }

    @Test
    void refusesAnUnescapedQuoteInALabelValue() {
        assertThrows(AssertionError.class, () -> TextExpositionGrammar.check(GOOD.replace("\\\"hi\\\"", "\"hi\"")));
    }

    @Test
    void refusesHistogramBucketsNotEndedByInfinity() {
        assertThrows(AssertionError.class, () -> TextExpositionGrammar.check(GOOD.replace(
            "h_seconds_bucket{stage=\"x\",le=\"+Inf\"} 2\n", "")));
    }

    @Test
    void refusesAValueThatIsNotAFloat() {
        assertThrows(AssertionError.class, () -> TextExpositionGrammar.check(GOOD.replace("0.25", "a quarter")));
    }

    @Test
    void refusesALineThatIsNeitherMetadataNorASample() {
        assertThrows(AssertionError.class, () -> TextExpositionGrammar.check(GOOD + "#TYPE c gauge\n"));
    }
}
