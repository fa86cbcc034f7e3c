package dev.cardgate.benchmarks.load;

import java.io.IOException;

/**
 * Load on one running TCP server (cardgate's front-end, or any host speaking the same wire
 * format): N connections, a card mix, open loop at constant offered rates (latency from the
 * intended send time, no coordinated omission) or closed loop for the maximum throughput.
 * {@link FrontEndComparison} runs cardgate and the jPOS baseline side by side with it.
 *
 * <p>Usage ({@link LoadOptions} lists every option):
 * <pre>
 * java @config/jvm.options -cp benchmarks/target/benchmarks.jar dev.cardgate.benchmarks.load.LoadGenerator \
 *     --target 127.0.0.1:8583 --connections 1,64 --rates 10000,50000 --seconds 10 --warmup-seconds 3 \
 *     --blocked-share 0.02 --invalid-share 0.01 --velocity-share 0.02 --out benchmarks/target/load
 * </pre>
 * Prints one line per run, and writes each run's latency distribution (microseconds) as a
 * {@code .hgrm} file, every run's summary as {@code summary.tsv} and their percentile plot as
 * {@code latency.html}.
 */
public final class LoadGenerator {
    private LoadGenerator() {
    }

    public static void main(final String[] arguments) throws IOException {
        final LoadOptions options = new LoadOptions(arguments);
        final LoadPlan plan = options.plan();
        final WireFormat wireFormat = options.wireFormat();
        final CardMix cardMix = options.cardMix();
        final LoadReport report = new LoadReport(options.out(), wireFormat);
        final String server = "server";
        for (final LoadPlan.Step step : plan.steps()) {
            report.add(server, plan.run(step, options.target(), wireFormat, cardMix));
        }
        report.finish("load on " + options.target() + ", " + wireFormat.label());
    }
}
