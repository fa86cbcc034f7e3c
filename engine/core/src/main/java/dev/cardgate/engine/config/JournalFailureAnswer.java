package dev.cardgate.engine.config;

/**
 * What the engine does while the journal cannot write (disk full, I/O error). Either way
 * nothing is approved without its record, and writing is retried until it works again.
 */
public enum JournalFailureAnswer {
    /** Requests are still decided, but an approval is turned into 96 (system malfunction). */
    ANSWER_96("answer-96"),
    /**
     * New requests are refused at the front door with 91 (issuer or switch inoperative); one
     * request per retry interval is let in to probe whether writing works again.
     */
    REFUSE_91("refuse-91");

    private final String configName;

    JournalFailureAnswer(final String configName) {
        this.configName = configName;
    }

    /** The value written in the configuration file. */
    public String configName() {
        return configName;
    }

    /** The answer with this configuration name, or null. */
    public static JournalFailureAnswer fromConfigName(final String name) {
        for (final JournalFailureAnswer answer : values()) {
            if (answer.configName.equals(name)) {
                return answer;
            }
        }
        return null;
    }
}
