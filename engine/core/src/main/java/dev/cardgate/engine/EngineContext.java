package dev.cardgate.engine;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.agrona.concurrent.SystemEpochClock;

import dev.cardgate.engine.blocklist.BlocklistLookup;
import dev.cardgate.engine.blocklist.BlocklistStore;
import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.event.DecidedEventListener;
import dev.cardgate.engine.journal.FileSegmentStorage;
import dev.cardgate.engine.journal.SegmentStorage;
import dev.cardgate.engine.counters.CountersFile;
import dev.cardgate.engine.counters.CountersFileDescriptor;
import dev.cardgate.engine.terminal.TerminalRegistry;
import dev.cardgate.engine.terminal.TerminalSource;
import dev.cardgate.engine.token.TokenKey;
import dev.cardgate.engine.upstream.UpstreamLink;
import dev.cardgate.engine.upstream.UpstreamLinkFactory;

/**
 * What an engine is wired from, in one place: the configuration and the resources the engine
 * runs on. Set what you have with the fluent setters; {@link #conclude()} fills every part left
 * unset from the configuration (opening the files it names, in a fixed order) and checks the
 * whole once, so that the engine's constructor only wires. A resource the context opens is
 * closed by the engine, after its pipeline has drained, in the reverse order of opening; a
 * resource handed in is the caller's unless given to {@link #closeOnClose}.
 *
 * <p>Defaults, in the order {@code conclude()} opens them: the data folder (created owner-only);
 * the counters file in it; the token key (the configuration's hex, else the key file, created on
 * first start); the blocklist map; the terminal registry map; the journal (opened by the engine,
 * on {@link FileSegmentStorage}, when {@code journal.enabled}). The pipeline tests give an
 * in-memory blocklist, {@link TerminalSource#NONE}, a tokenizer, in-memory counters and no
 * journal, and so open no file at all.
 *
 * <p>Threading: one thread, before launch. A context is concluded once and used for one engine.
 */
final class EngineContext {
    private static final Logger LOGGER = System.getLogger("dev.cardgate.engine");

    private EngineConfiguration configuration;
    private CountersFile countersFile;
    private TokenKey tokenKey;
    private Supplier<? extends CardTokenizer> tokenizers;
    private BlocklistStore blocklist;
    private BlocklistLookup blocklistLookup;
    private TerminalRegistry terminalRegistry;
    private TerminalSource terminals;
    private boolean journalWanted = true;
    private SegmentStorage journalStorage;
    private List<? extends DecidedEventListener> replayListeners = List.of();
    private boolean controlChannel = true;
    private UpstreamLinkFactory upstreamLinks;
    private final List<AutoCloseable> ownedResources = new ArrayList<>();
    private boolean concluded;

    EngineContext configuration(final EngineConfiguration configuration) {
        this.configuration = configuration;
        return this;
    }

    /** The counters' home; default: {@code counters.dat} in the data folder. */
    EngineContext countersFile(final CountersFile countersFile) {
        this.countersFile = countersFile;
        return this;
    }

    /** The card token key; default: from the configuration. Null with a test tokenizer. */
    EngineContext tokenKey(final TokenKey tokenKey) {
        this.tokenKey = tokenKey;
        return this;
    }

    /** Makes each convenience-path caller thread's tokenizer; default: the token key's. */
    EngineContext tokenizers(final Supplier<? extends CardTokenizer> tokenizers) {
        this.tokenizers = tokenizers;
        return this;
    }

    /** What the decision thread reads the blocklist through; default: the blocklist store's lookup. */
    EngineContext blocklistLookup(final BlocklistLookup blocklistLookup) {
        this.blocklistLookup = blocklistLookup;
        return this;
    }

    /** What the decision thread reads terminals through; default: the registry's lookup. */
    EngineContext terminals(final TerminalSource terminals) {
        this.terminals = terminals;
        return this;
    }

    /** The journal's file seam (failure tests); default: the real files. */
    EngineContext journalStorage(final SegmentStorage journalStorage) {
        this.journalStorage = journalStorage;
        return this;
    }

    /** No journal, whatever the configuration says: the pipeline has no journal stage. */
    EngineContext withoutJournal() {
        this.journalWanted = false;
        return this;
    }

    /** Told of every journaled decision of the replay window at start, besides the risk state. */
    EngineContext replayListeners(final List<? extends DecidedEventListener> replayListeners) {
        this.replayListeners = List.copyOf(replayListeners);
        return this;
    }

    /**
     * The link to the card network: requests that pass every local check are forwarded, and
     * decided in stand-in while it is not up. Default: none, the engine answers alone. The engine
     * starts it at launch and closes it before its drain.
     */
    EngineContext upstreamLink(final UpstreamLink upstreamLink) {
        return upstreamLinks(upstreamLink == null ? null : counters -> upstreamLink);
    }

    /** As {@link #upstreamLink}, the link built once the engine's counters exist (null: none). */
    EngineContext upstreamLinks(final UpstreamLinkFactory upstreamLinks) {
        this.upstreamLinks = upstreamLinks;
        return this;
    }

    /** Without the control channel's watcher (an engine with no data folder of its own). */
    EngineContext withoutControlChannel() {
        this.controlChannel = false;
        return this;
    }

    /** Closed by the engine after the drain, with what the context opened. */
    EngineContext closeOnClose(final AutoCloseable... resources) {
        Collections.addAll(ownedResources, resources);
        return this;
    }

