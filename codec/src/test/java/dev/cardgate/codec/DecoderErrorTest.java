package dev.cardgate.codec;

import static dev.cardgate.codec.Frames.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cardgate.codec.dialect.Dialect;
import dev.cardgate.codec.dialect.Dialects;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * One malformed frame per {@link CodecError}: the decoder throws {@link CodecException} naming
 * the error, the field (0 message type, 1 bitmap) and the offset in the frame. Frames are
 * decoded from a buffer of exactly their length, so a read outside the frame would fail
 * Agrona's bounds check instead.
 */
class DecoderErrorTest {
    private static final Dialect ASCII = Dialects.ISO87_ASCII;
    private static final Dialect BINARY = Dialects.ISO87_BINARY;
    /** ascii header: 4 message type characters and 16 hex bitmap characters. */
    private static final int ASCII_FIELDS_START = 20;
    /** binary header: 2 packed message type bytes and an 8-byte bitmap. */
    private static final int BINARY_FIELDS_START = 10;
    /** ebcdic header: 4 message type characters and an 8-byte bitmap. */
    private static final int EBCDIC_FIELDS_START = 12;

    private static final Dialect EBCDIC = Frames.dialect(
        "dialect ebcdic-host",
        "message-type ebcdic",
        "bitmap binary",
        "field 3  n   fixed  6  ebcdic -      - processing code",
        "field 32 n   llvar  11 ebcdic ebcdic - acquiring institution",
        "field 35 z   llvar  37 ebcdic ebcdic - track 2");

    @Test
    void truncatedInMessageType() {
        assertFault(ASCII, frame().ascii("010"), CodecError.TRUNCATED, CodecException.MESSAGE_TYPE, 0);
        assertFault(BINARY, frame().hex("01"), CodecError.TRUNCATED, CodecException.MESSAGE_TYPE, 0);
    }

    @Test
    void truncatedInBitmap() {
        assertFault(ASCII, frame().ascii("0100").ascii("7220"), CodecError.TRUNCATED, CodecException.BITMAP, 4);
        assertFault(BINARY, frame().hex("0100").hex("722000"), CodecError.TRUNCATED, CodecException.BITMAP, 2);
    }

    @Test
    void truncatedInSecondaryBitmap() {
        assertFault(ASCII, frame().ascii("0420").ascii("8000000000000000").ascii("0000"),
            CodecError.TRUNCATED, CodecException.BITMAP, 20);
        assertFault(BINARY, frame().hex("0420").hex("8000000000000000").hex("00"),
            CodecError.TRUNCATED, CodecException.BITMAP, 10);
    }

    @Test
    void truncatedInLengthPrefix() {
        assertFault(ASCII, frame().ascii("0100").hexBitmap(2).ascii("1"), CodecError.TRUNCATED, 2, ASCII_FIELDS_START);
        assertFault(BINARY, frame().hex("0100").binaryBitmap(48).hex("01"), CodecError.TRUNCATED, 48,
            BINARY_FIELDS_START);
    }

    @Test
    void truncatedInData() {
        assertFault(ASCII, frame().ascii("0100").hexBitmap(2).ascii("16").ascii("41111111"),
            CodecError.TRUNCATED, 2, ASCII_FIELDS_START + 2);
        assertFault(ASCII, frame().ascii("0100").hexBitmap(3, 11).ascii("000000").ascii("0047"),
            CodecError.TRUNCATED, 11, ASCII_FIELDS_START + 6);
        assertFault(BINARY, frame().hex("0100").binaryBitmap(2).hex("16").hex("41111111"),
            CodecError.TRUNCATED, 2, BINARY_FIELDS_START + 1);
    }

    @Test
    void badMessageType() {
        assertFault(ASCII, frame().ascii("01A0").hexBitmap(11).ascii("004711"),
            CodecError.BAD_MESSAGE_TYPE, CodecException.MESSAGE_TYPE, 0);
        assertFault(BINARY, frame().hex("01A0").binaryBitmap(11).hex("004711"),
            CodecError.BAD_MESSAGE_TYPE, CodecException.MESSAGE_TYPE, 0);
        assertFault(EBCDIC, frame().ascii("0100").binaryBitmap(3).ebcdic("000000"),
            CodecError.BAD_MESSAGE_TYPE, CodecException.MESSAGE_TYPE, 0);
    }

    @Test
    void badHexBitmapNamesTheCharacter() {
        assertFault(ASCII, frame().ascii("0100").ascii("72G0000000000000"), CodecError.BAD_BITMAP,
            CodecException.BITMAP, 6);
        assertFault(ASCII, frame().ascii("0420").ascii("8000000000000000").ascii("000000000000000Z"),
            CodecError.BAD_BITMAP, CodecException.BITMAP, 35);
    }

