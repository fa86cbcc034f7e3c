package dev.cardgate.engine.terminal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.cardgate.engine.files.ImportProgress;
import dev.cardgate.engine.files.MapDamage;
import net.openhft.chronicle.map.ChronicleMap;

/**
 * The terminal registry: a Chronicle Map in a file, keyed by terminal id (field 41), shared by
 * every process that opens the same file. The engine reads it through {@link #newLookup()};
 * operators change it through this class, from the engine's process or any other, and the
 * engine sees each change from its next request on.
 *
 * <p>Threading: operator methods may be called from any thread; they serialise on this
 * registry, allocate, and are not for the decision thread. A change made here and the decision
 * thread's own writes (last heard, signed on) to the same terminal are each atomic under the
 * entry's lock; the later one wins.
 *
 * <p>Capacity: a new terminal is refused once the map holds {@code capacity} terminals. The
 * check is per process: two processes adding at the same instant may overshoot it by one each.
 */
public final class TerminalRegistry implements AutoCloseable {
    private static final Map<Path, Integer> OPEN_IN_THIS_JVM = new HashMap<>();
    private static final int PROGRESS_EVERY = 4096;

    private final Path mapFile;
    private final long capacity;
    private final ChronicleMap<TerminalMapKey, StoredTerminal> map;
    private final TerminalMapKey key = new TerminalMapKey();
    private final StoredTerminal value = new StoredTerminal();
    private final MapDamage damage;
    private boolean closed;

    private TerminalRegistry(final Path mapFile, final long capacity,
        final ChronicleMap<TerminalMapKey, StoredTerminal> map) {
        this.mapFile = mapFile;
        this.capacity = capacity;
        this.map = map;
        this.damage = new MapDamage("the terminal registry " + mapFile);
    }

    /**
     * Opens the registry in {@code mapFile}, creating it owner-only when absent.
     *
     * @param capacity the most terminals the registry may hold; sizes a new file
     * @throws TerminalException for a damaged or foreign file
     */
    public static TerminalRegistry open(final Path mapFile, final long capacity) {
        Objects.requireNonNull(mapFile, "mapFile");
        if (capacity < 1) {
            throw new TerminalException("the terminal registry capacity must be at least 1; " + capacity
                + " was configured");
        }
        final Path normalized = mapFile.toAbsolutePath().normalize();
        synchronized (OPEN_IN_THIS_JVM) {
            final boolean openHere = OPEN_IN_THIS_JVM.containsKey(normalized);
            final ChronicleMap<TerminalMapKey, StoredTerminal> map =
                TerminalMapFiles.open(normalized, capacity, openHere);
            OPEN_IN_THIS_JVM.merge(normalized, 1, Integer::sum);
            return new TerminalRegistry(normalized, capacity, map);
        }
    }

    /** A lookup for the decision thread; see {@link TerminalLookup}. */
    public TerminalLookup newLookup() {
        ensureOpen();
        return new TerminalLookup(map, damage);
    }

    /** Damage the lookups of this registry found while serving; see {@link MapDamage}. */
    public MapDamage damage() {
        return damage;
    }

    /**
     * Registers a new terminal.
     *
     * @throws IllegalArgumentException when the terminal id is registered already
     * @throws TerminalException        when the registry holds its capacity
     */
    public synchronized void add(final TerminalRecord terminal) {
        ensureOpen();
        if (map.containsKey(key.set(AsciiCodes.pack(terminal.terminalId())))) {
            throw new IllegalArgumentException("terminal " + terminal.terminalId() + " is registered already; "
                + "use set to change it");
        }
        put(terminal);
    }

    /**
     * Registers the terminal or replaces its registration.
     *
     * @return true when it was new
     * @throws TerminalException when it is new and the registry holds its capacity
     */
    public synchronized boolean set(final TerminalRecord terminal) {
        ensureOpen();
        return put(terminal);
    }

    /**
     * Changes a registered terminal's status.
     *
     * @throws IllegalArgumentException when the terminal is not registered
     */
    public synchronized void setStatus(final String terminalId, final TerminalStatus status) {
        final TerminalRecord current = show(terminalId).orElseThrow(() ->
            new IllegalArgumentException("terminal " + terminalId + " is not registered"));
        put(current.withStatus(status));
    }

