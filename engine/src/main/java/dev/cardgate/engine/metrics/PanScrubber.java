package dev.cardgate.engine.metrics;

import dev.cardgate.engine.event.PanParts;
import dev.cardgate.engine.token.Luhn;
import dev.cardgate.engine.token.MaskedPan;

/**
 * The log's last guard against a card number: every run of 12 to 19 digits (not part of a
 * longer run) whose Luhn check digit is right is masked to its first six and last four
 * digits. The engine never logs a PAN on purpose; this catches one that slipped into a
 * message (an exception's text, a library's line). A number that merely looks like a card
 * number (one in ten 13-digit timestamps) is masked too, which is the safe side.
 */
final class PanScrubber {
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
                if (run.length() >= PanParts.MIN_PAN_LENGTH && run.length() <= PanParts.MAX_PAN_LENGTH
                    && Luhn.isValid(run)) {
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
}