    @Test
    void bitmapAnnouncingAFieldTheDialectDoesNotDefine() {
        final Dialect withoutChipData = Frames.dialect("dialect no-chip", "extends iso87-ascii", "omit 55");
        assertFault(withoutChipData, frame().ascii("0100").hexBitmap(11, 55).ascii("004711").ascii("003ABC"),
            CodecError.UNDEFINED_FIELD, 55, ASCII_FIELDS_START + 6);
    }

    @Test
    void badLengthPrefix() {
        assertFault(ASCII, frame().ascii("0100").hexBitmap(2).ascii("1X").ascii("4111111111111111"),
            CodecError.BAD_LENGTH_PREFIX, 2, ASCII_FIELDS_START);
        assertFault(BINARY, frame().hex("0100").binaryBitmap(2).hex("1A").hex("4111111111111111"),
            CodecError.BAD_LENGTH_PREFIX, 2, BINARY_FIELDS_START);
        // a packed LLL prefix is four nibbles; the first is padding and must be 0
        assertFault(BINARY, frame().hex("0100").binaryBitmap(48).hex("1003").ascii("ABC"),
            CodecError.BAD_LENGTH_PREFIX, 48, BINARY_FIELDS_START);
        assertFault(EBCDIC, frame().ebcdic("0100").binaryBitmap(32).ascii("06").ebcdic("123456"),
            CodecError.BAD_LENGTH_PREFIX, 32, EBCDIC_FIELDS_START);
    }

    @Test
    void fieldLongerThanItsMaximum() {
        assertFault(ASCII, frame().ascii("0100").hexBitmap(2).ascii("20").ascii("41111111111111111111"),
            CodecError.FIELD_TOO_LONG, 2, ASCII_FIELDS_START);
        assertFault(BINARY, frame().hex("0100").binaryBitmap(2).hex("20").hex("41111111111111111111"),
            CodecError.FIELD_TOO_LONG, 2, BINARY_FIELDS_START);
        final Dialect binaryPrefix = Frames.dialect("dialect binary-prefix", "extends iso87-binary",
            "field 62 ans lllvar 300 ascii binary - private data");
        assertFault(binaryPrefix, frame().hex("0100").binaryBitmap(62).hex("012D").ascii("x".repeat(301)),
            CodecError.FIELD_TOO_LONG, 62, BINARY_FIELDS_START);
    }

    @Test
    void nonNumericDigit() {
        assertFault(ASCII, frame().ascii("0100").hexBitmap(3).ascii("00A000"),
            CodecError.NON_NUMERIC, 3, ASCII_FIELDS_START + 2);
        assertFault(EBCDIC, frame().ebcdic("0100").binaryBitmap(3).ebcdic("00A000"),
            CodecError.NON_NUMERIC, 3, EBCDIC_FIELDS_START + 2);
        assertFault(BINARY, frame().hex("0100").binaryBitmap(3).hex("000A00"),
            CodecError.NON_NUMERIC, 3, BINARY_FIELDS_START + 1);
        // field 22 is three digits packed in two bytes, padded on the left with a 0 (or F) nibble
        assertFault(BINARY, frame().hex("0100").binaryBitmap(22).hex("5051"),
            CodecError.NON_NUMERIC, 22, BINARY_FIELDS_START);
    }

    @Test
    void badTrackData() {
        assertFault(ASCII, frame().ascii("0100").hexBitmap(35).ascii("17").ascii("4111111111111111X"),
            CodecError.BAD_TRACK_DATA, 35, ASCII_FIELDS_START + 2 + 16);
        assertFault(EBCDIC, frame().ebcdic("0100").binaryBitmap(35).ebcdic("05").ebcdic("41:11"),
            CodecError.BAD_TRACK_DATA, 35, EBCDIC_FIELDS_START + 2 + 2);
        assertFault(BINARY, frame().hex("0100").binaryBitmap(35).hex("04").hex("41B1"),
            CodecError.BAD_TRACK_DATA, 35, BINARY_FIELDS_START + 1 + 1);
    }

    @Test
    void badAmountSign() {
        assertFault(ASCII, frame().ascii("0100").hexBitmap(28).ascii("X00000100"),
            CodecError.BAD_AMOUNT_SIGN, 28, ASCII_FIELDS_START);
        assertFault(BINARY, frame().hex("0100").binaryBitmap(28).ascii("X").hex("00000100"),
            CodecError.BAD_AMOUNT_SIGN, 28, BINARY_FIELDS_START);
    }

