package dev.cardgate.engine.blocklist;

import dev.cardgate.engine.token.CardToken;
import dev.cardgate.engine.token.PanFormat;
import dev.cardgate.engine.token.PanTokenizer;
import dev.cardgate.engine.token.SafeEcho;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Parses and hashes import lines: {@code PAN,REASON[,EXPIRES][,REFERENCE]}, {@code #} comments
 * and blank lines allowed, spaces around fields ignored (format in docs/blocklist.md). A wrong
 * line is rejected with why; a rejection shows a PAN masked at most, and repeats no other field
 * that could hold a PAN.
 *
 * <p>Threading: one instance per thread (it owns a tokenizer).
 */
final class ImportLineParser {
    private static final int MAX_FIELDS = 4;
    private static final int DATE_LENGTH = 10;
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final PanTokenizer tokenizer;
    private final CardToken token = new CardToken();
    private final String[] fields = new String[MAX_FIELDS];

    ImportLineParser(final PanTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** Parses {@code lines[0, count)}, numbered from {@code firstLineNumber}. */
    ParsedBatch parse(final String[] lines, final int count, final long firstLineNumber) {
        final ParsedBatch batch = new ParsedBatch(firstLineNumber, count);
        for (int i = 0; i < count; i++) {
            parseLine(lines[i], firstLineNumber + i, batch);
        }
        return batch;
    }

    private void parseLine(final String rawLine, final long lineNumber, final ParsedBatch batch) {
        final String line = rawLine.strip();
        if (line.isEmpty() || line.charAt(0) == '#') {
            return;
        }
        final int fieldCount = split(line);
        if (fieldCount < 2 || fieldCount > MAX_FIELDS) {
            batch.reject(lineNumber, "expected PAN,REASON[,EXPIRES][,REFERENCE] but found "
                + (fieldCount > MAX_FIELDS ? "more than " + MAX_FIELDS : Integer.toString(fieldCount)) + " field"
                + (fieldCount == 1 ? "" : "s"));
            return;
        }
        final String pan = fields[0];
        final String panProblem = PanFormat.describeProblem(pan);
        if (panProblem != null) {
            batch.reject(lineNumber, panProblem);
            return;
        }
        final BlockReason reason = parseReason(fields[1]);
        if (reason == null) {
            batch.reject(lineNumber, "unknown reason " + SafeEcho.quoted(fields[1])
                + "; expected one of LOST, STOLEN, FRAUD, "
                + "CLOSED, OTHER");
            return;
        }
        final long expires = fieldCount > 2 ? parseExpiry(fields[2]) : BlocklistEntry.NO_EXPIRY;
        if (expires == Long.MIN_VALUE) {
            batch.reject(lineNumber, "the expiry " + SafeEcho.quoted(fields[2])
                + " is neither an ISO-8601 date (2027-12-31) "
                + "nor an instant (2027-12-31T23:59:59Z)");
            return;
        }
        final String reference = fieldCount > 3 ? fields[3] : "";
        final String referenceProblem = BlocklistEntry.describeReferenceProblem(reference);
        if (referenceProblem != null) {
            batch.reject(lineNumber, referenceProblem);
            return;
        }
        tokenizer.tokenize(pan, token);
        batch.accept(lineNumber, token.high(), token.low(), reason, expires, reference);
    }

    /** Splits on commas into {@link #fields}, stripped; returns the field count (MAX_FIELDS + 1 when more). */
    private int split(final String line) {
        int count = 0;
        int start = 0;
        while (true) {
            final int comma = line.indexOf(',', start);
            final int end = comma < 0 ? line.length() : comma;
            if (count == MAX_FIELDS) {
                return MAX_FIELDS + 1;
            }
            fields[count++] = line.substring(start, end).strip();
            if (comma < 0) {
                return count;
            }
            start = comma + 1;
        }
    }

    private static BlockReason parseReason(final String text) {
        for (final BlockReason reason : BlockReason.values()) {
            if (reason.name().equalsIgnoreCase(text)) {
                return reason;
            }
        }
        return null;
    }

    /**
     * A date blocks through its last millisecond (UTC): the entry expires at the start of the next
     * day. An instant needs an offset ({@code Z} or {@code +01:00}). Empty means never.
     *
     * @return epoch milliseconds, or Long.MIN_VALUE when {@code text} is neither
     */
    static long parseExpiry(final String text) {
        if (text.isEmpty()) {
            return BlocklistEntry.NO_EXPIRY;
        }
        try {
            if (text.indexOf('T') < 0) {
                return dayAfter(text);
            }
            final Instant instant = OffsetDateTime.parse(text).toInstant();
            return instant.toEpochMilli();
        } catch (final DateTimeException | ArithmeticException e) {
            return Long.MIN_VALUE;
        }
    }

    /** yyyy-MM-dd read by hand: the formatter costs more than hashing the PAN. */
    private static long dayAfter(final String date) {
        if (date.length() != DATE_LENGTH || date.charAt(4) != '-' || date.charAt(7) != '-') {
            return Long.MIN_VALUE;
        }
        final int year = digits(date, 0, 4);
        final int month = digits(date, 5, 7);
        final int day = digits(date, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return Long.MIN_VALUE;
        }
        return (LocalDate.of(year, month, day).toEpochDay() + 1) * MILLIS_PER_DAY;
    }

    private static int digits(final String text, final int from, final int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            final int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
