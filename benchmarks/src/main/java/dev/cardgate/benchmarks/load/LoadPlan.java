package dev.cardgate.benchmarks.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The runs to make against one server: for each connection count, one open-loop run per offered
 * rate, or (when {@code closedLoopDepth} is above 0) one closed-loop run with that many requests
 * in flight per connection.
 */
record LoadPlan(int[] connections, int[] rates, int closedLoopDepth, int warmupSeconds, int seconds) {
    /** One run of the plan. */
    record Step(int connections, int rate) {
    }

    List<Step> steps() {
        final List<Step> steps = new ArrayList<>();
        for (final int connectionCount : connections) {
            if (closedLoopDepth > 0) {
                steps.add(new Step(connectionCount, 0));
                continue;
            }
            for (final int rate : rates) {
                steps.add(new Step(connectionCount, rate));
            }
        }
        return steps;
    }

    LoadResult run(final Step step, final InetSocketAddress target, final WireFormat wireFormat,
        final CardMix cardMix) throws IOException {
        final LoadRun run = new LoadRun(target, wireFormat, cardMix);
        return step.rate() > 0 ? run.openLoop(step.connections(), step.rate(), warmupSeconds, seconds)
            : run.closedLoop(step.connections(), closedLoopDepth, warmupSeconds, seconds);
    }
}
