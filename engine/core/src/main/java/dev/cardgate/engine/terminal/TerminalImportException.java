package dev.cardgate.engine.terminal;

import java.util.List;

/** An import file has bad lines; nothing was imported. Each problem names the file, line and why. */
public final class TerminalImportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public TerminalImportException(final List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
