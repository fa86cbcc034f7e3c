package dev.cardgate.codec.framing;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Cuts a byte stream into frames, whatever the sizes of the reads it arrives in. A frame that
 * lies whole in one read is handed on where it lies, without a copy; only a frame split across
 * reads is gathered in the assembler's own buffer, sized once for the largest frame.
 *
 * <p>A length header that is not a number, announces an empty frame, or a frame over the
 * maximum, fails the stream: the assembler answers that result from then on, and the caller
 * closes the connection, since nothing after a bad length can be trusted to be a frame start.
 *
 * <p>Not thread-safe: one assembler per connection, called from its I/O thread. Allocates only
 * in the constructor.
 */
public final class FrameAssembler {
    private final FrameFormat format;
    private final int lengthBytes;
    private final UnsafeBuffer pending;
    private int pendingLength;
    private int frameLength = -1;
    private FrameResult failure = FrameResult.OK;

    public FrameAssembler(final FrameFormat format) {
        this.format = format;
        this.lengthBytes = format.lengthHeader().bytes();
        this.pending = new UnsafeBuffer(new byte[lengthBytes + format.maxFrameLength()]);
    }

    public FrameFormat format() {
        return format;
    }

    /** True while part of a frame (or of its length header) waits for more bytes. */
    public boolean hasPartialFrame() {
        return pendingLength > 0;
    }

    /**
     * Takes the bytes of one read and calls {@code handler} for every frame they complete.
     *
     * @return {@link FrameResult#OK}, or why the stream cannot be read further
     */
    public FrameResult onBytes(final DirectBuffer source, final int offset, final int length, final FrameHandler handler) {
        if (failure != FrameResult.OK) {
            return failure;
        }
        int position = offset;
        final int end = offset + length;
        if (pendingLength > 0) {
            position = completePending(source, position, end, handler);
            if (failure != FrameResult.OK || pendingLength > 0) {
                return failure;
            }
        }
        while (end - position >= lengthBytes) {
            final int announced = checkedLength(source, position);
            if (announced < 0) {
                return failure;
            }
            if (end - position - lengthBytes < announced) {
                break;
            }
            handler.onFrame(source, position + lengthBytes, announced);
            position += lengthBytes + announced;
        }
        if (position < end) {
            pendingLength = end - position;
            pending.putBytes(0, source, position, pendingLength);
            // a whole length header was already checked above; keep it so it is not read twice
            frameLength = pendingLength >= lengthBytes ? format.lengthHeader().read(pending, 0) : -1;
        }
        return FrameResult.OK;
    }

    private int completePending(final DirectBuffer source, final int start, final int end, final FrameHandler handler) {
        int position = start;
        if (frameLength < 0) {
            final int needed = Math.min(lengthBytes - pendingLength, end - position);
            pending.putBytes(pendingLength, source, position, needed);
            pendingLength += needed;
            position += needed;
            if (pendingLength < lengthBytes) {
                return position;
            }
            frameLength = checkedLength(pending, 0);
            if (frameLength < 0) {
                return position;
            }
        }
        final int needed = Math.min(lengthBytes + frameLength - pendingLength, end - position);
        pending.putBytes(pendingLength, source, position, needed);
        pendingLength += needed;
        position += needed;
        if (pendingLength == lengthBytes + frameLength) {
            final int completed = frameLength;
            pendingLength = 0;
            frameLength = -1;
            handler.onFrame(pending, lengthBytes, completed);
        }
        return position;
    }

    /** The frame length at {@code offset}, or -1 after recording why it cannot be one. */
    private int checkedLength(final DirectBuffer buffer, final int offset) {
        final int announced = format.lengthHeader().read(buffer, offset);
        if (announced < 0) {
            failure = FrameResult.BAD_LENGTH_HEADER;
        } else if (announced <= format.fixedHeaderLength()) {
            failure = FrameResult.FRAME_TOO_SHORT;
        } else if (announced > format.maxFrameLength()) {
            failure = FrameResult.FRAME_TOO_LONG;
        } else {
            return announced;
        }
        return -1;
    }
}