    @Test
    void controlByteInATextFieldIsAContentFault() {
        assertFault(ASCII, frame().ascii("0100").hexBitmap(41).ascii("TERM\u001b[2J"),
            CodecError.BAD_TEXT, 41, ASCII_FIELDS_START + 4);
        assertFault(BINARY, frame().hex("0100").binaryBitmap(41).ascii("TERM000").hex("01"),
            CodecError.BAD_TEXT, 41, BINARY_FIELDS_START + 7);
        assertFault(ASCII, frame().ascii("0100").hexBitmap(42).ascii("MERCHANT").hex("7F").ascii("000001"),
            CodecError.BAD_TEXT, 42, ASCII_FIELDS_START + 8);
        final Dialect ebcdicText = Frames.dialect("dialect ebcdic-text", "message-type ebcdic", "bitmap binary",
            "field 41 ans fixed 8 ebcdic - - terminal");
        assertFault(ebcdicText, frame().ebcdic("0100").binaryBitmap(41).ebcdic("TERM").hex("27").ebcdic("001"),
            CodecError.BAD_TEXT, 41, EBCDIC_FIELDS_START + 4);
    }

    @Test
    void alphaAndAlphanumericFieldsRefuseWhatTheirTypeDoesNot() {
        final Dialect strict = Frames.dialect("dialect strict", "extends iso87-ascii",
            "field 40 a fixed 3 ascii - - letters", "field 43 an fixed 4 ascii - - letters and digits");
        assertFault(strict, frame().ascii("0100").hexBitmap(40).ascii("A1B"), CodecError.BAD_TEXT, 40,
            ASCII_FIELDS_START + 1);
        assertFault(strict, frame().ascii("0100").hexBitmap(43).ascii("AB-1"), CodecError.BAD_TEXT, 43,
            ASCII_FIELDS_START + 2);
        final byte[] fits = frame().ascii("0100").hexBitmap(40, 43).ascii("A B").ascii("A1 z").bytes();
        final Iso8583Decoder decoder = new Iso8583Decoder(strict).wrap(new UnsafeBuffer(fits), 0, fits.length);
        assertEquals("A B", decoder.stringValue(40));
        assertEquals("A1 z", decoder.stringValue(43));
    }

    @Test
    void badHexInABinaryField() {
        assertFault(ASCII, frame().ascii("0100").hexBitmap(52).ascii("0412AC89ABCDEF6Z"),
            CodecError.BAD_HEX, 52, ASCII_FIELDS_START + 15);
    }

    @Test
    void trailingBytesNameTheLastField() {
        assertFault(ASCII, frame().ascii("0100").hexBitmap(11).ascii("004711").ascii("XY"),
            CodecError.TRAILING_BYTES, 11, ASCII_FIELDS_START + 6);
        assertFault(BINARY, frame().hex("0800").binaryBitmap(70).hex("0301").hex("00"),
            CodecError.TRAILING_BYTES, 70, BINARY_FIELDS_START + 8 + 2);
        assertFault(ASCII, frame().ascii("0800").hexBitmap().ascii("X"),
            CodecError.TRAILING_BYTES, CodecException.BITMAP, ASCII_FIELDS_START);
    }

    @Test
    void fieldsBeforeTheFaultStayReadableSoTheHostCanAnswer30() {
        final Frames bad = frame().ascii("0100").hexBitmap(3, 11, 35, 41)
            .ascii("000000").ascii("004711").ascii("17").ascii("4111111111111111X").ascii("TERM0001");
        final Iso8583Decoder decoder = new Iso8583Decoder(ASCII);
        final CodecException fault = assertThrows(CodecException.class,
            () -> decoder.wrap(new UnsafeBuffer(bad.bytes()), 0, bad.length()));
        assertEquals(CodecError.BAD_TRACK_DATA, fault.error());
        assertEquals(100, decoder.messageType());
        assertEquals(4711, decoder.numeric(11), "the STAN to echo in the 0110");
        assertTrue(decoder.hasField(3));
        assertTrue(decoder.isMalformed(35), "the faulty field is marked");
        assertFalse(decoder.isMalformed(3));
        assertEquals("TERM0001", decoder.stringValue(41), "a content fault does not stop the walk");
        assertFalse(decoder.toString().contains("4111111111111111X"), "a malformed field is not dumped");
    }

    @Test
    void aStructuralFaultAfterAContentFaultStopsTheWalkThere() {
        final Frames bad = frame().ascii("0100").hexBitmap(3, 11, 32, 41)
            .ascii("0A0000").ascii("004711").ascii("9X").ascii("TERM0001");
        final Iso8583Decoder decoder = new Iso8583Decoder(ASCII);
        final CodecException fault = assertThrows(CodecException.class,
            () -> decoder.wrap(new UnsafeBuffer(bad.bytes()), 0, bad.length()));
        assertEquals(CodecError.BAD_LENGTH_PREFIX, fault.error());
        assertTrue(decoder.isMalformed(3));
        assertEquals(4711, decoder.numeric(11));
        assertFalse(decoder.hasField(41));
    }

