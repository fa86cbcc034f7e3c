package dev.cardgate.engine.event;

/**
 * The displayable parts of a PAN (what a PAN is: {@link dev.cardgate.engine.token.PanFormat}): its length, first six digits and last four digits, kept as
 * numbers so that the clear PAN need not be held. Stateless; allocates only in {@link
 * #toString(int, int, int)}.
 */
public final class PanParts {
    private PanParts() {
    }

    /** The first six digits as a number; the PAN must be well formed. */
    public static int firstSix(final CharSequence pan) {
        return digits(pan, 0, 6);
    }

    /** The last four digits as a number; the PAN must be well formed. */
    public static int lastFour(final CharSequence pan) {
        return digits(pan, pan.length() - 4, 4);
    }

    /**
     * Writes the masked PAN ("411111******1111") as ASCII into {@code destination}.
     *
     * @return the number of bytes written, {@code panLength}; 0 when the PAN was absent
     */
    public static int render(final int panLength, final int firstSix, final int lastFour,
        final byte[] destination, final int offset) {
        if (panLength < 10) {
            return 0;
        }
        writeDigits(firstSix, 6, destination, offset);
        for (int i = 6; i < panLength - 4; i++) {
            destination[offset + i] = '*';
        }
        writeDigits(lastFour, 4, destination, offset + panLength - 4);
        return panLength;
    }

    /** The masked PAN as a String, for logs and the convenience API; "" when absent. */
    public static String toString(final int panLength, final int firstSix, final int lastFour) {
        final byte[] text = new byte[dev.cardgate.engine.token.PanFormat.MAX_LENGTH];
        final int length = render(panLength, firstSix, lastFour, text, 0);
        return new String(text, 0, length, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static int digits(final CharSequence text, final int from, final int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    private static void writeDigits(final int value, final int count, final byte[] destination, final int offset) {
        int remaining = value;
        for (int i = count - 1; i >= 0; i--) {
            destination[offset + i] = (byte)('0' + remaining % 10);
            remaining /= 10;
        }
    }
}
