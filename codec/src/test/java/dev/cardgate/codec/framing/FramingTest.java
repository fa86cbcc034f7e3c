package dev.cardgate.codec.framing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** The length headers and the TPDU that the front-end's framing reads and writes. */
class FramingTest {
    @Test
    void readsAndWritesBothLengthHeaders() {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4]);
        LengthHeader.ASCII_4.write(buffer, 0, 321);
        assertEquals("0321", new String(buffer.byteArray(), StandardCharsets.US_ASCII));
        assertEquals(321, LengthHeader.ASCII_4.read(buffer, 0));
        LengthHeader.BINARY_2.write(buffer, 0, 0x1234);
        assertEquals(0x1234, LengthHeader.BINARY_2.read(buffer, 0));
    }

    @Test
    void aNonNumericAsciiLengthReadsAsMinusOne() {
        final UnsafeBuffer buffer = new UnsafeBuffer("12X4".getBytes(StandardCharsets.US_ASCII));
        assertEquals(-1, LengthHeader.ASCII_4.read(buffer, 0));
    }

    @Test
    void swapsTpduDestinationAndSourceInTheAnswer() {
        final UnsafeBuffer request = new UnsafeBuffer(new byte[] {0x60, 0x01, 0x02, 0x03, 0x04});
        final UnsafeBuffer answer = new UnsafeBuffer(new byte[5]);

        Tpdu.writeAnswer(request, 0, answer, 0);

        assertArrayEquals(new byte[] {0x60, 0x03, 0x04, 0x01, 0x02}, answer.byteArray());
    }
}