    /**
     * Fills the parts left unset and checks the whole. On a failure, what it opened is closed
     * again before the exception leaves.
     *
     * @throws IllegalStateException when a part is missing or the parts do not fit together, or when
     *     the JVM lacks the flags of {@code config/jvm.options} that Chronicle Map needs
     * @throws dev.cardgate.engine.token.TokenKeyException     when the key cannot be loaded or created
     * @throws dev.cardgate.engine.blocklist.BlocklistException when the map file is corrupt, foreign
     *                                                          or made with another key
     * @throws java.io.UncheckedIOException                    when the data folder cannot be created
     */
    EngineContext conclude() {
        if (concluded) {
            throw new IllegalStateException("this engine context is already concluded: make one per engine");
        }
        concluded = true;
        Objects.requireNonNull(configuration, "an engine context needs a configuration");
        final int ownedBefore = ownedResources.size();
        if (blocklistLookup == null || terminals == null) {
            JvmOpenings.check();                   // before Chronicle Map is touched, and before any file is made
        }
        try {
            if (opensFiles()) {
                LaunchPreconditions.check(configuration);
                DataDirectory.createIfAbsent(configuration.dataDirectory());
                // first opened, so closed last: the folder stays this engine's until all else is closed
                ownedResources.add(DataDirectoryLock.acquire(configuration.dataDirectory()));
            }
            concludeCounters();
            concludeTokenKey();
            concludeBlocklist();
            concludeTerminals();
            if (journalWanted() && journalStorage == null) {
                journalStorage = FileSegmentStorage.INSTANCE;
            }
        }
        catch (final RuntimeException | InternalError failure) {
            closeOpened(ownedBefore);
            throw StartFailures.explained(failure, configuration.dataDirectory());
        }
        return this;
    }

    /** Whether some part lives in the data folder, which then must exist. */
    private boolean opensFiles() {
        return countersFile == null || blocklistLookup == null || terminals == null || journalWanted()
            || controlChannel || upstreamLinks != null || tokenKey == null && tokenizers == null;
    }

    private void concludeCounters() {
        if (countersFile == null) {
            countersFile = CountersFile.create(configuration.dataDirectory().resolve(CountersFileDescriptor.FILE_NAME),
                SystemEpochClock.INSTANCE);
        }
    }

    private void concludeTokenKey() {
        if (tokenKey == null && (tokenizers == null || blocklistLookup == null)) {
            tokenKey = configuration.tokenKeyHex() != null ? TokenKey.fromHex(configuration.tokenKeyHex())
                : TokenKey.loadOrCreate(configuration.tokenKeyFile());
        }
        if (tokenizers == null) {
            final TokenKey key = tokenKey;
            tokenizers = () -> key.newTokenizer()::tokenize;
        }
    }

    /**
     * The blocklist is opened here, with the token key concluded before it (the map records the
     * key's fingerprint); an engine given a lookup opens no blocklist file.
     */
    private void concludeBlocklist() {
        if (blocklistLookup != null) {
            return;
        }
        // a data folder that shows the engine has run but has lost its hot-card list is refused (fail closed)
        blocklist = BlocklistStore.openForEngine(configuration.blocklistFile(), configuration.blocklistCapacity(),
            tokenKey, configuration.newBlocklist(),
            List.of(configuration.journal().directory(), configuration.terminalFile()));
        ownedResources.add(blocklist);
        blocklistLookup = blocklist.newLookup();
    }

    private void concludeTerminals() {
        if (terminals != null) {
            return;
        }
        terminalRegistry = TerminalRegistry.open(configuration.terminalFile(), configuration.terminalCapacity());
        ownedResources.add(terminalRegistry);
        terminals = terminalRegistry.newLookup();
    }

    private void closeOpened(final int ownedBefore) {
        for (int i = ownedResources.size() - 1; i >= ownedBefore; i--) {
            final AutoCloseable resource = ownedResources.remove(i);
            try {
                resource.close();
            }
            catch (final Exception failure) {
                LOGGER.log(Level.ERROR, "closing " + resource + " failed", failure);
            }
        }
    }

    EngineConfiguration configuration() {
        return configuration;
    }

    /** Null when the engine answers alone. */
    UpstreamLinkFactory upstreamLinks() {
        return upstreamLinks;
    }

    CountersFile countersFile() {
        return countersFile;
    }

    /** Null for an engine with a test tokenizer. */
    TokenKey tokenKey() {
        return tokenKey;
    }

    Supplier<? extends CardTokenizer> tokenizers() {
        return tokenizers;
    }

    /** Null when the engine was given a lookup instead (pipeline tests). */
    BlocklistStore blocklist() {
        return blocklist;
    }

    BlocklistLookup blocklistLookup() {
        return blocklistLookup;
    }

    /** Null when the engine was given a terminal source instead. */
    TerminalRegistry terminalRegistry() {
        return terminalRegistry;
    }

    TerminalSource terminals() {
        return terminals;
    }

    /** Whether the pipeline has a journal stage. */
    boolean journalWanted() {
        return journalWanted && configuration.journal().enabled();
    }

    SegmentStorage journalStorage() {
        return journalStorage;
    }

    List<? extends DecidedEventListener> replayListeners() {
        return replayListeners;
    }

    boolean controlChannel() {
        return controlChannel;
    }

    /** What the engine closes after the drain, in this order reversed. */
    List<AutoCloseable> ownedResources() {
        return List.copyOf(ownedResources);
    }
}
