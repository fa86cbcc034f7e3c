package dev.cardgate.engine.upstream.link;

import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.concurrent.ManyToManyConcurrentArrayQueue;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;

/**
 * The link's requests and stored messages in flight: {@code capacity} entries allocated once, a
 * queue of free ones, a queue of submitted ones for the I/O thread, and an index by the link's own
 * field 11 to match answers.
 *
 * <p>Threading: {@link #claim} and {@link #submit} on the caller's thread (any, one at a time or
 * not: the queues are concurrent); everything else on the I/O thread. The index is sized so that
 * it never grows. Nothing allocates.
 */
final class InFlightTable {
    private final InFlightEntry[] entries;
    private final ManyToManyConcurrentArrayQueue<InFlightEntry> free;
    private final ManyToOneConcurrentArrayQueue<InFlightEntry> submitted;
    private final Int2ObjectHashMap<InFlightEntry> byHostStan;
    private int awaiting;

    InFlightTable(final int capacity) {
        entries = new InFlightEntry[capacity];
        free = new ManyToManyConcurrentArrayQueue<>(capacity);
        submitted = new ManyToOneConcurrentArrayQueue<>(capacity);
        byHostStan = new Int2ObjectHashMap<>(Math.max(8, capacity * 2), 0.65f);
        for (int i = 0; i < capacity; i++) {
            entries[i] = new InFlightEntry(i);
            free.offer(entries[i]);
        }
    }

    /** A free entry for the caller to fill, or null when all are taken. */
    InFlightEntry claim() {
        return free.poll();
    }

    /** Hands a filled entry to the I/O thread; never fails, since no more entries exist than room. */
    void submit(final InFlightEntry entry) {
        entry.phase = InFlightEntry.Phase.SUBMITTED;
        submitted.offer(entry);
    }

    /** I/O thread: the next submitted entry, or null. */
    InFlightEntry nextSubmitted() {
        return submitted.poll();
    }

    /** I/O thread: the entry was sent as {@code hostStan}. */
    void sent(final InFlightEntry entry, final int hostStan) {
        entry.hostStan = hostStan;
        entry.phase = InFlightEntry.Phase.AWAITING;
        byHostStan.put(hostStan, entry);
        awaiting++;
    }

    /** I/O thread: its timer fired but it still listens for a late answer. */
    void late(final InFlightEntry entry) {
        entry.phase = InFlightEntry.Phase.LATE;
        awaiting--;
    }

    /** I/O thread: the entry sent with {@code hostStan}, or null. */
    InFlightEntry byHostStan(final int hostStan) {
        return byHostStan.get(hostStan);
    }

    /** I/O thread: whether {@code hostStan} is still taken by an entry (sent or late). */
    boolean stanTaken(final int hostStan) {
        return byHostStan.containsKey(hostStan);
    }

    /** I/O thread: gives the entry back. */
    void release(final InFlightEntry entry) {
        if (entry.phase == InFlightEntry.Phase.AWAITING) {
            awaiting--;
        }
        if (entry.hostStan != 0) {
            byHostStan.remove(entry.hostStan);
        }
        entry.reset();
        free.offer(entry);
    }

    /** I/O thread: sent and not yet answered or timed out. */
    int awaiting() {
        return awaiting;
    }

    int capacity() {
        return entries.length;
    }

    /** I/O thread: entry {@code index} (for sweeping the table when a connection is lost). */
    InFlightEntry entry(final int index) {
        return entries[index];
    }
}
