package dev.cardgate.engine.token;

/**
 * Quotes back what an operator or a file gave, for an error message, unless it could hold a card
 * number: a value with a run of more than six digits (a PAN typed in the wrong place), or longer
 * than 40 characters, is named by its length only, so that no message ever prints a clear PAN.
 */
public final class SafeEcho {
    /** The longest run of digits shown: a BIN, never a whole PAN. */
    private static final int LONGEST_DIGIT_RUN_SHOWN = 6;
    private static final int LONGEST_SHOWN = 40;

    private SafeEcho() {
    }

    /** {@code 'text'}, or {@code (not shown: N characters)}. */
    public static String quoted(final String text) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = Character.isDigit(text.charAt(i)) ? run + 1 : 0;
            if (run > LONGEST_DIGIT_RUN_SHOWN || text.length() > LONGEST_SHOWN) {
                return "(not shown: " + text.length() + " characters)";
            }
        }
        return "'" + text + "'";
    }
}
