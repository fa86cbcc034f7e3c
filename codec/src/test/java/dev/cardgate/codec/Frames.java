package dev.cardgate.codec;

import dev.cardgate.codec.dialect.Dialect;
import dev.cardgate.codec.dialect.DialectParser;
import dev.cardgate.codec.dialect.Dialects;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Hand-made frames for decoder tests: pieces given as text, hex or EBCDIC, and bitmaps from field numbers. */
final class Frames {
    static final Charset EBCDIC = Charset.forName("IBM037");

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    static Frames frame() {
        return new Frames();
    }

    Frames ascii(final String text) {
        bytes.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    Frames ebcdic(final String text) {
        bytes.writeBytes(text.getBytes(EBCDIC));
        return this;
    }

    Frames hex(final String hex) {
        bytes.writeBytes(HexFormat.of().parseHex(hex));
        return this;
    }

    /** The bitmap(s) announcing {@code fields}, as 16 or 32 hex characters. */
    Frames hexBitmap(final int... fields) {
        return ascii(bitmapHex(fields));
    }

    /** The bitmap(s) announcing {@code fields}, as 8 or 16 bytes. */
    Frames binaryBitmap(final int... fields) {
        return hex(bitmapHex(fields));
    }

    byte[] bytes() {
        return bytes.toByteArray();
    }

    int length() {
        return bytes.size();
    }

    private static String bitmapHex(final int... fields) {
        long primary = 0;
        long secondary = 0;
        for (final int field : fields) {
            if (field > 64) {
                primary |= Long.MIN_VALUE;
                secondary |= Long.MIN_VALUE >>> (field - 65);
            } else {
                primary |= Long.MIN_VALUE >>> (field - 1);
            }
        }
        final String text = String.format("%016X", primary);
        return secondary == 0 ? text : text + String.format("%016X", secondary);
    }

    /** A custom dialect from the lines of a dialect file. */
    static Dialect dialect(final String... lines) {
        return new DialectParser(Dialects::builtIn).parse("test.dialect", new StringReader(String.join("\n", lines)));
    }
}
