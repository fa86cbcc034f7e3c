package dev.cardgate.engine;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * A bounded wait on a condition, for tests: checks {@code condition} until it holds or the
 * timeout has passed on the given clock, then fails naming what was awaited. The clock is
 * injected ({@link #until(String, Duration, BooleanSupplier, LongSupplier)}) so a test of the
 * helper, or one driving a manual clock, decides when time passes; between checks the thread
 * parks for a millisecond, so a wait ends as soon as the condition holds rather than after a
 * fixed sleep.
 */
public final class Await {
    private static final long PAUSE_NANOS = 1_000_000L;

    private Await() {
    }

    /** Waits on the system's monotonic clock. */
    public static void until(final String what, final Duration timeout, final BooleanSupplier condition) {
        until(what, timeout, condition, System::nanoTime);
    }

    /**
     * @param nanoClock a monotonic clock in nanoseconds
     * @throws AssertionError naming {@code what} when the condition still fails at the timeout
     */
    public static void until(final String what, final Duration timeout, final BooleanSupplier condition,
        final LongSupplier nanoClock) {
        final long deadline = nanoClock.getAsLong() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (nanoClock.getAsLong() - deadline >= 0) {
                throw new AssertionError("still waiting after " + timeout.toMillis() + " ms for " + what);
            }
            LockSupport.parkNanos(PAUSE_NANOS);
        }
    }
}
