package dev.cardgate.benchmarks.load;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The command-line options of {@link LoadGenerator} and {@link FrontEndComparison}, each
 * {@code --name value}; an unknown option is refused with the list of known ones.
 *
 * <pre>
 *   --target 127.0.0.1:8583       server to load (LoadGenerator only)
 *   --dialect iso87-ascii         or iso87-binary
 *   --length-header ascii-4       or binary-2
 *   --tpdu false                  true: a 5-byte TPDU after the length
 *   --connections 1,64            one run per count (and per rate)
 *   --rates 10000,50000           open loop: offered requests per second, in total
 *   --closed-loop 0               N &gt; 0: closed loop instead, N requests in flight per connection
 *   --seconds 10                  measured, after
 *   --warmup-seconds 3            at the same load
 *   --blocked-share 0             share of requests with a blocklisted card, 0 to 1
 *   --invalid-share 0             share with a wrong Luhn digit
 *   --velocity-share 0            share with one of a few cards used over and over
 *   --out benchmarks/target/load  .hgrm files, summary.tsv and the percentile plot
 * </pre>
 */
final class LoadOptions {
    private static final Set<String> KNOWN = Set.of("--target", "--dialect", "--length-header", "--tpdu",
        "--connections", "--rates", "--closed-loop", "--seconds", "--warmup-seconds", "--blocked-share",
        "--invalid-share", "--velocity-share", "--out", "--rules", "--servers", "--home");

    private final Map<String, String> values = new HashMap<>();

    LoadOptions(final String[] arguments) {
        if (arguments.length % 2 != 0) {
            throw new IllegalArgumentException("options come in pairs, --name value; got " + String.join(" ", arguments));
        }
        for (int i = 0; i < arguments.length; i += 2) {
            if (!KNOWN.contains(arguments[i])) {
                throw new IllegalArgumentException("unknown option " + arguments[i] + "; known: " + KNOWN);
            }
            values.put(arguments[i], arguments[i + 1]);
        }
    }

    String text(final String name, final String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    int number(final String name, final int otherwise) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name).replace("_", "")) : otherwise;
    }

    int[] numbers(final String name, final String otherwise) {
        final String[] parts = text(name, otherwise).split(",");
        final int[] numbers = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            numbers[i] = Integer.parseInt(parts[i].trim().replace("_", ""));
        }
        return numbers;
    }

    InetSocketAddress target() {
        final String target = text("--target", "127.0.0.1:8583");
        final int colon = target.lastIndexOf(':');
        return new InetSocketAddress(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)));
    }

    WireFormat wireFormat() {
        return new WireFormat(text("--dialect", WireFormat.DEFAULT.dialectName()),
            text("--length-header", WireFormat.DEFAULT.lengthHeaderName()),
            Boolean.parseBoolean(text("--tpdu", "false")));
    }

    CardMix cardMix() {
        return new CardMix(Double.parseDouble(text("--blocked-share", "0")),
            Double.parseDouble(text("--invalid-share", "0")), Double.parseDouble(text("--velocity-share", "0")));
    }

    /** Every run the options ask for, in order: per connection count, per rate (or the closed loop). */
    LoadPlan plan() {
        return new LoadPlan(numbers("--connections", "1,64"), numbers("--rates", "10000,50000"),
            number("--closed-loop", 0), number("--warmup-seconds", 3), number("--seconds", 10));
    }

    Path out() {
        return Path.of(text("--out", "benchmarks/target/load"));
    }
}
