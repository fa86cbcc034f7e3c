package dev.cardgate.engine.counters;

/**
 * Who writes a counter. One thread's counter is bumped with a plain read and a release store
 * (no atomic read-modify-write, which the decision thread would pay for on every request);
 * a counter several threads bump uses an atomic add, so that no bump is lost.
 */
public enum CounterWriter {
    /** Only one thread ever writes it (the decision thread, the journal thread, the reply thread). */
    ONE_THREAD,
    /** Several threads write it (producers, I/O threads, failure handlers of different stages). */
    SEVERAL_THREADS
}
