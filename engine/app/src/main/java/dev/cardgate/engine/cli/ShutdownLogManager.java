package dev.cardgate.engine.cli;

import java.util.logging.LogManager;

/**
 * java.util.logging's manager for {@code cardgate serve}: keeps logging until the graceful
 * shutdown has finished. The JDK's own shutdown hook resets logging (closes and removes every
 * handler) while the other hooks run, in no set order; so the lines the drain writes (a stage's
 * failure with its cause, "engine closed" with its counters) were lost. This manager defers a
 * reset asked for during the JVM's shutdown until {@link #finishShutdown()}.
 *
 * <p>Installed by {@link ServeCommand} through the {@code java.util.logging.manager} property,
 * before anything logs; the JDK instantiates it by reflection (hence public, with a public
 * constructor). Threading: any thread.
 */
public final class ShutdownLogManager extends LogManager {
    private volatile boolean resetDeferred;

    public ShutdownLogManager() {
        super();
    }

    /** Resets now, unless the JVM is shutting down: then at {@link #finishShutdown()}. */
    @Override
    public void reset() {
        if (jvmShuttingDown()) {
            resetDeferred = true;
            return;
        }
        super.reset();
    }

    /** The graceful shutdown is over: the deferred reset (which flushes and closes the handlers) runs now. */
    static void finishShutdown() {
        if (LogManager.getLogManager() instanceof ShutdownLogManager manager && manager.resetDeferred) {
            manager.resetDeferred = false;
            manager.resetNow();
        }
    }

    private void resetNow() {
        super.reset();
    }

    /** The JVM refuses new shutdown hooks once its shutdown has begun; that is the only public sign of it. */
    private static boolean jvmShuttingDown() {
        final Thread probe = new Thread(() -> { }, "cardgate-shutdown-probe");
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        }
        catch (final IllegalStateException shuttingDown) {
            return true;
        }
    }
}
