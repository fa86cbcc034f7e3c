package dev.cardgate.codec;

import static dev.cardgate.codec.Frames.frame;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cardgate.codec.dialect.Dialect;
import dev.cardgate.codec.dialect.Dialects;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.agrona.concurrent.UnsafeBuffer;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.junit.jupiter.api.Test;

class EncoderTest {
    private static final HexFormat HEX = HexFormat.of();
    /** Fields a host echoes from an authorization request into its response, before and after its field 39. */
    private static final int[] ECHOED_BEFORE_39 = {2, 3, 4, 7, 11, 12, 13, 35, 37};
    private static final int[] ECHOED_AFTER_39 = {41, 42, 49};

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);

    @Test
    void refusesFieldsOutOfAscendingOrder() {
        final Iso8583Encoder encoder = new Iso8583Encoder(Dialects.ISO87_ASCII).wrap(buffer, 0).messageType(100);
        encoder.putNumeric(11, 4711);
        assertThrows(IllegalStateException.class, () -> encoder.putNumeric(3, 0));
        assertThrows(IllegalStateException.class, () -> encoder.putNumeric(11, 4712));
    }

    @Test
    void insertsTheSecondaryBitmapWhenAFieldAbove64FollowsLowerOnesAsJposDoes() throws ISOException {
        for (final Dialect dialect : new Dialect[] {Dialects.ISO87_ASCII, Dialects.ISO87_BINARY}) {
            final Iso8583Encoder encoder = new Iso8583Encoder(dialect).wrap(buffer, 0).messageType(800);
            encoder.putNumeric(7, 612143015L).putNumeric(11, 1).putText(41, "TERM0001").putNumeric(70, 301);
            final int length = encoder.finish();

            final ISOMsg jpos = new ISOMsg();
            jpos.setPackager(JposMessages.packagerFor(dialect));
            jpos.setMTI("0800");
            jpos.set(7, "0612143015");
            jpos.set(11, "000001");
            jpos.set(41, "TERM0001");
            jpos.set(70, "301");
            assertEquals(HEX.formatHex(jpos.pack()), HEX.formatHex(bytes(0, length)), dialect.name());
        }
    }

    @Test
    void padsFixedNumbersWithZerosOnTheLeftAndTextWithSpacesOnTheRight() {
        final Iso8583Encoder ascii = new Iso8583Encoder(Dialects.ISO87_ASCII).wrap(buffer, 0).messageType(110);
        final int length = ascii.putNumeric(4, 12550).putText(11, "4711").putText(38, "A1").putText(41, "T1").finish();
        assertEquals("0110" + "1020000004800000" + "000000012550" + "004711" + "A1    " + "T1      ",
            new String(bytes(0, length), StandardCharsets.US_ASCII));

        final Iso8583Encoder binary = new Iso8583Encoder(Dialects.ISO87_BINARY).wrap(buffer, 0).messageType(110);
        final int packedLength = binary.putNumeric(4, 12550).putText(22, "51").putText(41, "T1").finish();
        assertEquals("0110" + "1000040000800000" + "000000012550" + "0051" + "5431202020202020",
            HEX.withUpperCase().formatHex(bytes(0, packedLength)));
    }

    @Test
    void writesVariableNumbersWithTheirLength() {
        final Iso8583Encoder encoder = new Iso8583Encoder(Dialects.ISO87_ASCII).wrap(buffer, 0).messageType(100);
        final int length = encoder.putNumeric(2, 4111111111111111L).putNumeric(32, 0).finish();
        assertEquals("0100" + "4000000100000000" + "16" + "4111111111111111" + "01" + "0",
            new String(bytes(0, length), StandardCharsets.US_ASCII));
    }

    @Test
    void rejectsValuesThatDoNotFitTheirField() {
        assertRejected(Dialects.ISO87_ASCII, e -> e.putText(2, "41111111111111111111"), "card number too long");
        assertRejected(Dialects.ISO87_ASCII, e -> e.putNumeric(11, 1_000_000), "too many digits");
        assertRejected(Dialects.ISO87_ASCII, e -> e.putNumeric(11, -1), "negative");
        assertRejected(Dialects.ISO87_ASCII, e -> e.putText(41, "TERMINAL9"), "text too long");
        assertRejected(Dialects.ISO87_ASCII, e -> e.putText(3, "00A000"), "letter in a number");
        assertRejected(Dialects.ISO87_ASCII, e -> e.putText(35, "4111111111111111X2812"), "letter in a track");
        assertRejected(Dialects.ISO87_ASCII, e -> e.putText(28, "X00000100"), "amount without sign");
        assertRejected(Dialects.ISO87_ASCII, e -> e.putText(28, "C0000010"), "fixed amount too short");
        assertRejected(Dialects.ISO87_ASCII, e -> e.putNumeric(41, 1), "number into a text field");
        assertRejected(Dialects.ISO87_ASCII, e -> e.putBytes(52, new UnsafeBuffer(new byte[7]), 0, 7), "7-byte PIN");
        assertRejected(Dialects.ISO87_ASCII, e -> e.putText(129, "x"), "no field 129");
        assertRejected(Dialects.ISO87_ASCII, e -> e.messageType(10_000), "five-digit message type");
        assertRejected(Dialects.ISO87_BINARY, e -> e.putText(2, "41111111111111A1"), "letter in a packed number");
        assertRejected(Dialects.ISO87_BINARY, e -> e.putText(2, "4111111111111111111111"), "packed too long");
    }

    @Test
    void rejectsAnEmptyAmountOrASignWithoutDigits() {
        final Dialect variableAmount = Frames.dialect("dialect variable-amount", "extends iso87-ascii",
            "field 28 x+n llvar 9 ascii ascii - amount, transaction fee");
        final Iso8583Encoder encoder = new Iso8583Encoder(variableAmount).wrap(buffer, 0).messageType(100);
        assertThrows(IllegalArgumentException.class, () -> encoder.putText(28, ""));
        final Iso8583Encoder another = new Iso8583Encoder(variableAmount).wrap(buffer, 0).messageType(100);
        assertThrows(IllegalArgumentException.class, () -> another.putText(28, "C"));
    }

    @Test
    void rejectsAFieldTheDialectDoesNotDefine() {
        final Dialect withoutChipData = Frames.dialect("dialect no-chip", "extends iso87-ascii", "omit 55");
        final Iso8583Encoder encoder = new Iso8583Encoder(withoutChipData).wrap(buffer, 0).messageType(100);
        assertThrows(IllegalArgumentException.class, () -> encoder.putText(55, "9F26"));
    }

    @Test
    void refusesToFinishWithoutAMessageType() {
        final Iso8583Encoder encoder = new Iso8583Encoder(Dialects.ISO87_ASCII).wrap(buffer, 0);
        encoder.putNumeric(11, 4711);
        assertThrows(IllegalStateException.class, encoder::finish);
    }

    @Test
    void putBytesTakesCharactersFromABuffer() {
        final UnsafeBuffer source = new UnsafeBuffer("..TERM0001..".getBytes(StandardCharsets.US_ASCII));
        final Iso8583Encoder encoder = new Iso8583Encoder(Dialects.ISO87_ASCII).wrap(buffer, 0).messageType(800);
        final int length = encoder.putBytes(41, source, 2, 8).finish();
        assertEquals("0800" + "0000000000800000" + "TERM0001", new String(bytes(0, length), StandardCharsets.US_ASCII));
    }

    @Test
    void copiesFieldBytesAsTheyAreBetweenIdenticalLayouts() {
        for (final Dialect dialect : new Dialect[] {Dialects.ISO87_ASCII, Dialects.ISO87_BINARY}) {
            final SampleMessage request = RealisticMessages.all(dialect).get(RealisticMessages.AUTHORIZATION_REQUEST);
            final byte[] requestFrame = request.encode();
            final Iso8583Decoder decoder = new Iso8583Decoder(dialect)
                .wrap(new UnsafeBuffer(requestFrame), 0, requestFrame.length);
            final Iso8583Encoder encoder = new Iso8583Encoder(dialect).wrap(buffer, 100).messageType(110);
            final int length = encoder.copyFields(decoder, ECHOED_BEFORE_39).putText(39, "00")
                .copyFields(decoder, ECHOED_AFTER_39).finish();

            final Iso8583Decoder response = new Iso8583Decoder(dialect).wrap(buffer, 100, length);
            for (final int number : IntStream.concat(IntStream.of(ECHOED_BEFORE_39), IntStream.of(ECHOED_AFTER_39))
                .toArray()) {
                assertArrayEquals(
                    slice(requestFrame, decoder.fieldStart(number), decoder.fieldWireLength(number)),
                    bytes(response.fieldStart(number), response.fieldWireLength(number)),
                    dialect.name() + " field " + number);
            }
            assertEquals("00", response.stringValue(39));
            assertEquals(110, response.messageType());
        }
    }

    @Test
    void answersAnAsciiRequestInTheBinaryDialect() throws ISOException {
        final SampleMessage request = RealisticMessages.all(Dialects.ISO87_ASCII)
            .get(RealisticMessages.AUTHORIZATION_REQUEST);
        final Iso8583Decoder asciiRequest = decode(Dialects.ISO87_ASCII, request.encode());
        final int length = new Iso8583Encoder(Dialects.ISO87_BINARY).wrap(buffer, 0).messageType(110)
            .copyFields(asciiRequest, ECHOED_BEFORE_39).putText(39, "00").copyFields(asciiRequest, ECHOED_AFTER_39)
            .finish();

        final TreeMap<Integer, byte[]> responseValues = new TreeMap<>();
        IntStream.concat(IntStream.of(ECHOED_BEFORE_39), IntStream.of(ECHOED_AFTER_39))
            .forEach(number -> responseValues.put(number, request.expectedValue(number)));
        responseValues.put(39, "00".getBytes(StandardCharsets.US_ASCII));
        final byte[] packedByJpos = JposMessages.pack(new SampleMessage(Dialects.ISO87_BINARY, 110, responseValues));
        assertEquals(HEX.formatHex(packedByJpos), HEX.formatHex(bytes(0, length)));
        final Iso8583Decoder binaryResponse = new Iso8583Decoder(Dialects.ISO87_BINARY).wrap(buffer, 0, length);
        assertEquals(request.expectedText(35), binaryResponse.stringValue(35), "track 2 separator survives packing");
    }

    /** Every field of a request re-encoded: text stays, numbers and tracks pack, hex binary becomes raw bytes. */
    @Test
    void forwardsAnAsciiRequestInTheBinaryDialectAsJposWouldPackIt() throws ISOException {
        final SampleMessage request = RealisticMessages.all(Dialects.ISO87_ASCII)
            .get(RealisticMessages.AUTHORIZATION_REQUEST);
        final Iso8583Decoder asciiRequest = decode(Dialects.ISO87_ASCII, request.encode());
        final Iso8583Encoder encoder = new Iso8583Encoder(Dialects.ISO87_BINARY).wrap(buffer, 0).messageType(100);
        for (int number = 2; number <= Dialect.MAX_FIELD; number++) {
            encoder.copyField(asciiRequest, number);
        }
        final int length = encoder.finish();
        final byte[] packedByJpos = JposMessages.pack(new SampleMessage(Dialects.ISO87_BINARY, 100, request.values()));
        assertEquals(HEX.formatHex(packedByJpos), HEX.formatHex(bytes(0, length)));
    }

    @Test
    void forwardsABinaryRequestInTheAsciiDialect() {
        final SampleMessage request = RealisticMessages.all(Dialects.ISO87_BINARY)
            .get(RealisticMessages.AUTHORIZATION_REQUEST);
        final Iso8583Decoder binaryRequest = decode(Dialects.ISO87_BINARY, request.encode());
        final Iso8583Encoder encoder = new Iso8583Encoder(Dialects.ISO87_ASCII).wrap(buffer, 0).messageType(100);
        for (int number = 2; number <= Dialect.MAX_FIELD; number++) {
            encoder.copyField(binaryRequest, number);
        }
        final int length = encoder.finish();
        final SampleMessage asAscii = new SampleMessage(Dialects.ISO87_ASCII, 100, request.values());
        assertArrayEquals(asAscii.encode(), bytes(0, length));
    }

    private static Iso8583Decoder decode(final Dialect dialect, final byte[] frame) {
        return new Iso8583Decoder(dialect).wrap(new UnsafeBuffer(frame), 0, frame.length);
    }

    @Test
    void encodesAtAnOffsetWithoutTouchingTheBytesBefore() {
        buffer.setMemory(0, 64, (byte)'#');
        final int length = new Iso8583Encoder(Dialects.ISO87_ASCII).wrap(buffer, 10).messageType(800)
            .putNumeric(11, 1).putNumeric(70, 301).finish();
        assertEquals("##########0800", new String(bytes(0, 14), StandardCharsets.US_ASCII));
        assertArrayEquals(frame().ascii("0800").ascii("8020000000000000").ascii("0400000000000000")
            .ascii("000001").ascii("301").bytes(), bytes(10, length));
    }

    @Test
    void putsWireFieldsFromOffsetsNotedEarlierAsCopyFieldsWould() {
        for (final Dialect dialect : new Dialect[] {Dialects.ISO87_ASCII, Dialects.ISO87_BINARY}) {
            final SampleMessage request = RealisticMessages.all(dialect).get(RealisticMessages.AUTHORIZATION_REQUEST);
            final byte[] requestFrame = request.encode();
            final UnsafeBuffer kept = new UnsafeBuffer(requestFrame);
            final Iso8583Decoder decoder = new Iso8583Decoder(dialect).wrap(kept, 0, requestFrame.length);
            assertEquals(1, decoder.wrapCount());
            final int copied = new Iso8583Encoder(dialect).wrap(buffer, 0).messageType(110)
                .copyFields(decoder, ECHOED_BEFORE_39).putText(39, "00").copyFields(decoder, ECHOED_AFTER_39).finish();
            final byte[] expected = bytes(0, copied);

            final Iso8583Encoder encoder = new Iso8583Encoder(dialect).wrap(buffer, 0).messageType(110);
            for (final int number : ECHOED_BEFORE_39) {
                if (decoder.hasField(number)) {
                    encoder.putWireField(number, kept, decoder.fieldStart(number), decoder.fieldWireLength(number));
                }
            }
            encoder.putText(39, "00");
            for (final int number : ECHOED_AFTER_39) {
                if (decoder.hasField(number)) {
                    encoder.putWireField(number, kept, decoder.fieldStart(number), decoder.fieldWireLength(number));
                }
            }
            assertArrayEquals(expected, bytes(0, encoder.finish()), dialect.name());
            assertEquals(1, decoder.wrapCount(), "putting wire fields decodes nothing");
        }
    }

    /** Each in a fresh encoder: after a rejected put the message is half-written and must be re-wrapped. */
    private void assertRejected(final Dialect dialect, final Consumer<Iso8583Encoder> put, final String why) {
        final Iso8583Encoder encoder = new Iso8583Encoder(dialect).wrap(buffer, 0).messageType(100);
        assertThrows(IllegalArgumentException.class, () -> put.accept(encoder), why);
    }

    private byte[] bytes(final int offset, final int length) {
        final byte[] copy = new byte[length];
        buffer.getBytes(offset, copy);
        return copy;
    }

    private static byte[] slice(final byte[] frame, final int offset, final int length) {
        final byte[] copy = new byte[length];
        System.arraycopy(frame, offset, copy, 0, length);
        return copy;
    }
}
