package dev.cardgate.engine.journal;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * CRC32C of a range of a buffer, without allocating: the JDK's intrinsic over a ByteBuffer
 * view of the same memory, re-pointed for each call. The view is made again (allocating) only
 * when the buffer changes, i.e. once per segment. One instance per thread.
 */
public final class RecordChecksum {
    private final CRC32C crc = new CRC32C();
    private ByteBuffer view;
    private UnsafeBuffer viewOf;
    private long viewAddress;

    /** CRC32C of {@code buffer[offset, offset + length)} as an int. */
    public int compute(final UnsafeBuffer buffer, final int offset, final int length) {
        if (viewOf != buffer || viewAddress != buffer.addressOffset()) {
            attach(buffer);
        }
        view.limit(offset + length).position(offset);
        crc.reset();
        crc.update(view);
        return (int)crc.getValue();
    }

    private void attach(final UnsafeBuffer buffer) {
        final ByteBuffer backing = buffer.byteBuffer();
        if (backing != null) {
            if (buffer.wrapAdjustment() != 0 || backing.capacity() != buffer.capacity()) {
                throw new IllegalArgumentException("checksums need a buffer that wraps a whole ByteBuffer");
            }
            view = backing.duplicate();
        }
        else {
            view = ByteBuffer.wrap(buffer.byteArray(), 0, buffer.capacity());
        }
        view.clear();
        viewOf = buffer;
        viewAddress = buffer.addressOffset();
    }
}
