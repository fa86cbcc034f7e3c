package dev.cardgate.engine.pipeline;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Logs each distinct failure once, with its stack trace, and counts its repeats, so that a
 * failure that hits every request cannot flood the log or slow the pipeline with I/O.
 *
 * <p>Two failures are the same when they happen in the same stage, with the same exception
 * type, message and throwing frame. The counts are logged again by {@link #logSummary()} (on
 * close). Threading: any thread; synchronized, because it runs only on the failure path.
 * Allocates (a key per failure), which is acceptable there.
 */
public final class DistinctFailureLog {
    private final Logger logger;
    private final Map<String, Long> countsByFailure = new LinkedHashMap<>();

    public DistinctFailureLog(final Logger logger) {
        this.logger = logger;
    }

    /** Records a failure; logs it if it is the first of its kind. */
    public synchronized void record(final String stage, final Throwable failure) {
        final String key = describe(stage, failure);
        final long count = countsByFailure.merge(key, 1L, Long::sum);
        if (count == 1) {
            logger.log(Level.ERROR, key + " (first occurrence; repeats are counted, not logged)", failure);
        }
    }

    /** Distinct failures seen so far and how often each happened, in order of first occurrence. */
    public synchronized Map<String, Long> distinctFailures() {
        return new LinkedHashMap<>(countsByFailure);
    }

    /** Logs one line per distinct failure with its count; nothing when there were none. */
    public synchronized void logSummary() {
        countsByFailure.forEach((failure, count) ->
            logger.log(Level.WARNING, count + " x " + failure));
    }

    private static String describe(final String stage, final Throwable failure) {
        final StackTraceElement[] frames = failure.getStackTrace();
        final String where = frames.length > 0 ? " at " + frames[0] : "";
        return stage + " stage failed: " + failure.getClass().getName() + ": " + failure.getMessage() + where;
    }
}
