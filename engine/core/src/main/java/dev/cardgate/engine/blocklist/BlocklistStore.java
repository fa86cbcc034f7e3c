package dev.cardgate.engine.blocklist;

import dev.cardgate.engine.files.ImportProgress;
import dev.cardgate.engine.files.MapDamage;
import dev.cardgate.engine.token.CardToken;
import dev.cardgate.engine.token.PanFormat;
import dev.cardgate.engine.token.PanTokenizer;
import dev.cardgate.engine.token.TokenKey;
import net.openhft.chronicle.map.ChronicleMap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The hot-card list: a Chronicle Map in a file, keyed by card token, shared by every process
 * that opens the same file. The engine reads it through {@link #newLookup()}; operators change
 * it through this class, from the engine's process or any other, and a lookup sees each change
 * from its next call on.
 *
 * <p>Files: the map ({@code mapFile}) and its sidecar ({@code mapFile + ".meta"}, see
 * {@link MapSidecar}), both owner-only. The sidecar records the token key's fingerprint and the
 * capacity; opening with another key, or a corrupt or foreign file, fails with a
 * {@link BlocklistException} that says what to do.
 *
 * <p>Threading: operator methods (add, remove, check, import, ...) may be called from any thread;
 * they serialise on this store and, for changes, on the sidecar's lock against other processes.
 * They allocate and are not for the decision thread. The decision thread uses its own
 * {@link BlocklistLookup}, which takes no store lock and allocates nothing.
 */
public final class BlocklistStore implements AutoCloseable {
    private final Path mapFile;
    private final ChronicleMap<TokenMapKey, StoredEntry> map;
    private final MapSidecar sidecar;
    private final long capacity;
    private final TokenKey tokenKey;
    private final PanTokenizer tokenizer;
    private final CardToken token = new CardToken();
    private final TokenMapKey mapKey = new TokenMapKey();
    private final StoredEntry existing = new StoredEntry();
    private final StoredEntry incoming = new StoredEntry();
    private final EntryWriter writer;
    private final MapDamage damage;
    /** What the change in progress did to the entry count and the digest; reset by each change. */
    private final AtomicLong entryChange = new AtomicLong();
    private final AtomicLong digestChange = new AtomicLong();
    private boolean closed;

    private BlocklistStore(final Path mapFile, final ChronicleMap<TokenMapKey, StoredEntry> map,
        final MapSidecar sidecar, final long capacity, final TokenKey tokenKey) {
        this.mapFile = mapFile;
        this.map = map;
        this.sidecar = sidecar;
        this.capacity = capacity;
        this.tokenKey = tokenKey;
        this.tokenizer = tokenKey.newTokenizer();
        this.damage = new MapDamage("the blocklist map " + mapFile);
        this.writer = newEntryWriter();
    }

    /**
     * Opens the blocklist in {@code mapFile}, creating the map and its sidecar, owner-only, when
     * neither exists. Opening an existing map reads every entry once and verifies it (see
     * {@link MapVerifier}): a damaged map is refused, never served.
     *
     * @param capacity the most entries the blocklist may hold (expired ones included); at most the
     *                 capacity the map was created with, which a map cannot outgrow
     * @param key      the token key; must be the key the map was created with
     * @throws BlocklistException for a map made with another key, a damaged or foreign map or
     *                            sidecar, a capacity above the map's, or a file that cannot be read
     */
    public static BlocklistStore open(final Path mapFile, final long capacity, final TokenKey key) {
        Objects.requireNonNull(mapFile, "mapFile");
        Objects.requireNonNull(key, "key");
        if (capacity < 1) {
            throw new BlocklistException("the blocklist capacity must be at least 1; " + capacity + " was configured");
        }
        final Path map = mapFile.toAbsolutePath().normalize();
        final BlocklistFiles.Opened opened = BlocklistFiles.open(map, capacity, key);
        return new BlocklistStore(map, opened.map(), opened.sidecar(), capacity, key);
    }

    /**
     * {@link #open}, for the engine: a blocklist that does not exist is created only where the
     * data folder shows no sign of having been served from, or when the operator says so.
     *
     * @param newBlocklistAllowed the operator's explicit choice ({@code serve --new-blocklist},
     *                            {@code blocklist.new=true}) to start with a new, empty blocklist
     * @param otherState          files and folders that exist once the engine has run (the journal's
     *                            folder, the terminal registry); any of them holding data while
     *                            the blocklist's map and sidecar are both missing means the
     *                            blocklist was lost
     * @throws MissingBlocklistException when the blocklist was lost and a new one was not asked for
     * @throws BlocklistException        as {@link #open} does
     */
    public static BlocklistStore openForEngine(final Path mapFile, final long capacity, final TokenKey key,
        final boolean newBlocklistAllowed, final List<Path> otherState) {
        final Path map = mapFile.toAbsolutePath().normalize();
        if (!newBlocklistAllowed && !Files.exists(map) && !Files.exists(MapSidecar.pathFor(map))) {
            for (final Path state : otherState) {
                if (holdsData(state)) {
                    throw new MissingBlocklistException("the blocklist map " + map + " and its sidecar are missing, "
                        + "but this data folder has been served from (" + state + " exists): starting would approve "
                        + "every card of the lost hot-card list. Restore both files from a backup, or start with "
                        + "cardgate serve --new-blocklist (blocklist.new=true) to create an empty one and re-import");
                }
            }
        }
        return open(mapFile, capacity, key);
    }

    private static boolean holdsData(final Path state) {
        try {
            if (Files.isDirectory(state)) {
                try (Stream<Path> children = Files.list(state)) {
                    return children.findAny().isPresent();
                }
            }
            return Files.exists(state) && Files.size(state) > 0;
        } catch (final IOException e) {
            throw new BlocklistException("cannot tell whether " + state + " holds data: " + e.getMessage(), e);
        }
    }

    /** A lookup for the calling thread; see {@link BlocklistLookup} for its contract. */
    public BlocklistLookup newLookup() {
        ensureOpen();
        return new ChronicleBlocklistLookup(map, damage);
    }

    /** Damage the lookups of this store found while serving; see {@link MapDamage}. */
    public MapDamage damage() {
        return damage;
    }

    /**
     * Lists the card, or changes its entry.
     *
     * @param expiresEpochMillis from when the entry stops blocking; {@link BlocklistEntry#NO_EXPIRY} for never
     * @param reference          up to 16 printable US-ASCII characters, no comma; empty for none
     * @return what changed; {@link AddOutcome#UNCHANGED} writes nothing
     * @throws IllegalArgumentException for a PAN that is not 12 to 19 digits with a valid Luhn
     *                                  digit, or a bad reference (the message does not repeat the PAN)
     * @throws BlocklistException       when the card is not listed and the blocklist holds its capacity
     */
    public synchronized AddOutcome add(final CharSequence pan, final BlockReason reason, final long expiresEpochMillis,
        final String reference) {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(reference, "reference");
        final String panProblem = PanFormat.describeProblem(pan);
        if (panProblem != null) {
            throw new IllegalArgumentException(panProblem);
        }
        final String referenceProblem = BlocklistEntry.describeReferenceProblem(reference);
        if (referenceProblem != null) {
            throw new IllegalArgumentException(referenceProblem);
        }
        ensureOpen();
        tokenizer.tokenize(pan, token);
        incoming.set(reason, System.currentTimeMillis(), expiresEpochMillis, reference);
        return underWriterLock(() -> {
            final AddOutcome outcome = writer.write(token.high(), token.low(), incoming, new AtomicLong(map.longSize()));
            if (outcome == null) {
                throw new BlocklistException(fullMessage());
            }
            return outcome;
        });
    }

    /**
     * @return true when the card was listed (expired or not) and is no longer
     * @throws IllegalArgumentException when {@code pan} is not 12 to 19 digits
     */
    public synchronized boolean remove(final CharSequence pan) {
        tokenizeOrThrow(pan);
        return underWriterLock(() -> {
            final StoredEntry removed = map.remove(mapKey.set(token.high(), token.low()));
            if (removed == null) {
                return false;
            }
            countRemoved(token.high(), token.low(), removed);
            return true;
        });
    }

    /**
     * @return the card's entry, also when it has expired ({@link BlocklistEntry#blocksAt} tells);
     *     empty when the card is not listed
     * @throws IllegalArgumentException when {@code pan} is not 12 to 19 digits
     * @throws BlocklistException       when the stored entry cannot be read
     */
    public synchronized Optional<BlocklistEntry> check(final CharSequence pan) {
        tokenizeOrThrow(pan);
        final StoredEntry found = map.getUsing(mapKey.set(token.high(), token.low()), existing);
        if (found == null) {
            return Optional.empty();
        }
        if (found.reasonOrNull() == null) {
            throw new BlocklistException("the blocklist entry of token " + token + " in " + mapFile
                + " cannot be read (" + found.describeCorruption() + "): the map file is damaged");
        }
        return Optional.of(found.toEntry());
    }

    /**
     * Every entry, expired ones included, with its token (never a PAN: none is stored). Read into
     * memory first, so that no segment lock is held while the caller writes them out, which
     * would stall lookups of that segment. Allocates a record per entry.
     *
     * @throws BlocklistException when a stored entry cannot be read
     */
    public synchronized List<ListedToken> listedTokens() {
        ensureOpen();
        final List<ListedToken> listed = new ArrayList<>();
        final StoredEntry scratch = new StoredEntry();
        final CardToken listedToken = new CardToken();
        map.forEachEntry(entry -> {
            final TokenMapKey key = entry.key().get();
            final StoredEntry value = entry.value().getUsing(scratch);
            listedToken.set(key.high, key.low);
            if (value.reasonOrNull() == null) {
                throw new BlocklistException("the blocklist entry of token " + listedToken + " in " + mapFile
                    + " cannot be read (" + value.describeCorruption() + "): the map file is damaged");
            }
            listed.add(new ListedToken(listedToken.toString(), value.toEntry()));
        });
        return listed;
    }

    /** Entries in the map, expired ones included, written by any process. */
    public long count() {
        ensureOpen();
        return map.longSize();
    }

    /** @return the number of entries removed because they no longer block at {@code nowEpochMillis} */
    public synchronized long removeExpired(final long nowEpochMillis) {
        ensureOpen();
        return underWriterLock(() -> {
            final long[] removed = new long[1];
            final StoredEntry scratch = new StoredEntry();
            map.forEachEntry(entry -> {
                final StoredEntry value = entry.value().getUsing(scratch);
                if (value.reasonOrNull() != null && nowEpochMillis >= value.expiresEpochMillis) {
                    final TokenMapKey key = entry.key().get();
                    countRemoved(key.high, key.low, value);
                    entry.doRemove();
                    removed[0]++;
                }
            });
            return removed[0];
        });
    }

    /**
     * Adds or updates the entries of an import file (format in docs/blocklist.md), hashing on
     * several threads. Importing the same file again changes nothing. Not atomic: a failure
     * part-way leaves the lines before it applied, and importing the file again completes it.
     *
     * @return what each line did; every line that changed nothing because it is wrong is listed
     *     with its number and why
     * @throws BlocklistException when the file cannot be read
     */
    public synchronized ImportReport importFile(final Path file) {
        return importFile(file, ImportProgress.NONE);
    }

    /** {@link #importFile(Path)}, telling {@code progress} how far it has come after each batch of lines. */
    public synchronized ImportReport importFile(final Path file, final ImportProgress progress) {
        ensureOpen();
        return underWriterLock(() -> new BlocklistImporter(this, tokenKey).run(file, progress));
    }

    /** The most entries this store lets the map hold. */
    public long capacity() {
        return capacity;
    }

    public Path mapFile() {
        return mapFile;
    }

    /** The fingerprint of the token key the map was made with. */
    public String keyFingerprint() {
        return tokenKey.fingerprint();
    }

    /** Unmaps the file; lookups made from this store must not be used afterwards. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            map.close();
        } finally {
            BlocklistFiles.releaseQuietly(sidecar, null);
        }
    }

    /** A writer for one thread of a change; call its methods holding the writers' lock. */
    EntryWriter newEntryWriter() {
        return new EntryWriter(map, capacity, mapFile, entryChange, digestChange);
    }

    private void countRemoved(final long tokenHigh, final long tokenLow, final StoredEntry removed) {
        entryChange.decrementAndGet();
        digestChange.addAndGet(-EntryDigest.of(tokenHigh, tokenLow, removed));
    }

    String fullMessage() {
        return "the blocklist " + mapFile + " is full: it holds its capacity of " + capacity + " entries; remove "
            + "entries (expired ones first), or create a map with a larger capacity and re-import";
    }

    /** For each import line refused for lack of room: short, since a file may have many. */
    String fullLineMessage() {
        return "not added: the blocklist is full (capacity " + capacity + " entries)";
    }

    ChronicleMap<TokenMapKey, StoredEntry> chronicleMap() {
        return map;
    }

    private interface WriteAction<T> {
        T run() throws IOException;
    }

    /**
     * Runs a change holding the writers' lock, and records in the sidecar what it did to the entry
     * count and digest, also when it fails part-way (what it changed stays changed).
     */
    private <T> T underWriterLock(final WriteAction<T> action) {
        ensureOpen();
        try {
            sidecar.lock();
            try {
                final MapSidecar.Content before = sidecar.parse(sidecar.readText());
                entryChange.set(0);
                digestChange.set(0);
                try {
                    return action.run();
                } finally {
                    if (entryChange.get() != 0 || digestChange.get() != 0) {
                        final MapSidecar.Tally after = before.tallyOrNull().plus(entryChange.get(), digestChange.get());
                        sidecar.write(before.withTally(after));
                    }
                }
            } finally {
                sidecar.unlock();
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("blocklist " + mapFile + ": " + e.getMessage(), e);
        }
    }

    private void tokenizeOrThrow(final CharSequence pan) {
        ensureOpen();
        if (!tokenizer.tokenize(pan, token)) {
            throw new IllegalArgumentException("not a PAN: expected 12 to 19 ASCII digits, got " + pan.length()
                + " characters");
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the blocklist " + mapFile + " is closed");
        }
    }
}
