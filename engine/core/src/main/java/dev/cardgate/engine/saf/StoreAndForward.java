package dev.cardgate.engine.saf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cardgate.engine.counters.ComponentCounters;
import dev.cardgate.engine.counters.CounterRegistry;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.token.TokenKey;
import dev.cardgate.engine.upstream.UpstreamFlowCounter;

/**
 * The queue of advices and reversals owed to the network, kept in {@code saf.dat}
 * ({@link StoreAndForwardFile}): what the store-and-forward stage adds (before the terminal is
 * answered, synced with the journal's group commit), what the sender takes in stored order, and
 * what the network's answers and the expiry remove.
 *
 * <p>Threading: the stage, the sender and the link's threads call it; every method holds this
 * object's lock for a short, bounded time (no network I/O under it). Only decisions that queue
 * a message (stand-in, timeouts, reversals toward the network) reach it: the forwarded and the
 * local path never do. It allocates (an entry, the sealed frame); it is never called on the
 * decision thread with one thread per stage.
 */
public final class StoreAndForward implements AutoCloseable {
    private final Logger logger = System.getLogger("dev.cardgate.engine.saf");
    private final Map<Long, StoredMessage> entries;
    private final FrameSeal seal;
    private final ComponentCounters<UpstreamFlowCounter> counters;
    private final StoreAndForwardFile file;
    private long nextId;

    private StoreAndForward(final StoreAndForwardFile file, final Map<Long, StoredMessage> entries,
        final FrameSeal seal, final CounterRegistry counters) {
        this.file = file;
        this.entries = entries;
        this.seal = seal;
        this.counters = counters.component(UpstreamFlowCounter.class);
        for (final long id : entries.keySet()) {
            nextId = Math.max(nextId, id + 1);
        }
        this.counters.set(UpstreamFlowCounter.SAF_DEPTH, entries.size());
    }

    /**
     * Opens {@code saf.dat} in {@code dataDirectory} (created owner-only), keeps what is still owed
     * and rewrites the file with only that.
     *
     * @param tokenKey the card token key, from which the frames' key is derived
     */
    public static StoreAndForward open(final Path dataDirectory, final TokenKey tokenKey, final CounterRegistry counters) {
        final Map<Long, StoredMessage> entries = new LinkedHashMap<>();
        final StoreAndForwardFile opened = StoreAndForwardFile.open(dataDirectory.resolve(StoreAndForwardFile.FILE_NAME),
            entries);
        try {
            return new StoreAndForward(opened.compact(entries), entries, new FrameSeal(tokenKey), counters);
        }
        catch (final IOException failure) {
            throw new StoreAndForwardException("cannot rewrite the store-and-forward file in " + dataDirectory, failure);
        }
    }

    /** The file's path in {@code dataDirectory}. */
    public static Path fileIn(final Path dataDirectory) {
        return dataDirectory.resolve(StoreAndForwardFile.FILE_NAME);
    }

    /**
     * Stores a message for {@code event} (its slot and its frame, sealed): an advice (120 or 220)
     * or a reversal (420). Not durable until {@link #sync}.
     *
     * @return the stored id
     */
    public synchronized long store(final AuthorizationEvent event, final int messageType, final long nowMillis) {
        final long storedId = nextId++;
        final byte[] slot = new byte[StoredMessage.slotLength()];
        event.slot().getBytes(0, slot);
        final byte[] frame = new byte[event.requestLength()];
        event.requestBytes().getBytes(0, frame);
        final byte[] nonce = seal.newNonce();
        final StoredMessage message = new StoredMessage(storedId, nowMillis, messageType, slot, nonce,
            seal.seal(storedId, nonce, frame, frame.length));
        java.util.Arrays.fill(frame, (byte)0);
        try {
            file.appendStored(message);
        }
        catch (final IOException failure) {
            throw new UncheckedIOException("cannot append to the store-and-forward file", failure);
        }
        entries.put(storedId, message);
        counters.set(UpstreamFlowCounter.SAF_DEPTH, owedCount());
        return storedId;
    }

    /** Makes every message stored so far durable. */
    public synchronized void sync() {
        try {
            file.sync();
        }
        catch (final IOException failure) {
            throw new UncheckedIOException("cannot sync the store-and-forward file", failure);
        }
    }

    /**
     * Takes up to {@code window} owed messages not in flight, in stored order, into {@code out};
     * for one never sent, "sent once" is made durable here, before the caller sends it, so that
     * a restart sends it again only as a repeat.
     */
    synchronized void takeToSend(final int window, final List<StoredMessage> out) {
        int inFlight = 0;
        for (final StoredMessage message : entries.values()) {
            if (message.inFlight) {
                inFlight++;
            }
        }
        boolean marked = false;
        for (final StoredMessage message : entries.values()) {
            if (inFlight + out.size() >= window) {
                break;
            }
            if (message.isOwed() && !message.inFlight) {
                message.inFlight = true;
                out.add(message);
                if (message.state == StoredMessage.State.PENDING) {
                    append(StoreAndForwardFile.SENT_ONCE, message.storedId);
                    marked = true;
                }
            }
        }
        if (marked) {
            sync();
        }
    }

