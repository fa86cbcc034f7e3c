package dev.cardgate.benchmarks.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

import org.agrona.concurrent.UnsafeBuffer;

import dev.cardgate.codec.framing.FrameFormat;

/**
 * One non-blocking connection of the load generator: an outbound buffer of requests not yet
 * written and an inbound buffer cut into framed answers. Used by the generator's single thread
 * only; allocates only when created.
 */
final class LoadConnection {
    private static final int BUFFER_BYTES = 64 * 1024;

    private final FrameFormat frameFormat;
    private final SocketChannel channel;
    private final SelectionKey key;
    private final ByteBuffer outbound = ByteBuffer.allocateDirect(BUFFER_BYTES);
    private final UnsafeBuffer outboundView = new UnsafeBuffer(outbound);
    private final ByteBuffer inbound = ByteBuffer.allocateDirect(BUFFER_BYTES);
    private final UnsafeBuffer inboundView = new UnsafeBuffer(inbound);
    /** Requests written and not yet answered, for the closed loop. */
    int inFlight;

    LoadConnection(final InetSocketAddress target, final Selector selector, final FrameFormat frameFormat)
        throws IOException {
        this.frameFormat = frameFormat;
        channel = SocketChannel.open();
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.connect(target);
        channel.configureBlocking(false);
        key = channel.register(selector, SelectionKey.OP_READ, this);
    }

    /** Room for one more request in the outbound buffer. */
    boolean hasRoom() {
        return outbound.remaining() >= RequestWriter.MAX_REQUEST_BYTES;
    }

    /** Appends request {@code request} to the outbound buffer (check {@link #hasRoom} first). */
    void append(final RequestWriter writer, final long request, final int stan) {
        final int position = outbound.position();
        outbound.position(position + writer.write(outboundView, position, request, stan));
        inFlight++;
    }

    /** Writes what the socket takes; asks for a write-ready event when some is left. */
    void flush() throws IOException {
        if (outbound.position() == 0) {
            return;
        }
        outbound.flip();
        channel.write(outbound);
        outbound.compact();
        final int interest = outbound.position() > 0 ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ;
        if (key.interestOps() != interest) {
            key.interestOps(interest);
        }
    }

    /**
     * Reads what arrived and hands each whole answer to {@code answers}.
     *
     * @return false when the server closed the connection
     */
    boolean read(final AnswerHandler answers) throws IOException {
        final int read = channel.read(inbound);
        if (read < 0) {
            return false;
        }
        final int headerBytes = frameFormat.lengthHeader().bytes();
        final int fixedHeaderBytes = frameFormat.fixedHeaderLength();
        int position = 0;
        final int end = inbound.position();
        while (end - position >= headerBytes) {
            final int length = frameFormat.lengthHeader().read(inboundView, position);
            if (length < fixedHeaderBytes || length > frameFormat.maxFrameLength()) {
                throw new IOException("the server sent a frame length of " + length);
            }
            if (end - position - headerBytes < length) {
                break;
            }
            inFlight--;
            answers.onAnswer(this, inboundView, position + headerBytes + fixedHeaderBytes, length - fixedHeaderBytes);
            position += headerBytes + length;
        }
        inbound.limit(end).position(position);
        inbound.compact();
        return true;
    }

    void close() throws IOException {
        channel.close();
    }

    /** Receives each whole answer; the bytes are valid during the call only. */
    @FunctionalInterface
    interface AnswerHandler {
        void onAnswer(LoadConnection connection, UnsafeBuffer buffer, int offset, int length);
    }
}
