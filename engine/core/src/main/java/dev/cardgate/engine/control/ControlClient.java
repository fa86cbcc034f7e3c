package dev.cardgate.engine.control;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * An operator's side of the control socket ({@link ControlSocket}): one connection to the engine
 * running on a data folder, on which requests are sent one after another (a batch is one
 * connection). Not thread-safe: one caller.
 */
public final class ControlClient implements AutoCloseable {
    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;

    private ControlClient(final SocketChannel channel) {
        this.channel = channel;
        this.in = new BufferedInputStream(Channels.newInputStream(channel));
        this.out = Channels.newOutputStream(channel);
    }

    /**
     * The connection to the engine running on {@code dataDirectory}, or null when none listens
     * there (no socket file, or nobody accepts on it: an engine that crashed), so that the
     * caller opens the files itself.
     */
    public static ControlClient connectIfRunning(final Path dataDirectory) {
        final Path socketFile = ControlFolder.of(dataDirectory).resolve(ControlSocket.SOCKET_NAME);
        if (!Files.exists(socketFile)) {
            return null;
        }
        try {
            final SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.connect(UnixDomainSocketAddress.of(socketFile));
            }
            catch (final IOException refused) {
                channel.close();
                return null;
            }
            return new ControlClient(channel);
        }
        catch (final IOException cannotOpen) {
            return null;
        }
    }

    /**
     * Sends one request and waits for its answer.
     *
     * @throws IOException when the engine closed the connection (it stopped) or the answer is
     *                     not a control message
     */
    public Map<String, String> call(final Map<String, String> request) throws IOException {
        ControlSocket.write(out, request);
        final String line = ControlSocket.readLine(in);
        if (line == null) {
            throw new IOException("the engine closed the control connection (did it stop?)");
        }
        return ControlMessages.decode(line);
    }

    /** What an answer's status says: {@code ok}, {@code refused} or {@code bad-input}. */
    public static String status(final Map<String, String> answer) {
        return answer.getOrDefault(ControlMessages.STATUS, ControlMessages.REFUSED);
    }

    public static boolean isOk(final Map<String, String> answer) {
        return ControlMessages.OK.equals(status(answer));
    }

    public static boolean isBadInput(final Map<String, String> answer) {
        return ControlMessages.BAD_INPUT.equals(status(answer));
    }

    /** The message of an answer that is not ok. */
    public static String message(final Map<String, String> answer) {
        return answer.getOrDefault(ControlMessages.MESSAGE, "the engine refused without saying why");
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
