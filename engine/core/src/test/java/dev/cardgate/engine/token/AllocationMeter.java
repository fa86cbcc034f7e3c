package dev.cardgate.engine.token;

import java.lang.management.ManagementFactory;

/** Bytes allocated by the calling thread, from the JVM's per-thread counter. */
public final class AllocationMeter {
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    private AllocationMeter() {
    }

    public static long allocatedByThisThread() {
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /**
     * The least bytes {@code action} allocated on this thread over {@code runs} runs: a run during
     * which the JIT replaced a method may count objects that the compiled code no longer makes.
     */
    public static long leastBytesAllocatedBy(final Runnable action, final int runs) {
        long least = Long.MAX_VALUE;
        for (int run = 0; run < runs; run++) {
            least = Math.min(least, bytesAllocatedBy(action));
        }
        return least;
    }

    /** Bytes {@code action} allocates on this thread when run once (it should loop inside). */
    public static long bytesAllocatedBy(final Runnable action) {
        allocatedByThisThread();
        final long before = allocatedByThisThread();
        action.run();
        return allocatedByThisThread() - before;
    }
}
