package dev.cardgate.engine.saf;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.agrona.concurrent.EpochClock;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.upstream.UpstreamLink;

/**
 * Sends the stored messages to the network, off the decision thread, on a thread of its own:
 * every {@code upstream.saf.retry.interval.ms} (or at once when woken by an answer) it expires
 * what is too old, and while the link is up sends what is owed in stored order, at most
 * {@code upstream.saf.window} unanswered at once; a message sent before (its "sent once" is on the
 * disk before its first send) goes again only with the repeat message type (0121, 0221, 0421),
 * until the network answers it.
 */
public final class StoreAndForwardSender implements AutoCloseable {
    private final Logger logger = System.getLogger("dev.cardgate.engine.saf");
    private final StoreAndForward store;
    private final UpstreamLink link;
    private final EpochClock clock;
    private final long intervalNanos;
    private final long expiryMillis;
    private final int window;
    private final Thread thread;
    private final List<StoredMessage> batch = new ArrayList<>();
    private final AuthorizationEvent message = new AuthorizationEvent();
    private volatile boolean running = true;

    public StoreAndForwardSender(final String engineName, final StoreAndForward store, final UpstreamLink link,
        final EpochClock clock, final long intervalMillis, final long expiryMillis, final int window) {
        this.store = store;
        this.link = link;
        this.clock = clock;
        this.intervalNanos = intervalMillis * 1_000_000L;
        this.expiryMillis = expiryMillis;
        this.window = window;
        this.thread = new Thread(this::run, engineName + "-saf-sender");
        this.thread.setDaemon(true);
    }

    public StoreAndForwardSender start() {
        thread.start();
        return this;
    }

    /** Looks again now (an answer arrived, the link came up). Any thread. */
    public void wake() {
        LockSupport.unpark(thread);
    }

    private void run() {
        while (running) {
            try {
                sendOnce();
            }
            catch (final RuntimeException failure) {
                logger.log(Level.ERROR, "store and forward: sending failed, tried again in the next interval: " + failure);
            }
            LockSupport.parkNanos(this, intervalNanos);
        }
    }

    /** One round: expire, then send what the window allows. */
    void sendOnce() {
        store.expire(clock.time(), expiryMillis);
        if (!link.state().forwards()) {
            return;
        }
        batch.clear();
        store.takeToSend(window, batch);
        for (int i = 0; i < batch.size(); i++) {
            final StoredMessage stored = batch.get(i);
            final int messageType = stored.nextMessageType();
            final boolean sent = link.sendStored(store.restore(stored, message.clear()), messageType, stored.storedId);
            store.sendResult(stored, sent, messageType);
            if (!sent) {
                for (int rest = i + 1; rest < batch.size(); rest++) {
                    store.sendResult(batch.get(rest), false, messageType);
                }
                break;
            }
        }
        message.clear();
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(5_000);
        }
        catch (final InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
