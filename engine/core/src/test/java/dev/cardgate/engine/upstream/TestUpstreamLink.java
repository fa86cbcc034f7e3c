package dev.cardgate.engine.upstream;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.agrona.concurrent.ManyToManyConcurrentArrayQueue;

import dev.cardgate.engine.event.AuthorizationEvent;

/**
 * A real {@link UpstreamLink} the test drives in place of the network: it keeps what is forwarded
 * (copies from a preallocated pool, so the reply thread allocates nothing) and what is sent
 * from the store, and the test decides each fate: answer with a code, time out, lose the link,
 * approve late, answer or leave unanswered a stored message, change the link's state.
 */
public final class TestUpstreamLink implements UpstreamLink {
    /** A stored message as the link was asked to send it. */
    public record StoredSend(long storedId, int messageType, int systemTraceAuditNumber, int requestLength,
        byte[] request) {
    }

    private final AuthorizationEvent[] pool;
    // lock-free and allocation-free, so the reply thread's forward allocates nothing
    private final ManyToManyConcurrentArrayQueue<AuthorizationEvent> free;
    private final ManyToManyConcurrentArrayQueue<AuthorizationEvent> forwarded;
    private final BlockingQueue<StoredSend> stored = new ArrayBlockingQueue<>(10_000);
    private volatile LinkState state;
    private volatile UpstreamListener listener;
    private volatile boolean closed;

    public TestUpstreamLink(final LinkState initial, final int capacity) {
        this.state = initial;
        this.pool = new AuthorizationEvent[capacity];
        this.free = new ManyToManyConcurrentArrayQueue<>(Math.max(2, capacity));
        this.forwarded = new ManyToManyConcurrentArrayQueue<>(Math.max(2, capacity));
        for (int i = 0; i < capacity; i++) {
            pool[i] = new AuthorizationEvent();
            free.offer(pool[i]);
        }
    }

    @Override
    public void start(final UpstreamListener upstreamListener) {
        this.listener = upstreamListener;
    }

    @Override
    public LinkState state() {
        return state;
    }

    /** Moves the link to {@code next}, telling the engine as a real link would. */
    public void state(final LinkState next) {
        final LinkState previous = state;
        state = next;
        listener.stateChanged(previous, next);
    }

    @Override
    public boolean forward(final AuthorizationEvent request) {
        if (!state.forwards()) {
            return false;
        }
        final AuthorizationEvent copy = free.poll();
        if (copy == null) {
            return false;
        }
        copy.copyFrom(request).upstreamTraceNumber(900_000 + request.systemTraceAuditNumber());
        forwarded.offer(copy);
        return true;
    }

    /** The next request forwarded, waiting at most 10 seconds. */
    public AuthorizationEvent awaitForwarded() throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        AuthorizationEvent next;
        while ((next = forwarded.poll()) == null) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("nothing was forwarded within 10 seconds");
            }
            LockSupport.parkNanos(100_000);
        }
        return next;
    }

    /** The next request forwarded, or null at once when there is none (allocation-free). */
    public AuthorizationEvent pollForwarded() {
        return forwarded.poll();
    }

    /** Requests forwarded and not yet given a fate. */
    public int forwardedWaiting() {
        return forwarded.size();
    }

    /** The network answers {@code request} with {@code responseCode} (and an id on approval). */
    public void answer(final AuthorizationEvent request, final int responseCode, final long authorizationId) {
        listener.forwardedOutcome(request, UpstreamOutcome.ANSWERED, responseCode, authorizationId);
        free.offer(request);
    }

    /** {@code request} got no answer in time; the copy stays for a late approval when {@code keep}. */
    public void timeOut(final AuthorizationEvent request) {
        listener.forwardedOutcome(request, UpstreamOutcome.TIMED_OUT, -1, AuthorizationEvent.NO_AUTHORIZATION_ID);
    }

    /** The connection carrying {@code request} was lost. */
    public void lose(final AuthorizationEvent request) {
        listener.forwardedOutcome(request, UpstreamOutcome.LINK_LOST, -1, AuthorizationEvent.NO_AUTHORIZATION_ID);
        free.offer(request);
    }

    /** An approval for {@code request} after it timed out. */
    public void approveLate(final AuthorizationEvent request, final long authorizationId) {
        listener.lateApproval(request, authorizationId);
        free.offer(request);
    }

    @Override
    public boolean sendStored(final AuthorizationEvent message, final int messageType, final long storedId) {
        if (!state.forwards()) {
            return false;
        }
        final byte[] request = new byte[message.requestLength()];
        message.requestBytes().getBytes(0, request);
        return stored.offer(new StoredSend(storedId, messageType, message.systemTraceAuditNumber(),
            message.requestLength(), request));
    }

    /** The next stored message sent, waiting at most 10 seconds. */
    public StoredSend awaitStored() throws InterruptedException {
        final StoredSend next = stored.poll(10, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("no stored message was sent within 10 seconds");
        }
        return next;
    }

    /** The next stored message sent within {@code millis}, or null. */
    public StoredSend pollStored(final long millis) throws InterruptedException {
        return stored.poll(millis, TimeUnit.MILLISECONDS);
    }

    public void answerStored(final StoredSend send, final int responseCode) {
        listener.storedAnswered(send.storedId(), responseCode);
    }

    public void leaveStoredUnanswered(final StoredSend send) {
        listener.storedUnanswered(send.storedId());
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        state = LinkState.DOWN;
        AuthorizationEvent pending;
        while ((pending = forwarded.poll()) != null) {
            lose(pending);
        }
    }
}
