package dev.cardgate.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cardgate.codec.dialect.Dialect;
import dev.cardgate.codec.dialect.Dialects;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
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

    /** The fields issue 2 names; the realistic messages below carry exactly these between them. */
    private static final Set<Integer> NAMED_FIELDS = Set.of(
        2, 3, 4, 7, 11, 12, 13, 14, 18, 22, 25, 35, 37, 38, 39, 41, 42, 43, 49, 52, 55, 64, 70, 90, 128);

    static Stream<Arguments> realisticMessages() {
        return Stream.of(Dialects.ISO87_ASCII, Dialects.ISO87_BINARY)
            .flatMap(dialect -> RealisticMessages.all(dialect).stream().map(m -> Arguments.of(m.messageTypeText(), m)));
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
        RealisticMessages.all(Dialects.ISO87_ASCII).forEach(m -> carried.addAll(m.values().keySet()));
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
}
