package dev.cardgate.engine.cli;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import net.openhft.chronicle.core.shutdown.PriorityHook;

import dev.cardgate.engine.AuthorizationEngine;
import dev.cardgate.engine.frontend.FrontEnd;

/**
 * The shutdown of {@code cardgate serve}, run as the JVM's shutdown hook (SIGTERM, SIGINT,
 * System.exit): the front-end stops accepting and reading, answers what it took, then the engine
 * drains and closes its files. Meanwhile a second SIGTERM or SIGINT halts the JVM at once, as
 * does a watchdog when the whole takes more than twice the shutdown timeout.
 *
 * <p>Order: the JVM runs its shutdown hooks concurrently, and Chronicle Map's own hook closes
 * every map still open, which under load closed the terminal registry and blocklist under the
 * decision thread while it drained (the last requests taken were answered 96). So this shutdown
 * is not a hook of its own but a step of Chronicle's prioritised hook ({@link PriorityHook}),
 * run before the step that closes the maps ({@link #RUNS_BEFORE_CHRONICLE_MAPS_CLOSE}); the maps
 * the engine creates also skip Chronicle's hook altogether. Logging is kept to the end by
 * {@link ShutdownLogManager}, whose deferred reset runs when this shutdown has finished.
 *
 * <p>Exit status: 0 after a clean stop, 1 when requests were left unanswered, as {@code serve}
 * says; the JVM would otherwise exit 143 (128 + SIGTERM) after a signal.
 *
 * <p>Why a second signal needs {@code sun.misc.Signal}: once shutdown hooks run, the JVM's own
 * handler blocks further signals for good. The handler is installed through reflection, since
 * the compiler (with {@code -Werror}) refuses the internal API by name; where it is missing,
 * only the watchdog forces the exit.
 */
final class GracefulShutdown implements Runnable {
    private static final int HALT_STATUS = 130;
    /**
     * This shutdown's priority in Chronicle's hook: lower runs first, and Chronicle Map closes
     * its maps at 80 (chronicle-map 3.27, {@code ChronicleHashCloseOnExitHook}).
     */
    static final int RUNS_BEFORE_CHRONICLE_MAPS_CLOSE = 10;

    private final FrontEnd frontEnd;
    private final AuthorizationEngine engine;
    private final Duration timeout;
    private final PrintStream out;
    private final CountDownLatch completed = new CountDownLatch(1);
    private volatile boolean clean;

    GracefulShutdown(final FrontEnd frontEnd, final AuthorizationEngine engine, final Duration timeout,
        final PrintStream out) {
        this.frontEnd = frontEnd;
        this.engine = engine;
        this.timeout = timeout;
        this.out = out;
    }

    /** Runs this shutdown when the JVM shuts down (SIGTERM, SIGINT, System.exit), before Chronicle closes its maps. */
    void install() {
        PriorityHook.add(RUNS_BEFORE_CHRONICLE_MAPS_CLOSE, this);
    }

    @Override
    public void run() {
        haltOnSecondSignal("TERM");
        haltOnSecondSignal("INT");
        startWatchdog();
        out.println("cardgate stopping: no new connections or requests; answering what was taken");
        final boolean answered = frontEnd.close(timeout);
        engine.close();
        clean = answered;
        out.println("cardgate stopped" + (answered ? "" : " with requests left unanswered") + "; " + engine.counters());
        out.flush();
        ShutdownLogManager.finishShutdown();
        completed.countDown();
        // A JVM ended by a signal exits 128 + the signal (143 for SIGTERM) whatever main returns, and
        // System.exit blocks during shutdown: a clean stop is reported by halting with its own status
        // once everything is closed (what is left of the shutdown, Chronicle's closing of maps the
        // engine has already closed, has nothing to do).
        Runtime.getRuntime().halt(answered ? 0 : 1);
    }

    /** Main thread: waits until the shutdown has finished; true when it was clean. */
    boolean awaitCompletion() throws InterruptedException {
        completed.await();
        return clean;
    }

    private void startWatchdog() {
        final Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(timeout.multipliedBy(2).toMillis() + 1_000);
                out.println("cardgate: shutdown took too long, halting");
                out.flush();
                Runtime.getRuntime().halt(HALT_STATUS);
            }
            catch (final InterruptedException finished) {
                Thread.currentThread().interrupt();
            }
        }, "cardgate-shutdown-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private void haltOnSecondSignal(final String signalName) {
        try {
            final Class<?> signalClass = Class.forName("sun.misc.Signal");
            final Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            final Object handler = Proxy.newProxyInstance(GracefulShutdown.class.getClassLoader(),
                new Class<?>[] {handlerClass}, (proxy, method, arguments) -> {
                    if ("handle".equals(method.getName())) {
                        out.println("cardgate: second SIG" + signalName + ", halting");
                        out.flush();
                        Runtime.getRuntime().halt(HALT_STATUS);
                    }
                    return "toString".equals(method.getName()) ? "cardgate second-signal handler"
                        : "hashCode".equals(method.getName()) ? 0 : Boolean.FALSE;
                });
            final Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            handle.invoke(null, signalClass.getConstructor(String.class).newInstance(signalName), handler);
        }
        catch (final ReflectiveOperationException | RuntimeException unavailable) {
            out.println("cardgate: a second SIG" + signalName + " cannot force the exit here ("
                + unavailable.getClass().getSimpleName() + "); the shutdown watchdog will");
        }
    }
}
