package dev.cardgate.engine.frontend;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;

/**
 * The answers the reply thread hands to one I/O thread, so that the I/O thread is woken once per
 * batch rather than once per answer: the reply thread {@link #offer}s encoded answers into a
 * bounded ring and schedules one drain task when none is pending; the drain task writes every
 * answer waiting and flushes each connection it wrote to once.
 *
 * <p>Threading: one producer (the engine's reply thread) and one consumer (the I/O thread of
 * {@code eventLoop}). Allocation: none per answer; Netty's task queue takes the drain task
 * without allocating in steady state.
 */
final class AnswerOutbox implements Runnable {
    private final EventLoop eventLoop;
    private final TerminalConnection[] connections;
    private final ByteBuf[] answers;
    private final int mask;
    private final AtomicLong tail = new AtomicLong();
    private final AtomicLong head = new AtomicLong();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final TerminalConnection[] toFlush;

    /** @param capacity answers that may wait at once, rounded up to a power of two */
    AnswerOutbox(final EventLoop eventLoop, final int capacity) {
        final int size = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
        this.eventLoop = eventLoop;
        this.connections = new TerminalConnection[size];
        this.answers = new ByteBuf[size];
        this.toFlush = new TerminalConnection[size];
        this.mask = size - 1;
    }

    /**
     * Reply thread: queues {@code answer} for {@code connection} and makes sure a drain is
     * scheduled.
     *
     * @return false when the outbox is full (nothing was queued; the caller writes directly)
     */
    boolean offer(final TerminalConnection connection, final ByteBuf answer) {
        final long position = tail.get();
        if (position - head.get() == connections.length) {
            return false;
        }
        final int slot = (int)position & mask;
        connections[slot] = connection;
        answers[slot] = answer;
        // a full volatile store: the flag must be read after it, or a drain that has just
        // cleared the flag and read the old tail would leave this answer waiting
        tail.set(position + 1);
        if (!drainScheduled.get() && drainScheduled.compareAndSet(false, true)) {
            try {
                eventLoop.execute(this);
            }
            catch (final RejectedExecutionException shutDown) {
                drainScheduled.set(false);
                // the I/O thread is stopping (a shutdown past its deadline). Once it has stopped no
                // drain can hold this answer, so it is taken back and its buffer released; while
                // a last drain may still run, it is left to that drain
                if (eventLoop.isTerminated()) {
                    connections[slot] = null;
                    answers[slot] = null;
                    tail.set(position);
                    answer.release();
                }
            }
        }
        return true;
    }

    /** I/O thread: writes every answer waiting, then flushes each connection written to once. */
    @Override
    public void run() {
        drainScheduled.set(false);
        long position = head.get();
        final long end = tail.get();
        int flushCount = 0;
        while (position < end) {
            final int slot = (int)position & mask;
            final TerminalConnection connection = connections[slot];
            final ByteBuf answer = answers[slot];
            connections[slot] = null;
            answers[slot] = null;
            position++;
            // frees the slot at once, so the reply thread rarely finds the outbox full and
            // writes around it (which could put an answer out of order)
            head.lazySet(position);
            if (connection.writeWithoutFlush(answer)) {
                toFlush[flushCount++] = connection;
            }
        }
        for (int i = 0; i < flushCount; i++) {
            toFlush[i].flushWritten();
            toFlush[i] = null;
        }
    }
}
