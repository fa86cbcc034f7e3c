package dev.cardgate.engine.config;

/**
 * What the TCP front-end does with a request when the engine's ring is full.
 */
public enum RingFullBehaviour {
    /**
     * Stop reading the connection and retry the request shortly: the terminal's bytes wait in
     * the socket buffers (TCP pushes back), nothing is buffered in the host. The default.
     */
    STOP_READING("stop-reading"),
    /** Answer the request at once with 91 (issuer or switch inoperative) and go on reading. */
    ANSWER_91("answer-91");

    private final String configName;

    RingFullBehaviour(final String configName) {
        this.configName = configName;
    }

    /** The value written in the configuration file. */
    public String configName() {
        return configName;
    }

    /** The behaviour with this configuration name, or null. */
    public static RingFullBehaviour fromConfigName(final String name) {
        for (final RingFullBehaviour behaviour : values()) {
            if (behaviour.configName.equals(name)) {
                return behaviour;
            }
        }
        return null;
    }
}