    /** The send of {@code message} as {@code messageType} was handed to the link, or not ({@code sent} false). */
    synchronized void sendResult(final StoredMessage message, final boolean sent, final int messageType) {
        if (!sent) {
            message.inFlight = false;
            return;
        }
        if (message.state == StoredMessage.State.PENDING) {
            message.state = StoredMessage.State.SENT;
        }
        counters.increment(UpstreamFlowCounter.SAF_SENT);
        if (messageType != message.messageType) {
            counters.increment(UpstreamFlowCounter.SAF_REPEATS);
        }
    }

    /** Decrypts the stored frame and restores the request's slot into {@code event}, for the link to send. */
    AuthorizationEvent restore(final StoredMessage message, final AuthorizationEvent event) {
        final byte[] frame = seal.open(message.storedId, message.nonce, message.sealedFrame);
        message.slotInto(event).requestBytes(new org.agrona.concurrent.UnsafeBuffer(frame), 0, frame.length);
        java.util.Arrays.fill(frame, (byte)0);
        return event;
    }

    /** The network answered {@code storedId}: it is done. */
    public synchronized void answered(final long storedId, final int responseCode) {
        final StoredMessage message = entries.get(storedId);
        if (message == null || !message.isOwed()) {
            return;
        }
        try {
            file.appendAnswered(storedId, responseCode);
            file.sync();
        }
        catch (final IOException failure) {
            throw new UncheckedIOException("cannot record the answer to stored message " + storedId, failure);
        }
        message.state = StoredMessage.State.ANSWERED;
        message.responseCode = responseCode;
        message.inFlight = false;
        entries.remove(storedId);
        counters.increment(UpstreamFlowCounter.SAF_ACKED);
        counters.set(UpstreamFlowCounter.SAF_DEPTH, owedCount());
    }

    /** {@code storedId} got no answer in time: it stays queued and is sent again, as a repeat. */
    public synchronized void unanswered(final long storedId) {
        final StoredMessage message = entries.get(storedId);
        if (message != null) {
            message.inFlight = false;
        }
    }

    /** Expires owed messages stored before {@code nowMillis - expiryMillis}: counted, one log line each. */
    synchronized void expire(final long nowMillis, final long expiryMillis) {
        long oldest = Long.MAX_VALUE;
        for (final StoredMessage message : entries.values()) {
            if (!message.isOwed()) {
                continue;
            }
            if (nowMillis - message.storedAtMillis >= expiryMillis && !message.inFlight) {
                append(StoreAndForwardFile.EXPIRED, message.storedId);
                message.state = StoredMessage.State.EXPIRED;
                counters.increment(UpstreamFlowCounter.SAF_EXPIRED);
                logger.log(Level.WARNING, "stored message " + message.storedId + " (" + describe(message)
                    + ") expired unanswered after " + expiryMillis + " ms: no longer sent (cardgate saf retry "
                    + message.storedId + " sends it again)");
            }
            else {
                oldest = Math.min(oldest, message.storedAtMillis);
            }
        }
        sync();
        counters.set(UpstreamFlowCounter.SAF_DEPTH, owedCount());
        counters.set(UpstreamFlowCounter.SAF_OLDEST_AGE_MS, oldest == Long.MAX_VALUE ? 0 : nowMillis - oldest);
    }

    /** Every entry still in the file's memory (owed, expired, dropped), in stored order. */
    public synchronized List<StoredMessage> entries() {
        return new ArrayList<>(entries.values());
    }

    /** Messages still owed to the network. */
    public synchronized int owedCount() {
        int owed = 0;
        for (final StoredMessage message : entries.values()) {
            if (message.isOwed()) {
                owed++;
            }
        }
        return owed;
    }

    private void append(final byte kind, final long storedId) {
        try {
            file.appendState(kind, storedId);
        }
        catch (final IOException failure) {
            throw new UncheckedIOException("cannot append to the store-and-forward file", failure);
        }
    }

    /** "0120 STAN 000123 TERM0001 411111******1111 12.50": what a log line or the operator sees; no clear PAN. */
    static String describe(final StoredMessage message) {
        final AuthorizationEvent event = message.slotInto(new AuthorizationEvent());
        final byte[] masked = new byte[19];
        final int length = event.maskedPanInto(masked, 0);
        final byte[] terminal = new byte[AuthorizationEvent.TERMINAL_ID_LENGTH];
        event.terminalIdInto(terminal, 0);
        return String.format("%04d stan %06d terminal %s card %s amount %d", message.messageType,
            event.systemTraceAuditNumber(), new String(terminal, java.nio.charset.StandardCharsets.US_ASCII).trim(),
            new String(masked, 0, length, java.nio.charset.StandardCharsets.US_ASCII), event.amountMinor());
    }

    @Override
    public synchronized void close() throws IOException {
        file.sync();
        file.close();
    }
}
