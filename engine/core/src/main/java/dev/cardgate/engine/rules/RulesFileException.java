package dev.cardgate.engine.rules;

import java.util.List;

/** A rules file is invalid: every problem names the file, the line and why. The old rules stay in force. */
public final class RulesFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public RulesFileException(final List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    /** One entry per problem, "file:line: reason". */
    public List<String> problems() {
        return problems;
    }
}
