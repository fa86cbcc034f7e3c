package dev.cardgate.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cardgate.codec.dialect.ContentType;
import dev.cardgate.codec.dialect.Dialect;
import dev.cardgate.codec.dialect.FieldDefinition;
import org.agrona.concurrent.UnsafeBuffer;

/** Checks that a wrapped decoder reads exactly the values of a {@link SampleMessage}. */
final class MessageAssertions {
    private MessageAssertions() {
    }

    /**
     * Every field present in {@code expected} reads back its padded value through every accessor;
     * every other field is absent; fields follow each other without gaps from the end of the
     * bitmaps to the end of the frame.
     */
    static void assertDecodesTo(final Iso8583Decoder decoder, final SampleMessage expected, final int frameLength) {
        final Dialect dialect = expected.dialect();
        assertEquals(expected.messageType(), decoder.messageType(), "message type");
        final int headerBytes = dialect.messageTypeBytes() + dialect.bitmapBytes()
            * (expected.values().lastKey() > 64 ? 2 : 1);
        int nextStart = decoder.offset() + headerBytes;
        for (int number = 2; number <= Dialect.MAX_FIELD; number++) {
            if (!expected.has(number)) {
                assertFalse(decoder.hasField(number), "field " + number + " should be absent");
                assertEquals(-1, decoder.fieldStart(number));
                continue;
            }
            final String where = "field " + number + " (" + dialect.field(number) + ")";
            assertTrue(decoder.hasField(number), where + " should be present");
            assertEquals(nextStart, decoder.fieldStart(number), where + " start");
            nextStart += decoder.fieldWireLength(number);
            assertFieldValue(decoder, expected, number, where);
        }
        assertEquals(decoder.offset() + frameLength, nextStart, "fields end where the frame ends");
    }

    static void assertFieldValue(final Iso8583Decoder decoder, final SampleMessage expected, final int number,
        final String where) {
        final byte[] value = expected.expectedValue(number);
        assertEquals(value.length, decoder.fieldLength(number), where + " length");
        final byte[] read = new byte[value.length];
        for (int i = 0; i < read.length; i++) {
            read[i] = decoder.valueAt(number, i);
        }
        assertArrayEquals(value, read, where + " valueAt");
        final UnsafeBuffer copy = new UnsafeBuffer(new byte[value.length + 2]);
        assertEquals(value.length, decoder.copyValue(number, copy, 1), where + " copyValue length");
        final byte[] copied = new byte[value.length];
        copy.getBytes(1, copied);
        assertArrayEquals(value, copied, where + " copyValue");
        final FieldDefinition field = expected.dialect().field(number);
        if (field.content() != ContentType.BINARY) {
            final String text = expected.expectedText(number);
            assertEquals(text, decoder.stringValue(number), where + " stringValue");
            assertTrue(decoder.valueEquals(number, text), where + " valueEquals");
            assertNumericValue(decoder, field, text, where);
        }
    }

    private static void assertNumericValue(final Iso8583Decoder decoder, final FieldDefinition field,
        final String text, final String where) {
        if (field.content() == ContentType.NUMERIC && !text.isEmpty() && text.length() <= 18) {
            assertEquals(Long.parseLong(text), decoder.numeric(field.number()), where + " numeric");
        }
        if (field.content() == ContentType.AMOUNT && text.length() <= 19) {
            assertEquals(Long.parseLong(text.substring(1)), decoder.numeric(field.number()), where + " numeric");
            assertEquals(text.charAt(0) == 'D', decoder.isDebitAmount(field.number()), where + " debit");
        }
    }
}
