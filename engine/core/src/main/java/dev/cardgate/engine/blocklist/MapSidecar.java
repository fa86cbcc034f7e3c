package dev.cardgate.engine.blocklist;

import dev.cardgate.engine.files.OwnerOnlyFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The owner-only file next to the map ({@code <map file>.meta}) that records what Chronicle's
 * header cannot: the cardgate format version, the token key's fingerprint and the capacity the
 * map was created for. It is also the writers' lock: every change to the map is made holding an
 * exclusive lock on it, so that two processes cannot together overshoot the capacity, and a
 * process creating the map is never seen half-way. Lookups never take it.
 *
 * <p>POSIX record locks belong to the process, and closing any descriptor of a file drops all of
 * the process's locks on it; so a JVM opens each sidecar once, shares it between the stores that
 * use it, and reads and writes it only through that one channel.
 *
 * <p>Content, US-ASCII lines:
 * <pre>
 * # cardgate blocklist map sidecar: do not edit
 * format=cardgate-blocklist
 * formatVersion=2
 * keyFingerprint=0123456789abcdef
 * capacity=1000000
 * entries=2
 * digest=00f3a1c27b9e4d10
 * </pre>
 * {@code entries} and {@code digest} (the {@link EntryDigest} of every entry, 16 hex digits) are
 * what the map held after the last change; every writer (the operator's commands, imports, the
 * engine's API) updates them under the lock as part of its change, and opening the map compares
 * them with the map. A version 1 sidecar, written before they existed, has neither; the first
 * open records them (as version 2) once it has verified every entry's checksum. An older
 * cardgate refuses a version 2 sidecar, naming the version.
 */
final class MapSidecar {
    static final String SUFFIX = ".meta";
    static final String FORMAT = "cardgate-blocklist";
    /** Version 2 added {@code entries} and {@code digest}; version 1 sidecars are read and upgraded. */
    static final int FORMAT_VERSION = 2;
    private static final int FIRST_FORMAT_VERSION = 1;
    private static final int MAX_SIZE = 4096;

    private static final Map<Path, MapSidecar> OPEN = new HashMap<>();

    private final Path path;
    private final FileChannel channel;
    private final ReentrantLock inProcessLock = new ReentrantLock();
    private int users;
    private FileLock fileLock;

    /** What the sidecar says; all fields validated by {@link #parse}. */
    record Content(String keyFingerprint, long capacity, Tally tallyOrNull) {
        Content withTally(final Tally tally) {
            return new Content(keyFingerprint, capacity, tally);
        }
    }

    /** The entry count and {@link EntryDigest} sum the map held after the last change. */
    record Tally(long entries, long digest) {
        static final Tally EMPTY = new Tally(0, 0);

        Tally plus(final long entryChange, final long digestChange) {
            return new Tally(entries + entryChange, digest + digestChange);
        }
    }

    private MapSidecar(final Path path, final FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    static Path pathFor(final Path mapFile) {
        return mapFile.resolveSibling(mapFile.getFileName() + SUFFIX);
    }

    /** Opens (creating it empty and owner-only if absent) the sidecar, or shares this JVM's open one. */
    static MapSidecar acquire(final Path path) throws IOException {
        synchronized (OPEN) {
            MapSidecar sidecar = OPEN.get(path);
            if (sidecar == null) {
                final FileChannel channel = FileChannel.open(path,
                    EnumSet.of(StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE),
                    OwnerOnlyFiles.ownerReadWrite());
                sidecar = new MapSidecar(path, channel);
                OPEN.put(path, sidecar);
            }
            sidecar.users++;
            return sidecar;
        }
    }

    /** Gives back what {@link #acquire} gave; the last user closes the channel. */
    void release() throws IOException {
        synchronized (OPEN) {
            if (--users == 0) {
                OPEN.remove(path);
                channel.close();
            }
        }
    }

    Path path() {
        return path;
    }

    /** True when another store of this JVM has the map open (and so has checked its file already). */
    boolean sharedWithAnotherStore() {
        synchronized (OPEN) {
            return users > 1;
        }
    }

    /** Blocks until this thread holds the writers' lock, against this JVM and others. Reentrant. */
    void lock() throws IOException {
        inProcessLock.lock();
        if (inProcessLock.getHoldCount() == 1) {
            try {
                fileLock = channel.lock();
            } catch (final IOException | RuntimeException e) {
                inProcessLock.unlock();
                throw e;
            }
        }
    }

    void unlock() throws IOException {
        try {
            if (inProcessLock.getHoldCount() == 1 && fileLock != null) {
                fileLock.release();
                fileLock = null;
            }
        } finally {
            inProcessLock.unlock();
        }
    }

    /** @return the raw content, empty for a sidecar just created. Call holding the lock. */
    String readText() throws IOException {
        final long size = channel.size();
        if (size > MAX_SIZE) {
            throw new BlocklistException("the blocklist sidecar " + path + " has " + size
                + " bytes, more than a sidecar ever has: it is not a cardgate sidecar");
        }
        final ByteBuffer buffer = ByteBuffer.allocate((int)size);
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) >= 0) {
            // read until full or end of file
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
    }

    /** Writes the content and forces it to disk. Call holding the lock. */
    void write(final Content content) throws IOException {
        final String text = "# cardgate blocklist map sidecar: do not edit\n"
            + "format=" + FORMAT + "\n"
            + "formatVersion=" + FORMAT_VERSION + "\n"
            + "keyFingerprint=" + content.keyFingerprint() + "\n"
            + "capacity=" + content.capacity() + "\n"
            + (content.tallyOrNull() == null ? "" : "entries=" + content.tallyOrNull().entries() + "\n"
                + "digest=" + String.format("%016x", content.tallyOrNull().digest()) + "\n");
        final ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
        channel.truncate(0);
        while (buffer.hasRemaining()) {
            channel.write(buffer, buffer.position());
        }
        channel.force(true);
    }

    /**
     * @throws BlocklistException naming the sidecar, the line and what is wrong
     */
    Content parse(final String text) {
        String format = null;
        String formatVersion = null;
        String keyFingerprint = null;
        String capacity = null;
        String entries = null;
        String digest = null;
        int lineNumber = 0;
        for (final String line : text.split("\n", -1)) {
            lineNumber++;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            final int equals = line.indexOf('=');
            final String name = equals < 0 ? line : line.substring(0, equals);
            final String value = equals < 0 ? "" : line.substring(equals + 1);
            switch (name) {
                case "format" -> format = value;
                case "formatVersion" -> formatVersion = value;
                case "keyFingerprint" -> keyFingerprint = value;
                case "capacity" -> capacity = value;
                case "entries" -> entries = value;
                case "digest" -> digest = value;
                default -> throw notASidecar("line " + lineNumber + " is not one of format, formatVersion, "
                    + "keyFingerprint, capacity, entries, digest");
            }
        }
        if (!FORMAT.equals(format)) {
            throw notASidecar("its format is not " + FORMAT);
        }
        if (!Integer.toString(FORMAT_VERSION).equals(formatVersion)
            && !Integer.toString(FIRST_FORMAT_VERSION).equals(formatVersion)) {
            throw new BlocklistException("the blocklist map " + mapFileName() + " has format version " + formatVersion
                + " (sidecar " + path + "); this cardgate reads versions " + FIRST_FORMAT_VERSION + " and "
                + FORMAT_VERSION + ": use the cardgate version that wrote it, or re-import the blocklist into a new map file");
        }
        if (keyFingerprint == null || !keyFingerprint.matches("[0-9a-f]{16}")) {
            throw notASidecar("it has no valid keyFingerprint");
        }
        final long parsedCapacity;
        try {
            parsedCapacity = Long.parseLong(capacity == null ? "" : capacity);
        } catch (final NumberFormatException e) {
            throw notASidecar("its capacity is not a number");
        }
        if (parsedCapacity < 1) {
            throw notASidecar("its capacity is below 1");
        }
        return new Content(keyFingerprint, parsedCapacity, parseTally(entries, digest));
    }

    private Tally parseTally(final String entries, final String digest) {
        if (entries == null && digest == null) {
            return null;
        }
        if (entries == null || !entries.matches("[0-9]{1,18}") || digest == null || !digest.matches("[0-9a-f]{16}")) {
            throw notASidecar("its entries and digest are not a count and 16 hex digits");
        }
        return new Tally(Long.parseLong(entries), Long.parseUnsignedLong(digest, 16));
    }

    private String mapFileName() {
        final String name = path.getFileName().toString();
        return path.resolveSibling(name.substring(0, name.length() - SUFFIX.length())).toString();
    }

    private BlocklistException notASidecar(final String why) {
        return new BlocklistException("the blocklist sidecar " + path + " is damaged or foreign: " + why
            + "; restore it from a backup with its map file " + mapFileName()
            + ", or move both away to start with an empty blocklist");
    }
}