    @Test
    void theFirstContentFaultIsTheOneThrown() {
        final Frames bad = frame().ascii("0100").hexBitmap(3, 11).ascii("0A0000").ascii("00B711");
        final Iso8583Decoder decoder = new Iso8583Decoder(ASCII);
        final CodecException fault = assertThrows(CodecException.class,
            () -> decoder.wrap(new UnsafeBuffer(bad.bytes()), 0, bad.length()));
        assertEquals(3, fault.field());
        assertTrue(decoder.isMalformed(11));
        final Frames good = frame().ascii("0100").hexBitmap(3, 11).ascii("000000").ascii("004711");
        decoder.wrap(new UnsafeBuffer(good.bytes()), 0, good.length());
        assertFalse(decoder.isMalformed(3), "a new wrap forgets the last message's faults");
    }

    @Test
    void aFaultAfterAGoodMessageLeavesNothingOfTheGoodOne() {
        final Iso8583Decoder decoder = new Iso8583Decoder(ASCII);
        final Frames good = frame().ascii("0100").hexBitmap(3, 11).ascii("000000").ascii("004711");
        decoder.wrap(new UnsafeBuffer(good.bytes()), 0, good.length());
        final Frames bad = frame().ascii("01X0").hexBitmap(3, 11).ascii("000000").ascii("004711");
        assertThrows(CodecException.class, () -> decoder.wrap(new UnsafeBuffer(bad.bytes()), 0, bad.length()));
        assertEquals(-1, decoder.messageType());
        assertFalse(decoder.hasField(3));
        assertFalse(decoder.hasField(11));
    }

    @Test
    void readsNothingPastTheFrameEvenWhenTheBufferGoesOn() {
        // the bytes after the frame would complete field 2: the decoder must not look at them
        final Frames whole = frame().ascii("0100").hexBitmap(2).ascii("16").ascii("4111111111111111");
        final UnsafeBuffer buffer = new UnsafeBuffer(whole.bytes());
        final CodecException fault = assertThrows(CodecException.class,
            () -> new Iso8583Decoder(ASCII).wrap(buffer, 0, whole.length() - 4));
        assertEquals(CodecError.TRUNCATED, fault.error());
        assertEquals(2, fault.field());
    }

    @Test
    void offsetsCountFromTheFrameNotTheBuffer() {
        final Frames bad = frame().ascii("JUNK").ascii("0100").hexBitmap(3).ascii("00A000");
        final CodecException fault = assertThrows(CodecException.class,
            () -> new Iso8583Decoder(ASCII).wrap(new UnsafeBuffer(bad.bytes()), 4, bad.length() - 4));
        assertEquals(ASCII_FIELDS_START + 2, fault.offset());
    }

    @Test
    void messageSaysWhichFieldWhereAndWhy() {
        final Frames bad = frame().ascii("0100").hexBitmap(3).ascii("00A000");
        final CodecException fault = assertThrows(CodecException.class,
            () -> new Iso8583Decoder(ASCII).wrap(new UnsafeBuffer(bad.bytes()), 0, bad.length()));
        assertEquals("field 3 at offset 22: non-numeric digit in a numeric field (byte 0x41)", fault.getMessage());
    }

    @Test
    void aVariableAmountOfLengthZeroIsABadSignNotAReadPastTheFrame() {
        final Dialect variableAmount = Frames.dialect("dialect variable-amount", "extends iso87-ascii",
            "field 28 x+n llvar 9 ascii ascii - amount, transaction fee");
        assertFault(variableAmount, frame().ascii("0100").hexBitmap(28).ascii("00"),
            CodecError.BAD_AMOUNT_SIGN, 28, ASCII_FIELDS_START + 2);
    }

    @Test
    void variableAmountWithASignAndNoDigitsIsRefused() {
        final Dialect variableAmount = Frames.dialect("dialect variable-amount", "extends iso87-ascii",
            "field 28 x+n llvar 9 ascii ascii - amount, transaction fee");
        assertFault(variableAmount, frame().ascii("0100").hexBitmap(28).ascii("01C"),
            CodecError.BAD_AMOUNT_SIGN, 28, ASCII_FIELDS_START + 2);
    }

    private static void assertFault(final Dialect dialect, final Frames frame, final CodecError error, final int field,
        final int offset) {
        final byte[] bytes = frame.bytes();
        final Iso8583Decoder decoder = new Iso8583Decoder(dialect);
        final CodecException fault = assertThrows(CodecException.class,
            () -> decoder.wrap(new UnsafeBuffer(bytes), 0, bytes.length));
        assertEquals(error, fault.error(), fault.getMessage());
        assertEquals(field, fault.field(), fault.getMessage());
        assertEquals(offset, fault.offset(), fault.getMessage());
    }
}
