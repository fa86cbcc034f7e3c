package dev.cardgate.engine.token;

/**
 * How text from outside (an operator, a file, a terminal's request, the journal) is printed, so
 * that it can neither print a clear PAN nor act on the operator's terminal:
 * <ul>
 * <li>{@link #quoted} quotes back what an operator or a file gave, for an error message, unless
 * it could hold a card number: a value with a run of more than six digits (a PAN typed in the
 * wrong place), or longer than 40 characters, is named by its length only;</li>
 * <li>{@link #visible} shows every character outside printable ASCII as an escape
 * ({@code \x1b}, {@code \u00e9}; a backslash as {@code \\}), so that a control sequence such as
 * {@code ESC[2J} in a terminal id is shown, never run.</li>
 * </ul>
 * Both are used by every line the command line prints with such text in it.
 */
public final class SafeEcho {
    /** The longest run of digits shown: a BIN, never a whole PAN. */
    private static final int LONGEST_DIGIT_RUN_SHOWN = 6;
    private static final int LONGEST_SHOWN = 40;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private SafeEcho() {
    }

    /** {@code 'text'} with {@link #visible} escapes, or {@code (not shown: N characters)}. */
    public static String quoted(final String text) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = Character.isDigit(text.charAt(i)) ? run + 1 : 0;
            if (run > LONGEST_DIGIT_RUN_SHOWN || text.length() > LONGEST_SHOWN) {
                return "(not shown: " + text.length() + " characters)";
            }
        }
        return "'" + visible(text) + "'";
    }

    /**
     * {@code text} with each character outside printable ASCII (0x20 to 0x7e) written as
     * {@code \xNN} (below 0x100) or {@code \\uNNNN}, and each backslash doubled; the same text
     * when there is nothing to escape. Printable text is left as it is (a terminal's own id, a
     * merchant's), so the digits in it are not hidden: use {@link #quoted} for what an operator typed.
     */
    public static String visible(final String text) {
        if (isPlain(text)) {
            return text;
        }
        final StringBuilder shown = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (c == '\\') {
                shown.append("\\\\");
            }
            else if (c >= 0x20 && c < 0x7f) {
                shown.append(c);
            }
            else if (c < 0x100) {
                shown.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
            else {
                shown.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf])
                    .append(HEX[c & 0xf]);
            }
        }
        return shown.toString();
    }

    private static boolean isPlain(final String text) {
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
