package dev.cardgate.engine.token;

import org.agrona.DirectBuffer;

/**
 * What a PAN is, in one place for the whole engine: 12 to 19 ASCII digits (ISO/IEC 7812), and,
 * to be a card that may be listed, a valid Luhn check digit ({@link Luhn}). The tokenizer, the
 * front-end's fill, the convenience API, the blocklist and the operator's commands all ask here.
 * Stateless; allocates nothing except {@link #describeProblem}'s message.
 */
public final class PanFormat {
    /** Shortest PAN (ISO/IEC 7812). */
    public static final int MIN_LENGTH = 12;
    /** Longest PAN (ISO/IEC 7812). */
    public static final int MAX_LENGTH = 19;

    private PanFormat() {
    }

    /** True when {@code pan} is 12 to 19 ASCII digits; the check digit is not judged. */
    public static boolean isWellFormed(final CharSequence pan) {
        final int length = pan.length();
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (!isDigit(pan.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@link #isWellFormed(CharSequence)} for ASCII bytes in {@code buffer[offset, offset + length)}. */
    public static boolean isWellFormed(final DirectBuffer buffer, final int offset, final int length) {
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (!isDigit((char)buffer.getByte(offset + i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a PAN is a card number that may be listed, told to an operator: the description
     * never repeats the PAN, except masked.
     *
     * @return null when {@code pan} is well formed with a valid Luhn check digit, else why not
     */
    public static String describeProblem(final CharSequence pan) {
        final int length = pan.length();
        if (length == 0) {
            return "the PAN is empty";
        }
        for (int i = 0; i < length; i++) {
            if (!isDigit(pan.charAt(i))) {
                return "the PAN has a character that is not a digit at position " + (i + 1);
            }
        }
        if (!isWellFormed(pan)) {
            return "the PAN has " + length + " digits; a PAN has " + MIN_LENGTH + " to " + MAX_LENGTH;
        }
        if (!Luhn.isValid(pan)) {
            return "the PAN " + MaskedPan.mask(pan) + " fails the Luhn check (mistyped?)";
        }
        return null;
    }

    private static boolean isDigit(final char c) {
        return c >= '0' && c <= '9';
    }
}
