package dev.cardgate.engine.counters;

/**
 * The type ids written in each counter's metadata: they tell a reader what the value means,
 * so that {@code cardgate stat} shows a rate only for totals and the HTTP endpoint exposes
 * totals as Prometheus counters and the rest as gauges.
 */
public final class CounterTypes {
    /** A total that only grows: requests, declines, failures. */
    public static final int TOTAL = 1;
    /** A level sampled or set now and then: ring occupancy, open connections, journal position. */
    public static final int GAUGE = 2;
    /** A latency percentile of the last interval, in nanoseconds. */
    public static final int LATENCY_NANOS = 3;
    /** Values recorded in a latency histogram over the last interval. */
    public static final int LATENCY_COUNT = 4;
    /** The epoch millisecond at which the engine last published: staleness. */
    public static final int HEARTBEAT = 5;

    private CounterTypes() {
    }
}