    /** The terminal, or empty when it is not registered. */
    public synchronized Optional<TerminalRecord> show(final String terminalId) {
        ensureOpen();
        final long packed = AsciiCodes.pack(terminalId);
        final StoredTerminal found = map.getUsing(key.set(packed), value);
        if (found == null) {
            return Optional.empty();
        }
        if (found.statusOrNull() == null) {
            throw new TerminalException("the registry entry of terminal " + terminalId + " in " + mapFile
                + " cannot be read (" + found.describeCorruption() + "): the file is damaged");
        }
        return Optional.of(found.toRecord(packed));
    }

    /** @return true when the terminal was registered and is no longer */
    public synchronized boolean remove(final String terminalId) {
        ensureOpen();
        return map.remove(key.set(AsciiCodes.pack(terminalId))) != null;
    }

    /** Every registered terminal, sorted by terminal id. Allocates one record per terminal. */
    public synchronized List<TerminalRecord> list() {
        ensureOpen();
        final List<TerminalRecord> terminals = new ArrayList<>();
        map.forEachEntry(entry -> {
            final long packed = entry.key().get().packedTerminalId;
            final StoredTerminal stored = entry.value().getUsing(new StoredTerminal());
            if (stored.statusOrNull() == null) {
                throw new TerminalException("the registry entry of terminal " + AsciiCodes.unpack(packed) + " in "
                    + mapFile + " cannot be read (" + stored.describeCorruption() + "): the file is damaged");
            }
            terminals.add(stored.toRecord(packed));
        });
        terminals.sort(Comparator.comparing(TerminalRecord::terminalId));
        return terminals;
    }

    /**
     * Adds or replaces the terminals of a CSV file (format in docs/rules.md, sample in
     * config/terminals-sample.csv). Every line is validated before anything is written: a file
     * with a bad line changes nothing.
     *
     * @throws TerminalImportException listing every bad line with its number and why
     */
    public synchronized TerminalImportReport importFile(final Path file) {
        return importFile(file, ImportProgress.NONE);
    }

    /**
     * {@link #importFile(Path)}, telling {@code progress} how far the writing has come every
     * {@value #PROGRESS_EVERY} terminals. A terminal registered already with the same settings is
     * left as it is (its sign-on and last-heard time kept) and counted unchanged.
     */
    public synchronized TerminalImportReport importFile(final Path file, final ImportProgress progress) {
        ensureOpen();
        final List<TerminalRecord> terminals = TerminalCsv.parse(file);
        int added = 0;
        int replaced = 0;
        int unchanged = 0;
        int done = 0;
        for (final TerminalRecord terminal : terminals) {
            final Optional<TerminalRecord> current = show(terminal.terminalId());
            if (current.isPresent() && current.get().sameRegistrationAs(terminal)) {
                unchanged++;
            }
            else if (put(terminal)) {
                added++;
            }
            else {
                replaced++;
            }
            if (++done % PROGRESS_EVERY == 0) {
                progress.advanced(done, (double)done / terminals.size());
            }
        }
        progress.advanced(done, 1.0);
        return new TerminalImportReport(file, added, replaced, unchanged);
    }

    /** Terminals in the map, written by any process. */
    public long count() {
        ensureOpen();
        return map.longSize();
    }

    public long capacity() {
        return capacity;
    }

    public Path mapFile() {
        return mapFile;
    }

    /** Unmaps the file; lookups made from this registry must not be used afterwards. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        map.close();
        synchronized (OPEN_IN_THIS_JVM) {
            OPEN_IN_THIS_JVM.computeIfPresent(mapFile, (path, users) -> users == 1 ? null : users - 1);
        }
    }

    private boolean put(final TerminalRecord terminal) {
        final long packed = AsciiCodes.pack(terminal.terminalId());
        final boolean isNew = !map.containsKey(key.set(packed));
        if (isNew && map.longSize() >= capacity) {
            throw new TerminalException("the terminal registry " + mapFile + " is full: it holds its capacity of "
                + capacity + " terminals; remove terminals, or raise terminal.capacity and re-create the file");
        }
        map.put(key.set(packed), value.set(terminal));
        return isNew;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the terminal registry " + mapFile + " is closed");
        }
    }
}
