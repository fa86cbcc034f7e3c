package dev.cardgate.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cardgate.codec.dialect.Dialect;
import dev.cardgate.codec.dialect.Dialects;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.agrona.concurrent.UnsafeBuffer;
import org.jpos.iso.ISOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our built-in dialects against the jPOS packagers they claim to match (iso87-ascii =
 * ISO87APackager, iso87-binary = ISO87BPackager), both ways: jPOS packs and we decode the same
 * values; we encode and jPOS unpacks the same values; and the bytes are identical.
 */
class JposInteroperabilityTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String PIN_BLOCK = "0412AC89ABCDEF67";
    private static final String MAC = "1A2B3C4D5E6F7081";
    private static final String CHIP_DATA = "9F2608C2C12B098F3DA6E39F2701809F10120110A0000F040000000000000000000000FF";

    /** The fields issue 2 names; the realistic messages below carry exactly these between them. */
    private static final Set<Integer> NAMED_FIELDS = Set.of(
        2, 3, 4, 7, 11, 12, 13, 14, 18, 22, 25, 35, 37, 38, 39, 41, 42, 43, 49, 52, 55, 64, 70, 90, 128);

    static Stream<Arguments> realisticMessages() {
        return Stream.of(Dialects.ISO87_ASCII, Dialects.ISO87_BINARY)
            .flatMap(dialect -> realisticMessages(dialect).stream().map(m -> Arguments.of(m.messageTypeText(), m)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("realisticMessages")
    void realisticMessageIsByteIdenticalToJposBothWays(final String messageType, final SampleMessage message)
        throws ISOException {
        assertInteroperable(message);
    }

    @Test
    void realisticMessagesCarryEveryNamedField() {
        final Set<Integer> carried = new TreeSet<>();
        realisticMessages(Dialects.ISO87_ASCII).forEach(m -> carried.addAll(m.values().keySet()));
        assertEquals(new TreeSet<>(NAMED_FIELDS), carried);
    }

    @Property(tries = 400)
    void randomMessagesAreByteIdenticalToJposBothWays(@ForAll("builtInMessages") final SampleMessage message)
        throws ISOException {
        assertInteroperable(message);
    }

    @Provide
    Arbitrary<SampleMessage> builtInMessages() {
        return Arbitraries.of(Dialects.ISO87_ASCII, Dialects.ISO87_BINARY)
            .flatMap(dialect -> RandomMessages.arbitrary(dialect, 30));
    }

    private static void assertInteroperable(final SampleMessage message) throws ISOException {
        final byte[] packedByJpos = JposMessages.pack(message);
        final byte[] encodedByUs = message.encode();
        assertEquals(HEX.formatHex(packedByJpos), HEX.formatHex(encodedByUs), "our bytes differ from jPOS's");

        final Iso8583Decoder decoder = new Iso8583Decoder(message.dialect())
            .wrap(new UnsafeBuffer(packedByJpos), 0, packedByJpos.length);
        MessageAssertions.assertDecodesTo(decoder, message, packedByJpos.length);

        JposMessages.assertJposRead(JposMessages.unpack(message.dialect(), encodedByUs), message);
    }

    /** An authorization request and response, an echo test and its response, and a reversal advice. */
    static List<SampleMessage> realisticMessages(final Dialect dialect) {
        return List.of(
            message(dialect, 100,
                2, TestCards.VISA_TEST, 3, "000000", 4, "000000012550", 7, "0612143015", 11, "004711",
                12, "143015", 13, "0612", 14, "2812", 18, "5411", 22, "051", 25, "00",
                35, TestCards.VISA_TEST + "=28121011234567890", 37, "416314004711", 41, "TERM0001",
                42, "MERCHANT0000001", 43, "ACME GROCERY            LONDON      GB", 49, "826",
                52, HEX.parseHex(PIN_BLOCK), 55, CHIP_DATA, 64, HEX.parseHex(MAC)),
            message(dialect, 110,
                2, TestCards.VISA_TEST, 3, "000000", 4, "000000012550", 7, "0612143015", 11, "004711",
                12, "143015", 13, "0612", 37, "416314004711", 38, "A1B2C3", 39, "00", 41, "TERM0001",
                42, "MERCHANT0000001", 49, "826", 55, "910A1A2B3C4D5E6F70813030", 64, HEX.parseHex(MAC)),
            message(dialect, 800, 7, "0612143015", 11, "000001", 70, "301"),
            message(dialect, 810, 7, "0612143015", 11, "000001", 39, "00", 70, "301"),
            message(dialect, 420,
                2, TestCards.MASTERCARD_TEST, 3, "000000", 4, "000000012550", 7, "0612143115", 11, "004712",
                12, "143115", 13, "0612", 37, "416314004711", 39, "68", 41, "TERM0001", 42, "MERCHANT0000001",
                49, "826", 90, "010000471106121430150000001234500000000000", 128, HEX.parseHex(MAC)));
    }

    /** A message from pairs of field number and value (String for characters, byte[] for binary). */
    private static SampleMessage message(final Dialect dialect, final int messageType, final Object... pairs) {
        final TreeMap<Integer, byte[]> values = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            final Object value = pairs[i + 1];
            values.put((Integer)pairs[i],
                value instanceof byte[] ? (byte[])value : ((String)value).getBytes(StandardCharsets.US_ASCII));
        }
        return new SampleMessage(dialect, messageType, values);
    }
}
