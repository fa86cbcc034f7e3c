package dev.cardgate.engine.blocklist;

import dev.cardgate.engine.token.Luhn;
import dev.cardgate.engine.token.MaskedPan;
import dev.cardgate.engine.token.PanTokenizer;

/**
 * Whether a PAN may go on the blocklist: 12 to 19 ASCII digits with a valid Luhn check digit
 * (a PAN that fails it is mistyped, and listing it would block nothing). The descriptions never
 * repeat the PAN, except masked.
 */
public final class PanValidation {
    private PanValidation() {
    }

    /** @return null when {@code pan} may be listed, else why not */
    public static String describeProblem(final CharSequence pan) {
        final int length = pan.length();
        if (length == 0) {
            return "the PAN is empty";
        }
        for (int i = 0; i < length; i++) {
            final char c = pan.charAt(i);
            if (c < '0' || c > '9') {
                return "the PAN has a character that is not a digit at position " + (i + 1);
            }
        }
        if (length < PanTokenizer.MIN_PAN_LENGTH || length > PanTokenizer.MAX_PAN_LENGTH) {
            return "the PAN has " + length + " digits; a PAN has " + PanTokenizer.MIN_PAN_LENGTH + " to "
                + PanTokenizer.MAX_PAN_LENGTH;
        }
        if (!Luhn.isValid(pan)) {
            return "the PAN " + MaskedPan.mask(pan) + " fails the Luhn check (mistyped?)";
        }
        return null;
    }
}
