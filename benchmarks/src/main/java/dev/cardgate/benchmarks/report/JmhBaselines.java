package dev.cardgate.benchmarks.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which result each benchmark result is compared with, in the same run: another method of the
 * same class with the same parameters (ours against jPOS, Chronicle Map against an on-heap map,
 * our tokenizer against the JDK's HMAC), or the same method with some parameters set to the
 * reference configuration (journal off, the default wait strategy, the approving decision).
 */
final class JmhBaselines {
    private static final Map<String, String> METHODS = Map.of(
        "CodecBenchmark.decodeRequest", "jposUnpackRequest",
        "CodecBenchmark.encodeResponse", "jposPackResponse",
        "PanTokenizerBenchmark.tokenizeString", "javaxCryptoMac",
        "PanTokenizerBenchmark.tokenizeDirectBuffer", "javaxCryptoMac",
        "BlocklistLookupBenchmark.chronicleHit", "concurrentHashMapHit",
        "BlocklistLookupBenchmark.chronicleMiss", "concurrentHashMapMiss");

    private static final Map<String, Map<String, String>> PARAMETERS = Map.of(
        "JournalAppendBenchmark", Map.of("durability", "none"),
        "JournalRoundTripBenchmark", Map.of("journal", "off"),
        "EngineRoundTripBenchmark", Map.of("waitStrategy", "blocking", "threadLayout", "thread-per-stage"),
        "CheckChainBenchmark", Map.of("kind", "approve"));

    private JmhBaselines() {
    }

    /**
     * The benchmark and parameters of the baseline of {@code benchmark} with {@code params}, or
     * null when it has none or is its own.
     */
    static JmhTables.Key baselineOf(final String benchmark, final Map<String, String> params) {
        final String className = benchmark.substring(0, benchmark.indexOf('.'));
        final String method = METHODS.get(benchmark);
        if (method != null) {
            return new JmhTables.Key(className + "." + method, params);
        }
        final Map<String, String> reference = PARAMETERS.get(className);
        if (reference == null) {
            return null;
        }
        final Map<String, String> baseline = new LinkedHashMap<>(params);
        baseline.putAll(reference);
        return baseline.equals(params) ? null : new JmhTables.Key(benchmark, baseline);
    }
}
