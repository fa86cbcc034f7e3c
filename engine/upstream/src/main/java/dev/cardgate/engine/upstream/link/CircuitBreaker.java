package dev.cardgate.engine.upstream.link;

/**
 * Opens after {@code timeouts} timeouts in a row, or {@code systemErrors} answers 91 in a row;
 * any other answer resets both runs. While open the link forwards nothing; a probe (an echo) sent
 * after the configured wait closes it when answered.
 *
 * <p>Threading: the link's I/O thread only.
 */
final class CircuitBreaker {
    static final int SYSTEM_ERROR = 91;

    private final int timeoutsToOpen;
    private final int systemErrorsToOpen;
    private int timeoutsInARow;
    private int systemErrorsInARow;
    private boolean open;

    CircuitBreaker(final int timeoutsToOpen, final int systemErrorsToOpen) {
        this.timeoutsToOpen = timeoutsToOpen;
        this.systemErrorsToOpen = systemErrorsToOpen;
    }

    /** @return true when this timeout opened the breaker */
    boolean timedOut() {
        systemErrorsInARow = 0;
        return ++timeoutsInARow >= timeoutsToOpen && open();
    }

    /** @return true when this answer (its field 39) opened the breaker */
    boolean answered(final int responseCode) {
        timeoutsInARow = 0;
        if (responseCode != SYSTEM_ERROR) {
            systemErrorsInARow = 0;
            return false;
        }
        return ++systemErrorsInARow >= systemErrorsToOpen && open();
    }

    private boolean open() {
        if (open) {
            return false;
        }
        open = true;
        return true;
    }

    boolean isOpen() {
        return open;
    }

    void close() {
        open = false;
        timeoutsInARow = 0;
        systemErrorsInARow = 0;
    }
}
