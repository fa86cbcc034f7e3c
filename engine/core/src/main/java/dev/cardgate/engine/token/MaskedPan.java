package dev.cardgate.engine.token;

/**
 * The only form in which a PAN may be displayed: first six and last four digits, the rest
 * replaced by {@code *}. PANs too short to keep anything hidden that way are masked whole.
 */
public final class MaskedPan {
    private static final int SHOWN_FIRST = 6;
    private static final int SHOWN_LAST = 4;

    private MaskedPan() {
    }

    /** e.g. {@code 411111******1111}; allocates the result, so not for the decision thread. */
    public static String mask(final CharSequence pan) {
        final int length = pan.length();
        final StringBuilder masked = new StringBuilder(length);
        final boolean showEnds = length >= PanFormat.MIN_LENGTH;
        for (int i = 0; i < length; i++) {
            final boolean shown = showEnds && (i < SHOWN_FIRST || i >= length - SHOWN_LAST);
            masked.append(shown ? pan.charAt(i) : '*');
        }
        return masked.toString();
    }
}
