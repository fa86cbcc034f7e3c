package dev.cardgate.engine.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import dev.cardgate.engine.files.OwnerOnlyFiles;
import dev.cardgate.engine.rules.RulesReloadReport;

/**
 * The engine's side of the control channel ({@link ControlFolder}): a daemon thread that renews
 * the heartbeat, looks for requests every {@value #POLL_MILLIS} ms, answers each one (a rules
 * reload runs on this thread, which is what {@code reloadRules()} asks of its caller: the
 * decision thread only takes the new rules between two events) and removes answers nobody
 * collected within a minute.
 *
 * <p>Threading: {@link #start} and {@link #close} from the engine's owner; the rest on the
 * watcher's thread.
 */
public final class ControlWatcher implements AutoCloseable {
    static final long POLL_MILLIS = 200;
    static final long HEARTBEAT_MILLIS = 1_000;
    static final long UNCOLLECTED_RESULT_MILLIS = 60_000;

    private final Logger logger = System.getLogger("dev.cardgate.engine.control");
    private final Path folder;
    private final Path heartbeat;
    private final String engineName;
    private final Supplier<RulesReloadReport> reloadRules;
    private final Thread thread;
    private ControlSocket socket;
    private volatile boolean running = true;
    private long lastBeatMillis;
    private String lastFailure;

    private ControlWatcher(final Path folder, final String engineName, final Supplier<RulesReloadReport> reloadRules) {
        this.folder = folder;
        this.heartbeat = folder.resolve(ControlFolder.HEARTBEAT);
        this.engineName = engineName;
        this.reloadRules = reloadRules;
        this.thread = new Thread(this::run, "cardgate-" + engineName + "-control");
        thread.setDaemon(true);
    }

    /**
     * Creates {@code <dataDirectory>/control} (owner-only) if absent, writes the heartbeat and
     * starts the watcher's thread. A folder that group or others may use is refused.
     *
     * @param reloadRules what a {@code rules-reload} request runs: the engine's {@code reloadRules()}
     * @throws UncheckedIOException when the folder or the heartbeat cannot be written, or the
     *                              folder is open to group or others
     */
    public static ControlWatcher start(final Path dataDirectory, final String engineName,
        final Supplier<RulesReloadReport> reloadRules) {
        return start(dataDirectory, engineName, reloadRules, null);
    }

    /**
     * As {@link #start(Path, String, Supplier)}, and, with {@code requests}, the control socket
     * ({@link ControlSocket}) on which operators' commands reach the engine at once; closed with
     * this watcher.
     */
    public static ControlWatcher start(final Path dataDirectory, final String engineName,
        final Supplier<RulesReloadReport> reloadRules, final ControlRequests requests) {
        final ControlWatcher watcher = new ControlWatcher(ControlFolder.of(dataDirectory), engineName, reloadRules);
        try {
            ControlFolder.createIfAbsent(watcher.folder);
            final String excess = OwnerOnlyFiles.describeExcessPermissions(watcher.folder);
            if (excess != null) {
                throw new IOException("it has permissions " + excess + ", so others could send requests; run `chmod 700 "
                    + watcher.folder + "`");
            }
            // a heartbeat left by an engine that crashed is replaced, not trusted
            Files.deleteIfExists(watcher.heartbeat);
            watcher.writeHeartbeat();
        }
        catch (final IOException failure) {
            throw new UncheckedIOException("cannot set up the control folder " + watcher.folder
                + " (for rules reload): " + failure.getMessage(), failure);
        }
        watcher.lastBeatMillis = System.currentTimeMillis();
        if (requests != null) {
            watcher.socket = ControlSocket.start(dataDirectory, engineName, requests);
        }
        watcher.thread.start();
        return watcher;
    }

    /** Stops the thread (letting an answer in progress finish) and removes the heartbeat. */
    @Override
    public void close() {
        if (socket != null) {
            socket.close();
        }
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
        catch (final InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(heartbeat);
        }
        catch (final IOException failure) {
            logger.log(Level.WARNING, () -> "cannot remove the control heartbeat " + heartbeat + ": " + failure);
        }
    }

    private void run() {
        while (running) {
            try {
                pollOnce(System.currentTimeMillis());
                lastFailure = null;
            }
            catch (final IOException | RuntimeException failure) {
                final String description = failure.toString();
                if (!description.equals(lastFailure)) {
                    logger.log(Level.WARNING, () -> "the control channel in " + folder + " failed: " + description
                        + "; retrying");
                    lastFailure = description;
                }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
        }
    }

    private void pollOnce(final long nowMillis) throws IOException {
        if (nowMillis - lastBeatMillis >= HEARTBEAT_MILLIS) {
            try {
                Files.setLastModifiedTime(heartbeat, FileTime.fromMillis(nowMillis));
            }
            catch (final NoSuchFileException removed) {
                writeHeartbeat();
            }
            lastBeatMillis = nowMillis;
            removeUncollectedResults(nowMillis);
        }
        for (final Path request : matching("*" + ControlFolder.REQUEST_SUFFIX)) {
            if (!running) {
                return;
            }
            answer(request);
        }
    }

    private void writeHeartbeat() throws IOException {
        ControlFolder.writeWhole(heartbeat, "engine=" + engineName + "\npid=" + ProcessHandle.current().pid() + "\n");
    }

    private void answer(final Path request) throws IOException {
        final String name = request.getFileName().toString();
        final String id = name.substring(0, name.length() - ControlFolder.REQUEST_SUFFIX.length());
        final String command;
        try {
            command = Files.readString(request, StandardCharsets.UTF_8).strip();
            Files.delete(request);
        }
        catch (final NoSuchFileException withdrawn) {
            return;
        }
        if (!ControlFolder.REQUEST_ID.matcher(id).matches()) {
            logger.log(Level.WARNING, () -> "ignored the control request " + request + ": its name is not ID.request");
            return;
        }
        final RulesReloadReport report = ControlFolder.RULES_RELOAD.equals(command) ? reload()
            : new RulesReloadReport(false, -1, "refused", List.of("unknown control command '" + command
                + "': this engine understands " + ControlFolder.RULES_RELOAD));
        logger.log(Level.INFO, () -> "control request " + id + " (" + command + "): "
            + (report.accepted() ? "accepted, rules version " + report.version() : "refused " + report.problems()));
        try {
            ControlFolder.writeWhole(folder.resolve(id + ControlFolder.RESULT_SUFFIX), ReloadResultFormat.encode(report));
        }
        catch (final FileAlreadyExistsException duplicate) {
            logger.log(Level.WARNING, () -> "control request " + id + " was answered already; answer not replaced");
        }
    }

    private RulesReloadReport reload() {
        try {
            return reloadRules.get();
        }
        catch (final RuntimeException failure) {
            return new RulesReloadReport(false, -1, "refused", List.of("the reload failed: " + failure));
        }
    }

    private void removeUncollectedResults(final long nowMillis) throws IOException {
        for (final Path result : matching("*" + ControlFolder.RESULT_SUFFIX)) {
            try {
                if (nowMillis - Files.getLastModifiedTime(result).toMillis() > UNCOLLECTED_RESULT_MILLIS) {
                    Files.deleteIfExists(result);
                }
            }
            catch (final NoSuchFileException collected) {
                // its requester took it meanwhile
            }
        }
    }

    private List<Path> matching(final String glob) throws IOException {
        final List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, glob)) {
            for (final Path entry : entries) {
                if (!entry.getFileName().toString().startsWith(".")) {
                    found.add(entry);
                }
            }
        }
        found.sort(null);
        return found;
    }
}
