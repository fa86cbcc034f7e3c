package dev.cardgate.engine.cli;

/**
 * An operator command cannot do what it was asked: the message says what was wrong and how to
 * mend it (never with a clear PAN in it), the exit status says what kind of failure it is.
 */
final class OperatorFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitStatus;

    OperatorFailure(final int exitStatus, final String message) {
        super(message);
        this.exitStatus = exitStatus;
    }

    int exitStatus() {
        return exitStatus;
    }
}
