package dev.cardgate.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cardgate.codec.dialect.Dialect;
import dev.cardgate.codec.dialect.Dialects;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** Decoder accessors on a realistic request: what they answer for absent fields, and what a log may show. */
class DecoderTest {
    @Test
    void dumpMasksTheCardNumberAndHidesTrackPinAndChipData() {
        for (final Dialect dialect : new Dialect[] {Dialects.ISO87_ASCII, Dialects.ISO87_BINARY}) {
            final String dump = decodedRequest(dialect).toString();
            assertTrue(dump.startsWith("0100 [2]=411111******1111 [3]=000000 [4]=000000012550"), dump);
            final SampleMessage request = RealisticMessages.all(dialect).get(RealisticMessages.AUTHORIZATION_REQUEST);
            assertTrue(dump.contains("[35]=<" + request.value(35).length + " characters>"), dump);
            assertTrue(dump.contains("[52]=<8 bytes>"), dump);
            assertTrue(dump.contains("[55]=<" + request.value(55).length + " bytes>"), dump);
            assertTrue(dump.contains("[41]=TERM0001"), dump);
            assertFalse(dump.contains(TestCards.VISA_TEST), dump);
            assertFalse(dump.contains("0412AC89"), dump);
        }
    }

    @Test
    void absentAndOutOfRangeFieldsReadAsAbsent() {
        final Iso8583Decoder decoder = decodedRequest(Dialects.ISO87_ASCII);
        for (final int number : new int[] {-1, 0, 1, 5, 129}) {
            assertFalse(decoder.hasField(number), "field " + number);
        }
        assertEquals(-1, decoder.numeric(5));
        assertEquals(-1, decoder.fieldLength(5));
        assertEquals(-1, decoder.fieldStart(5));
        assertEquals(-1, decoder.fieldDataOffset(5));
        assertEquals(-1, decoder.fieldWireLength(5));
        assertEquals(-1, decoder.copyValue(5, new UnsafeBuffer(new byte[8]), 0));
        assertNull(decoder.stringValue(5));
        assertFalse(decoder.valueEquals(5, ""));
        assertFalse(decoder.isDebitAmount(4));
    }

    @Test
    void numericRefusesTextAndValuesLongerThanALong() {
        final Iso8583Decoder decoder = decodedRequest(Dialects.ISO87_ASCII);
        assertThrows(IllegalArgumentException.class, () -> decoder.numeric(41));
        final SampleMessage reversal = RealisticMessages.all(Dialects.ISO87_ASCII).get(4);
        final byte[] frame = reversal.encode();
        final Iso8583Decoder reversalDecoder = new Iso8583Decoder(Dialects.ISO87_ASCII)
            .wrap(new UnsafeBuffer(frame), 0, frame.length);
        assertThrows(IllegalArgumentException.class, () -> reversalDecoder.numeric(90), "42 digits");
    }

    @Test
    void refusesAFrameOutsideItsBuffer() {
        final Iso8583Decoder decoder = new Iso8583Decoder(Dialects.ISO87_ASCII);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[32]);
        assertThrows(IllegalArgumentException.class, () -> decoder.wrap(buffer, 30, 4));
        assertThrows(IllegalArgumentException.class, () -> decoder.wrap(buffer, -1, 4));
        assertThrows(IllegalArgumentException.class, () -> decoder.wrap(buffer, 0, -1));
    }

    private static Iso8583Decoder decodedRequest(final Dialect dialect) {
        final byte[] frame = RealisticMessages.all(dialect).get(RealisticMessages.AUTHORIZATION_REQUEST).encode();
        return new Iso8583Decoder(dialect).wrap(new UnsafeBuffer(frame), 0, frame.length);
    }

    @Test
    void readsThePartsOfANumericFieldInEveryDigitEncoding() {
        final String original = "0100" + "004711" + "1125143000" + "0".repeat(22);
        final byte[] ascii = Frames.frame().ascii("0400").hexBitmap(90).ascii(original).bytes();
        final byte[] packed = Frames.frame().hex("0400").binaryBitmap(90).hex(original).bytes();
        for (final Iso8583Decoder decoder : new Iso8583Decoder[] {
            new Iso8583Decoder(Dialects.ISO87_ASCII).wrap(new UnsafeBuffer(ascii), 0, ascii.length),
            new Iso8583Decoder(Dialects.ISO87_BINARY).wrap(new UnsafeBuffer(packed), 0, packed.length)}) {
            assertEquals(100, decoder.numeric(90, 0, 4));
            assertEquals(4711, decoder.numeric(90, 4, 6));
            assertEquals(1125143000L, decoder.numeric(90, 10, 10));
            assertEquals(-1, decoder.numeric(90, 40, 4), "past the field's end");
            assertEquals(-1, decoder.numeric(70, 0, 3), "absent");
        }
    }
}
