package dev.cardgate.engine.saf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

import dev.cardgate.engine.files.OwnerOnlyFiles;

/**
 * The store-and-forward file ({@code saf.dat} in the data folder, owner-only): an append-only log
 * of records, after an 8-byte magic {@code CGSAF001}. Each record, little-endian:
 * <pre>
 *   int length (the whole record) | int CRC32C of the bytes after it | byte kind | long stored id | body
 *   kind 1 stored:   long stored at (epoch ms) | int message type | 456 slot bytes | 12 nonce bytes
 *                    | int sealed length | sealed frame (AES-256-GCM, tag included)
 *   kind 2 sent once (written and synced before the first send)
 *   kind 3 answered: int the network's field 39
 *   kind 4 expired
 *   kind 5 dropped (an operator)
 *   kind 6 retry:    long new stored at (an operator gave an expired entry another expiry period)
 * </pre>
 * Reading stops at the first record that is short or fails its checksum (a torn tail from a
 * crash): what follows is cut off. The engine rewrites the file at start with only the entries
 * still owed ({@link #compact}), so it does not grow without end.
 *
 * <p>Threading: one writer at a time (the {@link StoreAndForward} that owns it serializes them).
 */
final class StoreAndForwardFile implements AutoCloseable {
    static final String FILE_NAME = "saf.dat";
    private static final byte[] MAGIC = "CGSAF001".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = 4 + 4 + 1 + 8;
    static final byte STORED = 1;
    static final byte SENT_ONCE = 2;
    static final byte ANSWERED = 3;
    static final byte EXPIRED = 4;
    static final byte DROPPED = 5;
    static final byte RETRY = 6;

