package dev.cardgate.engine.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * Creates the pipeline's threads with names that say what they run ("cardgate-main-decision"),
 * and remembers them so that close can wait for them to end. Daemon threads: an embedder that
 * forgets to close the engine does not keep its JVM alive (but loses what was in flight).
 */
final class StageThreadFactory implements ThreadFactory {
    private final String prefix;
    private final List<String> stageNames;
    private final List<Thread> threads = new ArrayList<>();

    StageThreadFactory(final String engineName, final List<String> stageNames) {
        this.prefix = "cardgate-" + engineName + "-";
        this.stageNames = List.copyOf(stageNames);
    }

    @Override
    public synchronized Thread newThread(final Runnable runnable) {
        final int index = threads.size();
        final String stage = index < stageNames.size() ? stageNames.get(index) : "stage-" + index;
        final Thread thread = new Thread(runnable, prefix + stage);
        thread.setDaemon(true);
        threads.add(thread);
        return thread;
    }

    /** Waits up to {@code deadlineNanos} (a System.nanoTime value) for every thread to end. */
    synchronized boolean awaitTermination(final long deadlineNanos) throws InterruptedException {
        for (final Thread thread : threads) {
            final long remainingMillis = Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
            thread.join(remainingMillis);
            if (thread.isAlive()) {
                return false;
            }
        }
        return true;
    }

    synchronized List<String> threadNames() {
        final List<String> names = new ArrayList<>();
        for (final Thread thread : threads) {
            names.add(thread.getName());
        }
        return names;
    }
}
