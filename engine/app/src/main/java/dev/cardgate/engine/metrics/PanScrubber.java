package dev.cardgate.engine.metrics;

import dev.cardgate.engine.token.Luhn;
import dev.cardgate.engine.token.PanFormat;
import dev.cardgate.engine.token.MaskedPan;

/**
 * The log's last guard against a card number: every run of 12 to 19 digits (not part of a
 * longer run) whose Luhn check digit is right is masked to its first six and last four
 * digits. The engine never logs a PAN on purpose; this catches one that slipped into a
 * message (an exception's text, a library's line). A number that merely looks like a card
 * number (one in ten 13-digit timestamps) is masked too, which is the safe side.
 *
 * <p>The one exception: the digits of a file name the engine prints, so that an operator can
 * tell which journal segment a line is about. A run is a file name's when it is written as one
 * ({@code journal-0000000000000000.seg}, {@code blocklist_4111111111111111.cm}): joined to a name
 * before it by {@code -} or {@code _}, and followed by a dot and a lowercase extension of one to
 * eight letters that ends the word. A PAN in a message, a field or free text is never written so.
 */
final class PanScrubber {
    private static final int MAX_EXTENSION_LENGTH = 8;

    private PanScrubber() {
    }

    /** {@code text} with card numbers masked; the same string when there is none. */
    static String scrub(final String text) {
        StringBuilder scrubbed = null;
        int runStart = -1;
        for (int i = 0; i <= text.length(); i++) {
            final boolean digit = i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9';
            if (digit && runStart < 0) {
                runStart = i;
            }
            else if (!digit && runStart >= 0) {
                final String run = text.substring(runStart, i);
                if (PanFormat.isWellFormed(run) && Luhn.isValid(run) && !partOfFileName(text, runStart, i)) {
                    if (scrubbed == null) {
                        scrubbed = new StringBuilder(text);
                    }
                    scrubbed.replace(runStart, i, MaskedPan.mask(run));
                }
                runStart = -1;
            }
        }
        return scrubbed == null ? text : scrubbed.toString();
    }

    /** Whether {@code text[start, end)} is the number in a file name such as {@code journal-0001.seg}. */
    private static boolean partOfFileName(final String text, final int start, final int end) {
        final boolean joinedToAName = start >= 2 && (text.charAt(start - 1) == '-' || text.charAt(start - 1) == '_')
            && Character.isLetterOrDigit(text.charAt(start - 2));
        if (!joinedToAName || end + 1 >= text.length() || text.charAt(end) != '.') {
            return false;
        }
        int extensionEnd = end + 1;
        while (extensionEnd < text.length() && text.charAt(extensionEnd) >= 'a' && text.charAt(extensionEnd) <= 'z') {
            extensionEnd++;
        }
        final int extensionLength = extensionEnd - end - 1;
        return extensionLength >= 1 && extensionLength <= MAX_EXTENSION_LENGTH
            && (extensionEnd == text.length() || !Character.isLetterOrDigit(text.charAt(extensionEnd)));
    }
}
