package dev.cardgate.engine.blocklist;

import dev.cardgate.engine.token.PanFormat;

/**
 * One blocklist entry as an operator sees it. Immutable.
 *
 * @param reason             why the card is blocked; decides the response code
 * @param addedEpochMillis   when this content was written (an unchanged re-import keeps the first time)
 * @param expiresEpochMillis from this instant on the entry no longer blocks; {@link #NO_EXPIRY} for never
 * @param reference          the operator's short reference (case number, ticket), possibly empty
 */
public record BlocklistEntry(BlockReason reason, long addedEpochMillis, long expiresEpochMillis, String reference) {
    /** The entry blocks until it is removed. */
    public static final long NO_EXPIRY = Long.MAX_VALUE;

    /** At most this many characters, printable US-ASCII without commas. */
    public static final int MAX_REFERENCE_LENGTH = StoredEntry.REFERENCE_CAPACITY;

    /** True when the entry blocks at {@code nowEpochMillis}: it expires strictly later. */
    public boolean blocksAt(final long nowEpochMillis) {
        return nowEpochMillis < expiresEpochMillis;
    }

    /**
     * Reads an expiry as the import file writes it: an ISO-8601 date ({@code 2027-12-31}, blocking
     * through that day, UTC), an instant with an offset ({@code 2027-12-31T23:59:59Z}), or empty
     * for {@link #NO_EXPIRY}.
     *
     * @return epoch milliseconds from which the entry no longer blocks, or Long.MIN_VALUE when
     *     {@code text} is none of these
     */
    public static long parseExpiry(final String text) {
        return ImportLineParser.parseExpiry(text.strip());
    }

    /**
     * @return null when {@code reference} may be stored, else why not (never repeating it, it
     *     could be anything); a run of 12 digits or more is refused, since it could be a PAN
     */
    public static String describeReferenceProblem(final CharSequence reference) {
        if (reference.length() > MAX_REFERENCE_LENGTH) {
            return "the reference has " + reference.length() + " characters; at most " + MAX_REFERENCE_LENGTH
                + " are kept";
        }
        int digitRun = 0;
        for (int i = 0; i < reference.length(); i++) {
            final char c = reference.charAt(i);
            if (c < 0x20 || c > 0x7E || c == ',') {
                return "the reference has a character that is not printable US-ASCII (or is a comma) at position "
                    + (i + 1);
            }
            digitRun = c >= '0' && c <= '9' ? digitRun + 1 : 0;
            if (digitRun == PanFormat.MIN_LENGTH) {
                return "the reference has " + PanFormat.MIN_LENGTH + " or more digits in a row, like a card "
                    + "number: references are stored in clear, so they may not hold one";
            }
        }
        return null;
    }
}
