package dev.cardgate.engine.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.agrona.concurrent.UnsafeBuffer;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.packager.ISO87APackager;

import dev.cardgate.codec.Iso8583Decoder;
import dev.cardgate.codec.dialect.ContentType;
import dev.cardgate.codec.dialect.Dialects;
import dev.cardgate.engine.AuthorizationEngine;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every byte value, in every field of an authorization the engine reads or echoes, sent over a
 * real socket to the iso87-ascii front-end: the answer is judged against the content the dialect
 * declares for the field, with this test's own reading of ISO 8583:1987 ({@code n} digits,
 * {@code ans} printable ASCII). A byte that does not fit is answered 30, counted malformed, with
 * the STAN and the other fields the terminal matches on echoed; a byte that fits is not a format
 * fault, and a text field carrying it is echoed exactly as sent. Exhaustive: 14 fields x 256 bytes.
 * The socket's read timeout (10 s) bounds every answer.
 */
class FieldContentOverTcpPropertyTest {
    private static final int[] FIELDS = {3, 4, 7, 11, 12, 13, 14, 18, 19, 22, 37, 41, 42, 49};

    private static Path dataDirectory;
    private static AuthorizationEngine engine;
    private static FrontEnd frontEnd;
    private static RawTerminal terminal;
    private static int stan;

    @BeforeContainer
    static void launch() throws IOException {
        dataDirectory = Files.createTempDirectory("cardgate-field-content");
        engine = TestFrontEnds.launchEngine(dataDirectory);
        frontEnd = FrontEnd.start(engine, TestFrontEnds.frontEnd(settings -> { }));
        terminal = new RawTerminal(frontEnd.localAddress());
    }

    @AfterContainer
    static void close() throws IOException {
        terminal.close();
        frontEnd.close();
        engine.close();
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void everyByteInEveryFieldIsAnsweredAsItsDeclaredContentSays(@ForAll("readFields") final int field,
        @ForAll @IntRange(min = 0, max = 255) final int value) throws Exception {
        stan = stan % 999_999 + 1;
        final byte[] message = requestWith(stan, field, (byte)value);
        final String sentField = fieldText(message, field);
        final long malformedBefore = engine.counters().value(FrontEndCounter.FRAMES_MALFORMED);

        terminal.send(RawTerminal.frame(message));
        final ISOMsg answer = terminal.receive();

        final String why = "field " + field + " holding byte 0x" + Integer.toHexString(value);
        assertEquals("0110", answer.getMTI(), why);
        assertEquals(field == 11 ? sentField : String.format("%06d", stan), answer.getString(11), why);
        final long malformed = engine.counters().value(FrontEndCounter.FRAMES_MALFORMED) - malformedBefore;
        if (fits(Dialects.ISO87_ASCII.field(field).content(), value)) {
            assertEquals(0, malformed, why + " fits the field, so it is no format fault");
            if (field == 37 || field == 41 || field == 42) {
                assertEquals(sentField, answer.getString(field), why + " is echoed as sent");
            }
        }
        else {
            assertEquals(1, malformed, why + " is counted malformed");
            assertEquals("30", answer.getString(39), why + " is answered 30");
            for (final int echoed : new int[] {41, 42, 49}) {
                if (echoed != field) {
                    assertNotEquals(null, answer.getString(echoed), why + ": field " + echoed + " is echoed");
                }
            }
        }
    }

    @Provide
    Arbitrary<Integer> readFields() {
        return Arbitraries.of(java.util.Arrays.stream(FIELDS).boxed().toArray(Integer[]::new));
    }

    /** ISO 8583:1987's characters, written out here rather than taken from the codec under test. */
    private static boolean fits(final ContentType content, final int value) {
        switch (content) {
            case NUMERIC:
                return value >= '0' && value <= '9';
            case ALPHANUMERIC_SPECIAL:
                return value >= 0x20 && value <= 0x7E;
            default:
                throw new AssertionError("no field of this test is declared " + content);
        }
    }

    /** A packed iso87-ascii authorization with the middle byte of {@code field}'s value set to {@code value}. */
    private static byte[] requestWith(final int stan, final int field, final byte value) throws Exception {
        final ISOMsg request = JposMessages.authorization(TestFrontEnds.CLEAN_CARD, stan);
        request.set(19, "276");
        request.set(37, "000000000123");
        request.setPackager(new ISO87APackager());
        final byte[] message = request.pack();
        final Iso8583Decoder located = new Iso8583Decoder(Dialects.ISO87_ASCII).wrap(new UnsafeBuffer(message), 0,
            message.length);
        message[located.fieldDataOffset(field) + located.fieldLength(field) / 2] = value;
        return message;
    }

    private static String fieldText(final byte[] message, final int field) {
        final Iso8583Decoder located = new Iso8583Decoder(Dialects.ISO87_ASCII);
        try {
            located.wrap(new UnsafeBuffer(message), 0, message.length);
        }
        catch (final RuntimeException malformed) {
            // indexed all the same: a content fault does not stop the walk
        }
        return new String(message, located.fieldDataOffset(field), located.fieldLength(field),
            StandardCharsets.ISO_8859_1);
    }
}
