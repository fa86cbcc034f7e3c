package dev.cardgate.engine.config;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

/**
 * How an idle pipeline thread waits for the next request: the trade between latency and the
 * CPU the engine burns while idle.
 */
public enum WaitStrategyType {
    /**
     * Sleeps on a lock and condition; a producer wakes it. Uses no CPU when idle and shares
     * cores well; each wake-up costs a few microseconds. The default: right on 2 cores.
     */
    BLOCKING("blocking"),
    /** Spins briefly, then yields the core: low latency, a full core per idle thread. */
    YIELDING("yielding"),
    /**
     * Spins without pause: the lowest latency, but each pipeline thread needs a core of its
     * own; on fewer cores than producers plus pipeline threads it starves them.
     */
    BUSY_SPIN("busy-spin");

    private final String configName;

    WaitStrategyType(final String configName) {
        this.configName = configName;
    }

    /** The value written in the configuration file. */
    public String configName() {
        return configName;
    }

    /** A new Disruptor wait strategy of this type (one per ring). */
    public WaitStrategy newWaitStrategy() {
        switch (this) {
            case YIELDING:
                return new YieldingWaitStrategy();
            case BUSY_SPIN:
                return new BusySpinWaitStrategy();
            case BLOCKING:
            default:
                return new BlockingWaitStrategy();
        }
    }

    /** The type with this configuration name, or null. */
    public static WaitStrategyType fromConfigName(final String name) {
        for (final WaitStrategyType type : values()) {
            if (type.configName.equals(name)) {
                return type;
            }
        }
        return null;
    }
}
