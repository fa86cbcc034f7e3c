package dev.cardgate.engine.frontend;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.packager.ISO87APackager;

/**
 * A terminal on a plain socket that writes whatever bytes a test wants (whole frames, parts of
 * frames, garbage) and reads ascii-4 framed answers with the iso87-ascii dialect.
 */
final class RawTerminal implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;

    RawTerminal(final InetSocketAddress address) throws IOException {
        this(connected(address));
    }

    /** Over a socket already connected, e.g. a TLS socket. */
    RawTerminal(final Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        out = socket.getOutputStream();
        in = new DataInputStream(socket.getInputStream());
    }

    private static Socket connected(final InetSocketAddress address) throws IOException {
        final Socket socket = new Socket();
        socket.connect(address, 5_000);
        return socket;
    }

    /** An iso87-ascii message framed with a 4-digit length. */
    static byte[] frame(final ISOMsg message) throws ISOException {
        message.setPackager(new ISO87APackager());
        return frame(message.pack());
    }

    static byte[] frame(final byte[] message) {
        final ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.writeBytes(String.format("%04d", message.length).getBytes(StandardCharsets.US_ASCII));
        frame.writeBytes(message);
        return frame.toByteArray();
    }

    void send(final byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads one answer; throws on timeout or end of stream. */
    ISOMsg receive() throws IOException, ISOException {
        final byte[] header = new byte[4];
        in.readFully(header);
        final byte[] message = new byte[Integer.parseInt(new String(header, StandardCharsets.US_ASCII))];
        in.readFully(message);
        final ISOMsg answer = new ISOMsg();
        answer.setPackager(new ISO87APackager());
        answer.unpack(message);
        return answer;
    }

    /** Reads one answer, waiting at most {@code millis}. */
    ISOMsg receiveWithin(final int millis) throws IOException, ISOException {
        socket.setSoTimeout(millis);
        try {
            return receive();
        }
        finally {
            socket.setSoTimeout(10_000);
        }
    }

    /** True when the server closes the connection within {@code millis} (bytes sent meanwhile are skipped). */
    boolean closedByServerWithin(final int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        }
        catch (final SocketTimeoutException stillOpen) {
            return false;
        }
        catch (final IOException reset) {
            return true;
        }
        finally {
            socket.setSoTimeout(10_000);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
