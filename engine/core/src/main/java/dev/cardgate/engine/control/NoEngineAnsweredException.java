package dev.cardgate.engine.control;

/** No engine runs on the data folder, or the one there did not answer in time; the message says which. */
public final class NoEngineAnsweredException extends Exception {
    private static final long serialVersionUID = 1L;

    NoEngineAnsweredException(final String message) {
        super(message);
    }
}
