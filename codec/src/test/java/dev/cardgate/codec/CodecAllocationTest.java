package dev.cardgate.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cardgate.codec.dialect.Dialect;
import dev.cardgate.codec.dialect.Dialects;
import java.lang.management.ManagementFactory;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * The happy path allocates nothing: decoding a typical 0100 (20 fields), reading the fields a
 * decision needs, and encoding its 0110 by copying fields, 100,000 times after warm-up. Measured
 * with the JVM's per-thread allocation counter, less what reading the counter itself allocates.
 */
class CodecAllocationTest {
    private static final int ITERATIONS = 100_000;
    private static final long ALLOWED_BYTES = 1024;
    private static final int[] ECHOED_BEFORE_39 = {2, 3, 4, 7, 11, 12, 13, 37};
    private static final int[] ECHOED_AFTER_39 = {41, 42, 49};
    private static final String APPROVED = "00";
    private static final String TERMINAL = "TERM0001";

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    @Test
    void decodingARequestAndEncodingItsResponseAllocatesNothingInAsciiDialect() {
        assertAllocationFree(Dialects.ISO87_ASCII, Dialects.ISO87_ASCII);
    }

    @Test
    void decodingARequestAndEncodingItsResponseAllocatesNothingInBinaryDialect() {
        assertAllocationFree(Dialects.ISO87_BINARY, Dialects.ISO87_BINARY);
    }

    @Test
    void reEncodingIntoAnotherDialectAllocatesNothing() {
        assertAllocationFree(Dialects.ISO87_ASCII, Dialects.ISO87_BINARY);
    }

    private void assertAllocationFree(final Dialect requestDialect, final Dialect responseDialect) {
        final SampleMessage request =
            RealisticMessages.all(requestDialect).get(RealisticMessages.AUTHORIZATION_REQUEST);
        assertEquals(20, request.values().size());
        final byte[] frame = request.encode();
        final UnsafeBuffer requestBuffer = new UnsafeBuffer(frame);
        final UnsafeBuffer responseBuffer = new UnsafeBuffer(new byte[1024]);
        final Iso8583Decoder decoder = new Iso8583Decoder(requestDialect);
        final Iso8583Encoder encoder = new Iso8583Encoder(responseDialect);

        long checksum = handle(decoder, encoder, requestBuffer, frame.length, responseBuffer, ITERATIONS);
        final long baseline = measureCounterOverhead();
        final long before = threads.getCurrentThreadAllocatedBytes();
        checksum += handle(decoder, encoder, requestBuffer, frame.length, responseBuffer, ITERATIONS);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before - baseline;

        System.out.printf("%s -> %s: %d requests allocated %d bytes (counter overhead %d bytes subtracted)%n",
            requestDialect.name(), responseDialect.name(), ITERATIONS, allocated, baseline);
        assertTrue(checksum != 0);
        assertTrue(allocated < ALLOWED_BYTES, ITERATIONS + " requests allocated " + allocated
            + " bytes (counter overhead " + baseline + " bytes subtracted), " + requestDialect.name() + " -> "
            + responseDialect.name());
    }

    /** What the engine does per request; returns a value that depends on every read so nothing is elided. */
    private static long handle(final Iso8583Decoder decoder, final Iso8583Encoder encoder, final UnsafeBuffer request,
        final int length, final UnsafeBuffer response, final int iterations) {
        long checksum = 0;
        for (int i = 0; i < iterations; i++) {
            decoder.wrap(request, 0, length);
            checksum += decoder.messageType() + decoder.numeric(4) + decoder.numeric(11) + decoder.numeric(18);
            checksum += decoder.valueEquals(41, TERMINAL) ? 1 : 0;
            checksum += decoder.valueAt(2, 0) + decoder.valueAt(35, decoder.fieldLength(35) - 1);
            checksum += decoder.fieldLength(55) + decoder.valueAt(52, 7);
            encoder.wrap(response, 0).messageType(decoder.messageType() + 10)
                .copyFields(decoder, ECHOED_BEFORE_39).putText(39, APPROVED).copyFields(decoder, ECHOED_AFTER_39);
            checksum += encoder.finish();
        }
        return checksum;
    }

    /** Bytes allocated between two reads of the counter with nothing in between (typically 0 or a few dozen). */
    private long measureCounterOverhead() {
        long smallest = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            final long first = threads.getCurrentThreadAllocatedBytes();
            final long second = threads.getCurrentThreadAllocatedBytes();
            smallest = Math.min(smallest, second - first);
        }
        return smallest;
    }
}
