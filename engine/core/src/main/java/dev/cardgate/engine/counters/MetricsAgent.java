package dev.cardgate.engine.counters;

import java.util.List;
import java.util.function.LongSupplier;

import org.HdrHistogram.Histogram;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The engine's housekeeping: once per interval it writes the heartbeat, samples the ring's
 * occupancy and the journal's sync lag, and publishes each stage's latency percentiles of the
 * interval into the counters file, so that another process can show them. It keeps this work
 * off the pipeline's threads, which only record.
 *
 * <p>Threading: its own thread ({@link #start}); the counters it allocates have it as their
 * only writer. Its duty cycle allocates nothing.
 */
public final class MetricsAgent implements Agent {
    /** Quantiles published per stage; 1.0 is the maximum. */
    public static final double[] QUANTILES = {0.5, 0.9, 0.99, 0.999, 1.0};
    /** The heartbeat once the engine has closed: a reader need not wait for it to go stale. */
    public static final long HEARTBEAT_STOPPED = -1;
    private static final long IDLE_SLEEP_MILLIS = 100;

    private final String roleName;
    private final EpochClock clock;
    private final long intervalMillis;
    private final LongSupplier ringOccupancy;
    private final LongSupplier journalSyncLag;
    private final List<StageLatency> stages;
    private final AtomicCounter heartbeat;
    private final AtomicCounter ringOccupancyCounter;
    private final AtomicCounter journalSyncLagCounter;
    private final AtomicCounter[][] quantileCounters;
    private final AtomicCounter[] countCounters;
    private long nextPublishMillis;

    /**
     * @param ringOccupancy  requests in the ring now
     * @param journalSyncLag journal records written and not yet synced
     */
    public MetricsAgent(final String engineName, final CounterRegistry counters, final EpochClock clock,
        final long intervalMillis, final LongSupplier ringOccupancy, final LongSupplier journalSyncLag,
        final EngineLatency latency) {
        this.roleName = "cardgate-" + engineName + "-metrics";
        this.clock = clock;
        this.intervalMillis = intervalMillis;
        this.ringOccupancy = ringOccupancy;
        this.journalSyncLag = journalSyncLag;
        this.stages = latency.stages();
        heartbeat = counters.newCounter("heartbeat", CounterTypes.HEARTBEAT);
        ringOccupancyCounter = counters.newCounter("ring.occupancy", CounterTypes.GAUGE);
        journalSyncLagCounter = counters.newCounter("journal.sync-lag", CounterTypes.GAUGE);
        quantileCounters = new AtomicCounter[stages.size()][QUANTILES.length];
        countCounters = new AtomicCounter[stages.size()];
        for (int i = 0; i < stages.size(); i++) {
            final String stage = stages.get(i).stage();
            for (int q = 0; q < QUANTILES.length; q++) {
                quantileCounters[i][q] = counters.newCounter(CounterLabel.of("latency", "stage", stage,
                    "quantile", Double.toString(QUANTILES[q])), CounterTypes.LATENCY_NANOS);
            }
            countCounters[i] = counters.newCounter(CounterLabel.of("latency.samples", "stage", stage),
                CounterTypes.LATENCY_COUNT);
        }
    }

    /** Runs the agent on its own daemon thread until the runner is closed. */
    public AgentRunner start(final ErrorHandler errorHandler) {
        final AgentRunner runner = new AgentRunner(new SleepingMillisIdleStrategy(IDLE_SLEEP_MILLIS), errorHandler,
            null, this);
        AgentRunner.startOnThread(runner, task -> {
            final Thread thread = new Thread(task, roleName);
            thread.setDaemon(true);
            return thread;
        });
        return runner;
    }

    @Override
    public int doWork() {
        final long now = clock.time();
        if (now < nextPublishMillis) {
            return 0;
        }
        nextPublishMillis = now + intervalMillis;
        ringOccupancyCounter.setRelease(ringOccupancy.getAsLong());
        journalSyncLagCounter.setRelease(journalSyncLag.getAsLong());
        for (int i = 0; i < quantileCounters.length; i++) {
            final Histogram interval = stages.get(i).sampleInterval();
            for (int q = 0; q < QUANTILES.length; q++) {
                quantileCounters[i][q].setRelease(interval.getTotalCount() == 0 ? 0
                    : interval.getValueAtPercentile(QUANTILES[q] * 100));
            }
            countCounters[i].setRelease(interval.getTotalCount());
        }
        heartbeat.setRelease(now);
        return 1;
    }

    /** On the agent's thread, when the engine closes. */
    @Override
    public void onClose() {
        heartbeat.setRelease(HEARTBEAT_STOPPED);
    }

    @Override
    public String roleName() {
        return roleName;
    }
}
