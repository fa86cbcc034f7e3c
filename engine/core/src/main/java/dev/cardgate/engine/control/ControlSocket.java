package dev.cardgate.engine.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * The engine's side of the fast control channel: a Unix domain socket,
 * {@code <data.dir>/control/engine.sock}, on which an operator's process asks the running engine
 * to check, block or unblock a card, or to show or change a terminal, and has its answer in a
 * round trip of well under a millisecond (the file channel of {@link ControlWatcher} waits for
 * a poll; a new process opening the maps itself spends seconds compiling Chronicle's classes).
 *
 * <p>Who may ask: the socket lies in the control folder, which is owner-only (rwx------), so only
 * the folder's owner (and root) can connect at all; each connection's peer credentials
 * ({@code SO_PEERCRED}) are checked too, and a peer that is not the data folder's owner, nor
 * this process's user, is refused, so a folder whose permissions were widened opens no door.
 *
 * <p>Protocol: each line a request, each answer a line ({@link ControlMessages}); a connection
 * may send many (a batch). Threading: one acceptor thread and one thread per connection (at most
 * {@value #MAX_CONNECTIONS} at a time), daemons named {@code cardgate-<engine>-control-socket};
 * {@link ControlRequests#answer} is called from them, never from the decision thread.
 */
public final class ControlSocket implements AutoCloseable {
    static final String SOCKET_NAME = "engine.sock";
    static final int MAX_CONNECTIONS = 8;

    private final Logger logger = System.getLogger("dev.cardgate.engine.control");
    private final Path socketFile;
    private final ServerSocketChannel server;
    private final ControlRequests requests;
    private final UserPrincipal folderOwner;
    private final String ownUser = System.getProperty("user.name");
    private final Semaphore connections = new Semaphore(MAX_CONNECTIONS);
    private final Thread acceptor;
    private final String threadName;
    private volatile boolean running = true;

    private ControlSocket(final Path socketFile, final ServerSocketChannel server, final ControlRequests requests,
        final UserPrincipal folderOwner, final String engineName) {
        this.socketFile = socketFile;
        this.server = server;
        this.requests = requests;
        this.folderOwner = folderOwner;
        this.threadName = "cardgate-" + engineName + "-control-socket";
        this.acceptor = new Thread(this::acceptLoop, threadName);
        acceptor.setDaemon(true);
    }

    /**
     * Binds {@code <dataDirectory>/control/engine.sock} (a socket file left by an engine that
     * crashed is replaced: the engine holds the data folder's lock, so no other engine uses it)
     * and starts accepting. The control folder must exist ({@link ControlWatcher#start} makes it).
     *
     * @throws UncheckedIOException when the socket cannot be bound
     */
    public static ControlSocket start(final Path dataDirectory, final String engineName,
        final ControlRequests requests) {
        final Path folder = ControlFolder.of(dataDirectory);
        final Path socketFile = folder.resolve(SOCKET_NAME);
        try {
            Files.deleteIfExists(socketFile);
            final ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socketFile));
            final ControlSocket socket = new ControlSocket(socketFile, server, requests, Files.getOwner(folder),
                engineName);
            socket.acceptor.start();
            return socket;
        }
        catch (final IOException failure) {
            throw new UncheckedIOException("cannot open the control socket " + socketFile + ": " + failure.getMessage(),
                failure);
        }
    }

    /** Stops accepting, removes the socket file; connections in progress end with their request. */
    @Override
    public void close() {
        running = false;
        try {
            server.close();
            acceptor.join(TimeUnit.SECONDS.toMillis(5));
            Files.deleteIfExists(socketFile);
        }
        catch (final IOException failure) {
            logger.log(Level.WARNING, () -> "cannot close the control socket " + socketFile + ": " + failure);
        }
        catch (final InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (running) {
            final SocketChannel connection;
            try {
                connection = server.accept();
            }
            catch (final ClosedChannelException closed) {
                return;
            }
            catch (final IOException failure) {
                logger.log(Level.WARNING, () -> "the control socket " + socketFile + " failed to accept: " + failure);
                continue;
            }
            if (!connections.tryAcquire()) {
                refuse(connection, "the engine serves " + MAX_CONNECTIONS + " control connections already; try again");
                continue;
            }
            final Thread worker = new Thread(() -> serve(connection), threadName);
            worker.setDaemon(true);
            worker.start();
        }
    }

    private void serve(final SocketChannel connection) {
        try (connection; InputStream in = new java.io.BufferedInputStream(Channels.newInputStream(connection));
            OutputStream out = Channels.newOutputStream(connection)) {
            final String peerProblem = peerProblem(connection);
            if (peerProblem != null) {
                logger.log(Level.WARNING, () -> "refused a control connection: " + peerProblem);
                write(out, ControlMessages.failure(ControlMessages.REFUSED, peerProblem));
                return;
            }
            String line;
            while (running && (line = readLine(in)) != null) {
                write(out, answer(line));
            }
        }
        catch (final IOException failure) {
            logger.log(Level.DEBUG, () -> "a control connection ended: " + failure);
        }
        finally {
            connections.release();
        }
    }

    private Map<String, String> answer(final String line) {
        try {
            return requests.answer(ControlMessages.decode(line));
        }
        catch (final IOException notAMessage) {
            return ControlMessages.failure(ControlMessages.BAD_INPUT, "not a control message: "
                + notAMessage.getMessage());
        }
        catch (final RuntimeException failure) {
            logger.log(Level.WARNING, "a control request failed", failure);
            return ControlMessages.failure(ControlMessages.REFUSED, "the engine could not do it: " + failure);
        }
    }

    private String peerProblem(final SocketChannel connection) throws IOException {
        final UnixDomainPrincipal peer;
        try {
            peer = connection.getOption(ExtendedSocketOptions.SO_PEERCRED);
        }
        catch (final UnsupportedOperationException unknown) {
            return null; // the owner-only folder is then the only check, as for the control files
        }
        final String user = peer.user().getName();
        if (user.equals(folderOwner.getName()) || user.equals(ownUser) || "root".equals(user)) {
            return null;
        }
        return "user " + user + " is not the owner of the data folder (" + folderOwner.getName() + ")";
    }

    private static void refuse(final SocketChannel connection, final String why) {
        try (connection; OutputStream out = Channels.newOutputStream(connection)) {
            write(out, ControlMessages.failure(ControlMessages.REFUSED, why));
        }
        catch (final IOException ignored) {
            // the peer went away: nothing to tell it
        }
    }

    static void write(final OutputStream out, final Map<String, String> message) throws IOException {
        out.write((ControlMessages.encode(message) + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** A line without its end (the JSON is ASCII); null at the end of input. */
    static String readLine(final InputStream in) throws IOException {
        final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (line.size() == ControlMessages.MAX_LINE) {
                throw new IOException("a control line is longer than " + ControlMessages.MAX_LINE + " bytes");
            }
            line.write(b);
        }
        return b < 0 && line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
    }
}
