package dev.cardgate.engine.config;

import dev.cardgate.codec.dialect.ContentType;
import dev.cardgate.codec.dialect.Dialect;
import dev.cardgate.codec.dialect.FieldDefinition;
import dev.cardgate.engine.event.RequestField;

/**
 * What the engine needs of a dialect to read a request: every field it reads as a number
 * ({@link RequestField} of a number kind, and field 90's parts) declared numeric ({@code n}, or
 * {@code x+n} for an amount) and at most 18 digits long, so that the codec's numeric accessor
 * reads it and the decoder has checked its digits. A dialect that declared field 49 {@code ans}
 * would otherwise have "ABC" read as some number; such a dialect is refused at start instead.
 */
final class DialectRequirements {
    private static final int FIELD_90_ORIGINAL_DATA_ELEMENTS = 90;
    private static final int LONGEST_NUMBER = 18;

    private DialectRequirements() {
    }

    /** The first way {@code dialect} falls short, as a sentence naming the field; null when it does not. */
    static String problem(final Dialect dialect) {
        for (final RequestField field : RequestField.all()) {
            if (!field.isText()) {
                final String problem = numeric(dialect, field.number(), LONGEST_NUMBER);
                if (problem != null) {
                    return problem;
                }
            }
        }
        final FieldDefinition original = dialect.field(FIELD_90_ORIGINAL_DATA_ELEMENTS);
        if (original != null && original.content() != ContentType.NUMERIC) {
            return "field 90 is declared " + original.content().abbreviation()
                + ", but the engine reads its parts as numbers: declare it n";
        }
        return null;
    }

    private static String numeric(final Dialect dialect, final int number, final int longest) {
        final FieldDefinition field = dialect.field(number);
        if (field == null) {
            return null; // a field the dialect cannot carry is simply never present
        }
        final ContentType content = field.content();
        final int digits = field.maxLength() - (content == ContentType.AMOUNT ? 1 : 0);
        if (content != ContentType.NUMERIC && content != ContentType.AMOUNT) {
            return "field " + number + " is declared " + content.abbreviation()
                + ", but the engine reads it as a number: declare it n";
        }
        if (digits > longest) {
            return "field " + number + " may hold " + digits + " digits, but the engine reads it as a number of at most "
                + longest;
        }
        return null;
    }
}
