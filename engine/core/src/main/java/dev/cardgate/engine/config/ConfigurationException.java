package dev.cardgate.engine.config;

import java.util.List;

/**
 * The configuration cannot be used. The message lists every problem found, one a line, each
 * naming the key, the value, where the value came from and what is allowed.
 */
public final class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    // transient, as in the other exceptions: the message carries the problems when serialized
    private final transient List<String> problems;

    public ConfigurationException(final List<String> problems) {
        super("invalid cardgate configuration:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One entry per problem, in the order found. */
    public List<String> problems() {
        return problems;
    }
}
