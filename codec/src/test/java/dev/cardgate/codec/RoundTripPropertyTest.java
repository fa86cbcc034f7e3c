package dev.cardgate.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cardgate.codec.CoverageDialects.Layout;
import dev.cardgate.codec.dialect.Dialect;
import dev.cardgate.codec.dialect.Dialects;
import dev.cardgate.codec.dialect.Encoding;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.agrona.concurrent.UnsafeBuffer;

/** Encode with ours, decode with ours: every field reads back its (padded) value. */
class RoundTripPropertyTest {
    private static final int MAX_FIELDS = 25;

    @Property(tries = 300)
    void iso87AsciiMessagesRoundTrip(@ForAll("iso87Ascii") final SampleMessage message,
        @ForAll @IntRange(max = 64) final int offset) {
        assertRoundTrips(message, offset);
    }

    @Property(tries = 300)
    void iso87BinaryMessagesRoundTrip(@ForAll("iso87Binary") final SampleMessage message,
        @ForAll @IntRange(max = 64) final int offset) {
        assertRoundTrips(message, offset);
    }

    /** Covers every encoding and length-kind combination, and every message-type and bitmap encoding. */
    @Property(tries = 1200)
    void everyFieldLayoutRoundTrips(@ForAll("coverage") final SampleMessage message,
        @ForAll @IntRange(max = 64) final int offset) {
        assertRoundTrips(message, offset);
    }

    @Property(tries = 200)
    void exampleAcquirerDialectMessagesRoundTrip(@ForAll("exampleAcquirer") final SampleMessage message) {
        assertRoundTrips(message, 0);
    }

    @Property(tries = 300)
    void rewrappingOnAnotherMessageLeavesNoStaleField(@ForAll("coverage") final SampleMessage first,
        @ForAll final long secondSeed) {
        final SampleMessage second = new RandomMessages(first.dialect()).next(new Random(secondSeed), MAX_FIELDS);
        final byte[] firstFrame = first.encode();
        final byte[] secondFrame = second.encode();
        final Iso8583Decoder decoder = new Iso8583Decoder(first.dialect());
        decoder.wrap(new UnsafeBuffer(firstFrame), 0, firstFrame.length);
        decoder.wrap(new UnsafeBuffer(secondFrame), 0, secondFrame.length);
        MessageAssertions.assertDecodesTo(decoder, second, secondFrame.length);
    }

    @Example
    void coverageDialectsHoldEveryAllowedLayoutBelowAndAboveField64() {
        final Set<Layout> primary = new HashSet<>();
        final Set<Layout> secondary = new HashSet<>();
        final Set<Encoding> messageTypes = new HashSet<>();
        final Set<Encoding> bitmaps = new HashSet<>();
        for (final Dialect dialect : CoverageDialects.ALL) {
            messageTypes.add(dialect.messageTypeEncoding());
            bitmaps.add(dialect.bitmapEncoding());
            for (int number = 2; number <= Dialect.MAX_FIELD; number++) {
                (number <= 64 ? primary : secondary).add(Layout.of(dialect.field(number)));
            }
        }
        assertEquals(Set.copyOf(CoverageDialects.ALL_LAYOUTS), primary);
        assertEquals(Set.copyOf(CoverageDialects.ALL_LAYOUTS), secondary);
        assertEquals(Set.of(Encoding.ASCII, Encoding.EBCDIC, Encoding.BCD), messageTypes);
        assertEquals(Set.of(Encoding.BINARY, Encoding.HEX), bitmaps);
        // the model's own rules, restated: a regression in FieldDefinition shows up here
        assertTrue(CoverageDialects.ALL_LAYOUTS.size() >= 180, "layouts: " + CoverageDialects.ALL_LAYOUTS.size());
        assertFalse(CoverageDialects.ALL_LAYOUTS.stream().anyMatch(l -> l.prefix() == Encoding.HEX));
    }

    @Provide
    Arbitrary<SampleMessage> iso87Ascii() {
        return RandomMessages.arbitrary(Dialects.ISO87_ASCII, MAX_FIELDS);
    }

    @Provide
    Arbitrary<SampleMessage> iso87Binary() {
        return RandomMessages.arbitrary(Dialects.ISO87_BINARY, MAX_FIELDS);
    }

    @Provide
    Arbitrary<SampleMessage> exampleAcquirer() {
        return RandomMessages.arbitrary(
            Dialects.load(Path.of("..", "config", "dialects", "example-acquirer.dialect")), MAX_FIELDS);
    }

    @Provide
    Arbitrary<SampleMessage> coverage() {
        return Arbitraries.of(CoverageDialects.ALL).flatMap(dialect -> RandomMessages.arbitrary(dialect, MAX_FIELDS));
    }

    /** Encodes at {@code offset} in a buffer with junk around the frame, then decodes it there. */
    private static void assertRoundTrips(final SampleMessage message, final int offset) {
        final byte[] junk = new byte[offset + message.wireLengthBound() + 16];
        new Random(offset).nextBytes(junk);
        final UnsafeBuffer buffer = new UnsafeBuffer(junk);
        final int length = message.encode(new Iso8583Encoder(message.dialect()), buffer, offset);
        final Iso8583Decoder decoder = new Iso8583Decoder(message.dialect()).wrap(buffer, offset, length);
        MessageAssertions.assertDecodesTo(decoder, message, length);
    }
}
