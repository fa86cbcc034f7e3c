package dev.cardgate.engine.config;

/**
 * How the pipeline's stages map onto threads.
 */
public enum ThreadLayout {
    /**
     * One thread per stage (decision, journal, reply): stages overlap, so throughput is highest
     * when there are cores to spare.
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

    /** The configuration value that picks a layout for the host's processors at load. */
    public static final String AUTO = "auto";
    /** From this many processors {@link #AUTO} picks {@link #THREAD_PER_STAGE}. */
    public static final int THREAD_PER_STAGE_FROM_PROCESSORS = 4;

    /**
     * The layout {@link #AUTO} picks: below {@value #THREAD_PER_STAGE_FROM_PROCESSORS} processors
     * the stages' threads and the front-end's I/O threads outnumber the cores, and every hand-off
     * between stages waits for a core (benchmarks/RESULTS.md: on 2 cores, single-thread answered
     * 1.6 times as many requests over TCP); with cores to spare, stages overlap.
     */
    public static ThreadLayout forProcessors(final int processors) {
        return processors >= THREAD_PER_STAGE_FROM_PROCESSORS ? THREAD_PER_STAGE : SINGLE_THREAD;
    }

    /** The value written in the configuration file. */
    public String configName() {
        return configName;
    }

    /** The layout with this configuration name ({@link #AUTO} resolved for this host), or null. */
    public static ThreadLayout fromConfigName(final String name) {
        if (AUTO.equals(name)) {
            return forProcessors(Runtime.getRuntime().availableProcessors());
        }
        for (final ThreadLayout layout : values()) {
            if (layout.configName.equals(name)) {
                return layout;
            }
        }
        return null;
    }
}
