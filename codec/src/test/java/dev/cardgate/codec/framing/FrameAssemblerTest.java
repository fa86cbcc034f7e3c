package dev.cardgate.codec.framing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class FrameAssemblerTest {
    private final List<byte[]> frames = new ArrayList<>();
    private final FrameHandler collect = (buffer, offset, length) -> {
        final byte[] frame = new byte[length];
        buffer.getBytes(offset, frame);
        frames.add(frame);
    };

    @Test
    void handsOnSeveralFramesFromOneRead() {
        final FrameAssembler assembler = new FrameAssembler(new FrameFormat(LengthHeader.BINARY_2, 0, 1024));
        final byte[] stream = concat(binaryFrame("first"), binaryFrame("second"), binaryFrame("third"));

        assertEquals(FrameResult.OK, feed(assembler, stream, 0, stream.length));

        assertEquals(List.of("first", "second", "third"), texts());
        assertFalse(assembler.hasPartialFrame());
    }

    @Test
    void assemblesAFrameDeliveredOneByteAtATime() {
        final FrameAssembler assembler = new FrameAssembler(new FrameFormat(LengthHeader.ASCII_4, 0, 9999));
        final byte[] stream = concat(asciiFrame("0100 request"), asciiFrame("0800 echo"));

        for (int i = 0; i < stream.length; i++) {
            assertEquals(FrameResult.OK, feed(assembler, stream, i, 1));
        }

        assertEquals(List.of("0100 request", "0800 echo"), texts());
    }

    @Test
    void keepsTheTpduInTheFrameAndCountsItInTheLength() {
        final FrameAssembler assembler = new FrameAssembler(new FrameFormat(LengthHeader.BINARY_2, Tpdu.LENGTH, 1024));
        final byte[] tpduAndMessage = concat(new byte[] {0x60, 0x00, 0x01, 0x00, 0x02}, "0800".getBytes(StandardCharsets.US_ASCII));
        final byte[] stream = concat(new byte[] {0, (byte)tpduAndMessage.length}, tpduAndMessage);

        feed(assembler, stream, 0, stream.length);

        assertArrayEquals(tpduAndMessage, frames.get(0));
    }

    @Test
    void failsTheStreamOnANonNumericAsciiLength() {
        final FrameAssembler assembler = new FrameAssembler(new FrameFormat(LengthHeader.ASCII_4, 0, 9999));
        final byte[] stream = "00x5hello".getBytes(StandardCharsets.US_ASCII);

        assertEquals(FrameResult.BAD_LENGTH_HEADER, feed(assembler, stream, 0, stream.length));
        // and stays failed: nothing after a bad length is a frame start
        assertEquals(FrameResult.BAD_LENGTH_HEADER, feed(assembler, asciiFrame("ok"), 0, 6));
        assertTrue(frames.isEmpty());
    }

    @Test
    void failsTheStreamOnAFrameOverTheMaximum() {
        final FrameAssembler assembler = new FrameAssembler(new FrameFormat(LengthHeader.BINARY_2, 0, 100));
        final byte[] stream = {0x00, 101};

        assertEquals(FrameResult.FRAME_TOO_LONG, feed(assembler, stream, 0, stream.length));
    }

    @Test
    void failsTheStreamOnAnEmptyFrameOrOneNoLongerThanItsFixedHeader() {
        final FrameAssembler plain = new FrameAssembler(new FrameFormat(LengthHeader.BINARY_2, 0, 100));
        final FrameAssembler withTpdu = new FrameAssembler(new FrameFormat(LengthHeader.BINARY_2, Tpdu.LENGTH, 100));

        assertEquals(FrameResult.FRAME_TOO_SHORT, feed(plain, new byte[] {0, 0}, 0, 2));
        assertEquals(FrameResult.FRAME_TOO_SHORT, feed(withTpdu, new byte[] {0, 5, 1, 2, 3, 4, 5}, 0, 7));
    }

    @Test
    void detectsABadLengthThatArrivesSplitAcrossReads() {
        final FrameAssembler assembler = new FrameAssembler(new FrameFormat(LengthHeader.ASCII_4, 0, 9999));

        assertEquals(FrameResult.OK, feed(assembler, "00".getBytes(StandardCharsets.US_ASCII), 0, 2));
        assertEquals(FrameResult.BAD_LENGTH_HEADER, feed(assembler, "-1".getBytes(StandardCharsets.US_ASCII), 0, 2));
    }

    @Test
    void swapsTpduDestinationAndSourceInTheAnswer() {
        final UnsafeBuffer request = new UnsafeBuffer(new byte[] {0x60, 0x01, 0x02, 0x03, 0x04});
        final UnsafeBuffer answer = new UnsafeBuffer(new byte[5]);

        Tpdu.writeAnswer(request, 0, answer, 0);

        assertArrayEquals(new byte[] {0x60, 0x03, 0x04, 0x01, 0x02}, answer.byteArray());
    }

    @Property(tries = 300)
    void findsTheSameFramesWhereverTheStreamIsCut(
        @ForAll @Size(min = 1, max = 20) final List<@Size(min = 1, max = 300) byte[]> messages,
        @ForAll @Size(min = 1, max = 40) final List<@IntRange(min = 1, max = 700) Integer> readSizes,
        @ForAll final boolean ascii) {
        frames.clear();
        final LengthHeader header = ascii ? LengthHeader.ASCII_4 : LengthHeader.BINARY_2;
        final FrameAssembler assembler = new FrameAssembler(new FrameFormat(header, 0, 300));
        final ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (final byte[] message : messages) {
            final UnsafeBuffer length = new UnsafeBuffer(new byte[header.bytes()]);
            header.write(length, 0, message.length);
            stream.writeBytes(length.byteArray());
            stream.writeBytes(message);
        }
        final byte[] bytes = stream.toByteArray();

        int position = 0;
        for (int read = 0; position < bytes.length; read++) {
            final int size = Math.min(readSizes.get(read % readSizes.size()), bytes.length - position);
            assertEquals(FrameResult.OK, feed(assembler, bytes, position, size));
            position += size;
        }

        assertEquals(messages.size(), frames.size());
        for (int i = 0; i < messages.size(); i++) {
            assertArrayEquals(messages.get(i), frames.get(i));
        }
        assertFalse(assembler.hasPartialFrame());
    }

    private FrameResult feed(final FrameAssembler assembler, final byte[] bytes, final int offset, final int length) {
        // each read arrives in a buffer of its own, as a socket read would deliver it
        final byte[] read = new byte[length];
        System.arraycopy(bytes, offset, read, 0, length);
        return assembler.onBytes(new UnsafeBuffer(read), 0, length, collect);
    }

    private List<String> texts() {
        final List<String> texts = new ArrayList<>();
        frames.forEach(frame -> texts.add(new String(frame, StandardCharsets.US_ASCII)));
        return texts;
    }

    private static byte[] binaryFrame(final String text) {
        final byte[] body = text.getBytes(StandardCharsets.US_ASCII);
        return concat(new byte[] {(byte)(body.length >> 8), (byte)body.length}, body);
    }

    private static byte[] asciiFrame(final String text) {
        final byte[] body = text.getBytes(StandardCharsets.US_ASCII);
        return concat(String.format("%04d", body.length).getBytes(StandardCharsets.US_ASCII), body);
    }

    private static byte[] concat(final byte[]... parts) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (final byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