    private final Path path;
    private final FileChannel channel;
    private final ByteBuffer small = ByteBuffer.allocate(HEADER + Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private boolean unsynced;

    private StoreAndForwardFile(final Path path, final FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** Opens (creating it owner-only if absent) and reads every entry into {@code into}, in stored order. */
    static StoreAndForwardFile open(final Path path, final Map<Long, StoredMessage> into) {
        try {
            if (OwnerOnlyFiles.createEmptyIfAbsent(path) || Files.size(path) == 0) {
                Files.write(path, MAGIC, StandardOpenOption.WRITE);
            }
            final String excess = OwnerOnlyFiles.describeExcessPermissions(path);
            if (excess != null) {
                throw new StoreAndForwardException(path + " is open to " + excess + ": it holds sealed card data and "
                    + "must be owner-only (chmod 600)");
            }
            final FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            final long end = read(path, channel, into);
            channel.truncate(end);
            channel.position(end);
            return new StoreAndForwardFile(path, channel);
        }
        catch (final IOException failure) {
            throw new StoreAndForwardException("cannot open the store-and-forward file " + path + ": " + failure, failure);
        }
    }

    /** Reads the entries of {@code path} without opening it for writing (the operator's list). */
    static Map<Long, StoredMessage> readOnly(final Path path) {
        final Map<Long, StoredMessage> entries = new LinkedHashMap<>();
        if (!Files.exists(path)) {
            return entries;
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            read(path, channel, entries);
            return entries;
        }
        catch (final IOException failure) {
            throw new StoreAndForwardException("cannot read the store-and-forward file " + path + ": " + failure, failure);
        }
    }

    private static long read(final Path path, final FileChannel channel, final Map<Long, StoredMessage> into)
        throws IOException {
        final ByteBuffer all = ByteBuffer.allocate((int)channel.size()).order(ByteOrder.LITTLE_ENDIAN);
        channel.read(all, 0);
        all.flip();
        if (all.remaining() < MAGIC.length || !all.slice(0, MAGIC.length).equals(ByteBuffer.wrap(MAGIC))) {
            throw new StoreAndForwardException(path + " is not a cardgate store-and-forward file (no CGSAF001 magic)");
        }
        int position = MAGIC.length;
        while (all.limit() - position >= HEADER) {
            final int length = all.getInt(position);
            if (length < HEADER || length > all.limit() - position) {
                break;
            }
            final CRC32C crc = new CRC32C();
            crc.update(all.slice(position + 8, length - 8));
            if ((int)crc.getValue() != all.getInt(position + 4)) {
                break;
            }
            apply(all.slice(position, length).order(ByteOrder.LITTLE_ENDIAN), into);
            position += length;
        }
        return position;
    }

    private static void apply(final ByteBuffer record, final Map<Long, StoredMessage> into) {
        final byte kind = record.get(8);
        final long storedId = record.getLong(9);
        record.position(HEADER);
        if (kind == STORED) {
            final long storedAt = record.getLong();
            final int messageType = record.getInt();
            final byte[] slot = new byte[StoredMessage.slotLength()];
            record.get(slot);
            final byte[] nonce = new byte[FrameSeal.NONCE_LENGTH];
            record.get(nonce);
            final byte[] sealed = new byte[record.getInt()];
            record.get(sealed);
            into.put(storedId, new StoredMessage(storedId, storedAt, messageType, slot, nonce, sealed));
            return;
        }
        final StoredMessage message = into.get(storedId);
        if (message == null) {
            return;
        }
        switch (kind) {
            case SENT_ONCE:
                message.state = StoredMessage.State.SENT;
                break;
            case ANSWERED:
                message.state = StoredMessage.State.ANSWERED;
                message.responseCode = record.getInt();
                break;
            case EXPIRED:
                message.state = StoredMessage.State.EXPIRED;
                break;
            case DROPPED:
                message.state = StoredMessage.State.DROPPED;
                break;
            case RETRY:
                message.storedAtMillis = record.getLong();
                message.state = StoredMessage.State.SENT;
                break;
            default:
                break;
        }
    }

    void appendStored(final StoredMessage message) throws IOException {
        final int length = HEADER + Long.BYTES + Integer.BYTES + message.slot.length + message.nonce.length
            + Integer.BYTES + message.sealedFrame.length;
        final ByteBuffer record = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        header(record, length, STORED, message.storedId);
        record.putLong(message.storedAtMillis).putInt(message.messageType).put(message.slot).put(message.nonce)
            .putInt(message.sealedFrame.length).put(message.sealedFrame);
        write(record);
    }

    /** Appends a change of state: {@link #SENT_ONCE}, {@link #EXPIRED}, {@link #DROPPED} (no body). */
    void appendState(final byte kind, final long storedId) throws IOException {
        small.clear();
        header(small, HEADER, kind, storedId);
        write(small);
    }

    void appendAnswered(final long storedId, final int responseCode) throws IOException {
        small.clear();
        header(small, HEADER + Integer.BYTES, ANSWERED, storedId);
        small.putInt(responseCode);
        write(small);
    }

    void appendRetry(final long storedId, final long storedAtMillis) throws IOException {
        small.clear();
        header(small, HEADER + Long.BYTES, RETRY, storedId);
        small.putLong(storedAtMillis);
        write(small);
    }

    /** Forces what was appended since the last sync to the disk. */
    void sync() throws IOException {
        if (unsynced) {
            channel.force(false);
            unsynced = false;
        }
    }

    /**
     * Rewrites the file with only the entries still owed (and their "sent once"), through a
     * temporary owner-only file moved over it atomically; the file stays open for appending.
     */
    StoreAndForwardFile compact(final Map<Long, StoredMessage> entries) throws IOException {
        final Path temporary = path.resolveSibling(FILE_NAME + ".compacting");
        Files.deleteIfExists(temporary);
        OwnerOnlyFiles.writeNew(temporary, MAGIC);
        final StoreAndForwardFile rewritten;
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            out.position(MAGIC.length);
            final StoreAndForwardFile writer = new StoreAndForwardFile(temporary, out);
            for (final StoredMessage message : entries.values()) {
                if (message.isOwed()) {
                    writer.appendStored(message);
                    if (message.state == StoredMessage.State.SENT) {
                        writer.appendState(SENT_ONCE, message.storedId);
                    }
                }
            }
            out.force(true);
        }
        channel.close();
        Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        entries.values().removeIf(message -> !message.isOwed());
        final FileChannel reopened = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        reopened.position(reopened.size());
        rewritten = new StoreAndForwardFile(path, reopened);
        return rewritten;
    }

    private static void header(final ByteBuffer record, final int length, final byte kind, final long storedId) {
        record.putInt(length).putInt(0).put(kind).putLong(storedId);
    }

    private void write(final ByteBuffer record) throws IOException {
        final int length = record.position();
        final CRC32C crc = new CRC32C();
        crc.update(record.array(), 8, length - 8);
        record.putInt(4, (int)crc.getValue());
        record.flip();
        while (record.hasRemaining()) {
            channel.write(record);
        }
        unsynced = true;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
