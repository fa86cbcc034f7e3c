package dev.cardgate.benchmarks.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * One non-blocking connection of the load generator: an outbound buffer of requests not yet
 * written and an inbound buffer cut into ascii-4 framed answers. Used by the generator's single
 * thread only; allocates only when created.
 */
final class LoadConnection {
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final int HEADER_BYTES = 4;

    private final SocketChannel channel;
    private final SelectionKey key;
    private final ByteBuffer outbound = ByteBuffer.allocateDirect(BUFFER_BYTES);
    private final ByteBuffer inbound = ByteBuffer.allocateDirect(BUFFER_BYTES);
    private final UnsafeBuffer inboundView = new UnsafeBuffer(inbound);

    LoadConnection(final InetSocketAddress target, final Selector selector) throws IOException {
        channel = SocketChannel.open();
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.connect(target);
        channel.configureBlocking(false);
        key = channel.register(selector, SelectionKey.OP_READ, this);
    }

    /** Room for one more request of {@code length} bytes in the outbound buffer. */
    boolean hasRoom(final int length) {
        return outbound.remaining() >= length;
    }

    ByteBuffer outbound() {
        return outbound;
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
        int position = 0;
        final int end = inbound.position();
        while (end - position >= HEADER_BYTES) {
            int length = 0;
            for (int i = 0; i < HEADER_BYTES; i++) {
                length = length * 10 + (inboundView.getByte(position + i) - '0');
            }
            if (end - position - HEADER_BYTES < length) {
                break;
            }
            answers.onAnswer(inboundView, position + HEADER_BYTES, length);
            position += HEADER_BYTES + length;
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
        void onAnswer(UnsafeBuffer buffer, int offset, int length);
    }
}
