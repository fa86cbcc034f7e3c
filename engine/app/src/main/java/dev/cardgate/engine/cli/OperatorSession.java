package dev.cardgate.engine.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.control.ControlClient;

/**
 * What the operator commands of one {@code cardgate} run have opened: the running engine's control
 * connection, or the map files, opened on first use and closed when the command ends, or, in
 * {@code cardgate batch}, when the last command of the batch has run, so a batch opens each map
 * (or connects) once. One thread: the command line's.
 */
final class OperatorSession {
    private static final List<AutoCloseable> OPEN = new ArrayList<>();
    private static CardBlocklist blocklist;
    private static TerminalAccess terminals;
    private static boolean batch;
    private static java.nio.file.Path dataDirectory;
    private static boolean lastThroughEngine;

    private OperatorSession() {
    }

    /**
     * The blocklist: the engine's, through its control socket, when one runs on the data
     * folder; else the map file.
     *
     * @param createIfAbsent for files: create data folder, key and map as a first start would
     */
    static CardBlocklist blocklist(final EngineConfiguration configuration, final boolean createIfAbsent) {
        forDataDirectory(configuration);
        if (blocklist == null) {
            final ControlClient engine = ControlClient.connectIfRunning(configuration.dataDirectory());
            lastThroughEngine = engine != null;
            blocklist = engine != null ? new EngineCardBlocklist(engine)
                : FileCardBlocklist.open(configuration, createIfAbsent);
            OPEN.add(blocklist);
        }
        return blocklist;
    }

    /** The terminal registry, as {@link #blocklist} chooses. */
    static TerminalAccess terminals(final EngineConfiguration configuration) {
        forDataDirectory(configuration);
        if (terminals == null) {
            final ControlClient engine = ControlClient.connectIfRunning(configuration.dataDirectory());
            lastThroughEngine = engine != null;
            terminals = engine != null ? TerminalAccess.engine(engine) : TerminalAccess.files(configuration);
            OPEN.add(terminals);
        }
        return terminals;
    }

    /** A command of a batch on another data folder: what the others opened is closed first. */
    private static void forDataDirectory(final EngineConfiguration configuration) {
        final java.nio.file.Path wanted = configuration.dataDirectory().toAbsolutePath().normalize();
        if (!wanted.equals(dataDirectory)) {
            closeAll();
            dataDirectory = wanted;
        }
    }

    /** Whether what was opened last went to a running engine (true) or to the files: what tests check. */
    static boolean lastThroughEngine() {
        return lastThroughEngine;
    }

    static boolean inBatch() {
        return batch;
    }

    /** From here to {@link #endBatch}, what is opened stays open. */
    static void beginBatch() {
        batch = true;
    }

    static void endBatch() {
        batch = false;
        closeAll();
    }

    /** The end of one command: closes what it opened, unless a batch goes on. */
    static void commandEnded() {
        if (!batch) {
            closeAll();
        }
    }

    private static void closeAll() {
        for (final AutoCloseable open : OPEN) {
            try {
                open.close();
            }
            catch (final Exception failure) {
                System.err.println("cardgate: closing " + open.getClass().getSimpleName() + " failed: " + failure);
            }
        }
        OPEN.clear();
        blocklist = null;
        terminals = null;
        dataDirectory = null;
    }
}
