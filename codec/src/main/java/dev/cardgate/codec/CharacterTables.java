package dev.cardgate.codec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;

/** Byte translation tables built once at class load: EBCDIC (IBM037) to and from ASCII, and hex digits. */
final class CharacterTables {
    static final byte[] EBCDIC_TO_ASCII = new byte[256];
    static final byte[] ASCII_TO_EBCDIC = new byte[256];
    /** Value of a hex digit character, or -1. */
    static final byte[] HEX_VALUE = new byte[256];
    /** What an ASCII byte is, as text: {@link #LETTER}, {@link #DIGIT}, {@link #SPACE}, {@link #SPECIAL} or 0. */
    static final byte[] TEXT_CLASS = new byte[256];
    static final byte LETTER = 1;
    static final byte DIGIT = 2;
    static final byte SPACE = 4;
    /** A printable ASCII character other than a letter, a digit or the space. */
    static final byte SPECIAL = 8;
    static final byte[] HEX_DIGITS = {
        '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'
    };

    static {
        final Charset ebcdic = Charset.forName("IBM037");
        for (int c = 0; c < 256; c++) {
            final ByteBuffer encoded = ebcdic.encode(CharBuffer.wrap(new char[] {(char)c}));
            final int e = encoded.get(0) & 0xFF;
            ASCII_TO_EBCDIC[c] = (byte)e;
            EBCDIC_TO_ASCII[e] = (byte)c;
        }
        for (int c = ' '; c <= '~'; c++) {
            TEXT_CLASS[c] = c == ' ' ? SPACE : Character.isLetter(c) ? LETTER : Character.isDigit(c) ? DIGIT : SPECIAL;
        }
        java.util.Arrays.fill(HEX_VALUE, (byte)-1);
        for (int d = 0; d < 16; d++) {
            HEX_VALUE[HEX_DIGITS[d]] = (byte)d;
            HEX_VALUE[Character.toLowerCase(HEX_DIGITS[d])] = (byte)d;
        }
    }

    private CharacterTables() {
    }
}
