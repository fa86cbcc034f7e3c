package dev.cardgate.engine.config;

/**
 * How the pipeline's stages map onto threads.
 */
public enum ThreadLayout {
    /**
     * One thread per stage (decision, reply): stages overlap, so throughput is highest when
     * there are cores to spare. The default.
     */
    THREAD_PER_STAGE("thread-per-stage"),
    /**
     * All stages run one after the other on a single thread: one hand-off less per request
     * and one thread less to schedule, which suits 2 cores and busy-spin on a dedicated core.
     */
    SINGLE_THREAD("single-thread");

    private final String configName;

    ThreadLayout(final String configName) {
        this.configName = configName;
    }

    /** The value written in the configuration file. */
    public String configName() {
        return configName;
    }

    /** The layout with this configuration name, or null. */
    public static ThreadLayout fromConfigName(final String name) {
        for (final ThreadLayout layout : values()) {
            if (layout.configName.equals(name)) {
                return layout;
            }
        }
        return null;
    }
}
