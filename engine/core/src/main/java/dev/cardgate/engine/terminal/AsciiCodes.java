package dev.cardgate.engine.terminal;

import java.nio.charset.StandardCharsets;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.token.SafeEcho;

/**
 * Short ASCII identifiers packed into longs, so that the decision thread compares numbers, not
 * strings: up to 8 printable characters, space-padded on the right, first character in the high
 * byte (so packed values sort as the texts do). Software versions ("2.4.1") pack four numbers of
 * 16 bits each, major first, so that a newer version is a larger long. Stateless; only the
 * {@code String} methods allocate.
 */
public final class AsciiCodes {
    /** Longest text one long holds. */
    public static final int MAX_LENGTH = 8;

    private AsciiCodes() {
    }

    /** Packs {@code text} (at most 8 printable ASCII characters, validated by the caller). */
    public static long pack(final String text) {
        long packed = 0;
        for (int i = 0; i < MAX_LENGTH; i++) {
            final int c = i < text.length() ? text.charAt(i) : ' ';
            packed = (packed << 8) | (c & 0xFF);
        }
        return packed;
    }

    /** The text of a packed value, trailing spaces removed. */
    public static String unpack(final long packed) {
        final byte[] bytes = new byte[MAX_LENGTH];
        for (int i = 0; i < MAX_LENGTH; i++) {
            bytes[i] = (byte)(packed >>> (56 - 8 * i));
        }
        return new String(bytes, StandardCharsets.US_ASCII).stripTrailing();
    }

    /** Field 41 of {@code event} packed like {@link #pack}. Allocates nothing. */
    public static long terminalKey(final AuthorizationEvent event) {
        long packed = 0;
        for (int i = 0; i < AuthorizationEvent.TERMINAL_ID_LENGTH; i++) {
            packed = (packed << 8) | (event.terminalIdByte(i) & 0xFF);
        }
        return packed;
    }

    /** Bytes 0 to 7 of field 42 of {@code event}. Allocates nothing. */
    public static long merchantHigh(final AuthorizationEvent event) {
        long packed = 0;
        for (int i = 0; i < 8; i++) {
            packed = (packed << 8) | (event.merchantIdByte(i) & 0xFF);
        }
        return packed;
    }

    /** Bytes 8 to 14 of field 42 of {@code event}, then a zero byte. Allocates nothing. */
    public static long merchantLow(final AuthorizationEvent event) {
        long packed = 0;
        for (int i = 8; i < AuthorizationEvent.MERCHANT_ID_LENGTH; i++) {
            packed = (packed << 8) | (event.merchantIdByte(i) & 0xFF);
        }
        return packed << 8;
    }

    /** Bytes 0 to 7 of a merchant id (space-padded to 15). */
    public static long merchantHigh(final String merchantId) {
        return pack(padded(merchantId, AuthorizationEvent.MERCHANT_ID_LENGTH).substring(0, 8));
    }

    /** Bytes 8 to 14 of a merchant id (space-padded to 15), then a zero byte. */
    public static long merchantLow(final String merchantId) {
        final String text = padded(merchantId, AuthorizationEvent.MERCHANT_ID_LENGTH).substring(8);
        long packed = 0;
        for (int i = 0; i < text.length(); i++) {
            packed = (packed << 8) | (text.charAt(i) & 0xFF);
        }
        return packed << 8;
    }

    /** The merchant id of two packed halves, trailing spaces removed. */
    public static String merchantText(final long high, final long low) {
        final StringBuilder text = new StringBuilder(unpackRaw(high));
        for (int i = 0; i < 7; i++) {
            text.append((char)((low >>> (56 - 8 * i)) & 0xFF));
        }
        return text.toString().stripTrailing();
    }

    /** Null when {@code text} is 1 to {@code maxLength} printable ASCII characters without comma; else why not. */
    public static String describeProblem(final String what, final String text, final int maxLength) {
        if (text == null || text.isEmpty()) {
            return what + " is empty";
        }
        if (text.length() > maxLength) {
            return what + " " + SafeEcho.quoted(text)
                + " has " + text.length() + " characters, at most " + maxLength + " allowed";
        }
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (c <= 0x20 || c > 0x7e || c == ',') {
                return what + " " + SafeEcho.quoted(text)
                    + " has a space, comma or character that is not printable ASCII";
            }
        }
        return null;
    }

    /**
     * Packs a dotted version of one to four numbers of 0 to 65535 ("2.4.1"), or returns -1 when
     * {@code text} is not one.
     */
    public static long packVersion(final String text) {
        final String[] parts = text.split("\\.", -1);
        if (parts.length < 1 || parts.length > 4) {
            return -1;
        }
        long packed = 0;
        for (int i = 0; i < 4; i++) {
            long number = 0;
            if (i < parts.length) {
                if (!parts[i].matches("[0-9]{1,5}")) {
                    return -1;
                }
                number = Long.parseLong(parts[i]);
                if (number > 0xFFFF) {
                    return -1;
                }
            }
            packed = (packed << 16) | number;
        }
        return packed;
    }

    /** How many dotted numbers {@code text} has (1 to 4), for {@link #versionText(long, int)}. */
    public static int versionParts(final String text) {
        return Math.min(4, text.split("\\.", -1).length);
    }

    /** The dotted text of a packed version, trailing ".0" parts beyond the second removed. */
    public static String versionText(final long packed) {
        return versionText(packed, 0);
    }

    /**
     * The dotted text of a packed version in {@code parts} numbers (1 to 4, as it was given);
     * with 0 (not known), trailing ".0" parts beyond the second removed.
     */
    public static String versionText(final long packed, final int parts) {
        final StringBuilder text = new StringBuilder();
        int last = 3;
        if (parts >= 1 && parts <= 4) {
            last = parts - 1;
        }
        else {
            while (last > 1 && ((packed >>> (48 - 16 * last)) & 0xFFFF) == 0) {
                last--;
            }
        }
        for (int i = 0; i <= last; i++) {
            if (i > 0) {
                text.append('.');
            }
            text.append((packed >>> (48 - 16 * i)) & 0xFFFF);
        }
        return text.toString();
    }

    private static String unpackRaw(final long packed) {
        final StringBuilder text = new StringBuilder(MAX_LENGTH);
        for (int i = 0; i < MAX_LENGTH; i++) {
            text.append((char)((packed >>> (56 - 8 * i)) & 0xFF));
        }
        return text.toString();
    }

    private static String padded(final String text, final int length) {
        return text.length() >= length ? text : text + " ".repeat(length - text.length());
    }
}
