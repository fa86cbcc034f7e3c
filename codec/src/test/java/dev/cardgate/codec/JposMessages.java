package dev.cardgate.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cardgate.codec.dialect.Dialect;
import dev.cardgate.codec.dialect.Dialects;
import java.nio.charset.StandardCharsets;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.ISOPackager;
import org.jpos.iso.packager.ISO87APackager;
import org.jpos.iso.packager.ISO87BPackager;

/** The same message in jPOS: packing a {@link SampleMessage} with jPOS, and checking what jPOS unpacked. */
final class JposMessages {
    private JposMessages() {
    }

    /** The jPOS packager our built-in {@code dialect} is byte-compatible with. */
    static ISOPackager packagerFor(final Dialect dialect) {
        if (dialect == Dialects.ISO87_ASCII) {
            return new ISO87APackager();
        }
        if (dialect == Dialects.ISO87_BINARY) {
            return new ISO87BPackager();
        }
        throw new IllegalArgumentException("no jPOS packager matches " + dialect);
    }

    /** The message as a jPOS ISOMsg: binary fields as byte[], all others as String. */
    static ISOMsg toJpos(final SampleMessage message) throws ISOException {
        final ISOMsg jpos = new ISOMsg();
        jpos.setPackager(packagerFor(message.dialect()));
        jpos.setMTI(message.messageTypeText());
        for (final var entry : message.values().entrySet()) {
            if (message.isBinary(entry.getKey())) {
                jpos.set(entry.getKey(), entry.getValue());
            } else {
                jpos.set(entry.getKey(), new String(entry.getValue(), StandardCharsets.ISO_8859_1));
            }
        }
        return jpos;
    }

    static byte[] pack(final SampleMessage message) throws ISOException {
        return toJpos(message).pack();
    }

    static ISOMsg unpack(final Dialect dialect, final byte[] frame) throws ISOException {
        final ISOMsg jpos = new ISOMsg();
        jpos.setPackager(packagerFor(dialect));
        jpos.unpack(frame);
        return jpos;
    }

    /** jPOS read exactly the message type and the padded field values of {@code expected}. */
    static void assertJposRead(final ISOMsg jpos, final SampleMessage expected) throws ISOException {
        assertEquals(expected.messageTypeText(), jpos.getMTI(), "message type");
        for (int number = 2; number <= Dialect.MAX_FIELD; number++) {
            final String where = "jPOS field " + number;
            if (!expected.has(number)) {
                assertFalse(jpos.hasField(number), where + " should be absent");
            } else if (expected.isBinary(number)) {
                assertTrue(jpos.hasField(number), where + " should be present");
                assertArrayEquals(expected.expectedValue(number), jpos.getBytes(number), where);
            } else {
                assertTrue(jpos.hasField(number), where + " should be present");
                assertEquals(expected.expectedText(number), jpos.getString(number), where);
            }
        }
    }
}
