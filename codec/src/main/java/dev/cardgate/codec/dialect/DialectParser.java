package dev.cardgate.codec.dialect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads a dialect file: one directive a line, {@code #} starts a comment. The format is
 * described in docs/dialects.md:
 *
 * <pre>
 *   dialect acme-host                 # required, first
 *   extends iso87-ascii               # optional: start from another dialect's fields
 *   message-type ascii                # ascii | ebcdic | bcd
 *   bitmap hex                        # binary | hex
 *   #     no  type  length  max  data   prefix  pad  name
 *   field 2   n     llvar   19   ascii  ascii   -    primary account number
 *   omit 55                           # undefine a field the base dialect has
 * </pre>
 *
 * Every error names the file, the line and what is wrong; nothing is guessed or skipped.
 */
public final class DialectParser {
    private final Function<String, Dialect> baseDialects;

    /** @param baseDialects finds the dialect an {@code extends} line names, or returns null */
    public DialectParser(final Function<String, Dialect> baseDialects) {
        this.baseDialects = baseDialects;
    }

    public Dialect parse(final String source, final Reader reader) {
        final State state = new State(source);
        try (BufferedReader lines = new BufferedReader(reader)) {
            String text;
            while ((text = lines.readLine()) != null) {
                state.lineNumber++;
                final int comment = text.indexOf('#');
                final String content = (comment >= 0 ? text.substring(0, comment) : text).trim();
                if (!content.isEmpty()) {
                    directive(state, content.split("\\s+"));
                }
            }
        } catch (final IOException ex) {
            throw new UncheckedIOException("cannot read dialect file " + source, ex);
        }
        return state.build();
    }

    private void directive(final State state, final String[] words) {
        final String keyword = words[0].toLowerCase(Locale.ROOT);
        if (state.name == null && !keyword.equals("dialect")) {
            throw state.error("the file must start with 'dialect NAME', found '" + words[0] + "'");
        }
        switch (keyword) {
            case "dialect":
                state.expectWords(words, 2, "dialect NAME");
                if (state.name != null) {
                    throw state.error("a second 'dialect' line: one dialect a file");
                }
                state.name = words[1];
                break;
            case "extends":
                extend(state, words);
                break;
            case "message-type":
                state.expectWords(words, 2, "message-type ascii|ebcdic|bcd");
                state.messageTypeEncoding = state.encodingOneOf(words[1], "message type", "ascii, ebcdic, bcd",
                    Encoding.ASCII, Encoding.EBCDIC, Encoding.BCD);
                break;
            case "bitmap":
                state.expectWords(words, 2, "bitmap binary|hex");
                state.bitmapEncoding = state.encodingOneOf(words[1], "bitmap", "binary, hex",
                    Encoding.BINARY, Encoding.HEX);
                break;
            case "field":
                field(state, words);
                break;
            case "omit":
                state.expectWords(words, 2, "omit NUMBER");
                final int number = state.fieldNumber(words[1]);
                state.markDefined(number);
                state.fields[number] = null;
                break;
            default:
                throw state.error("unknown directive '" + words[0]
                    + "' (expected dialect, extends, message-type, bitmap, field or omit)");
        }
    }

    private void extend(final State state, final String[] words) {
        state.expectWords(words, 2, "extends NAME");
        if (state.anyFieldDefined) {
            throw state.error("'extends' must come before the first field line");
        }
        if (state.extendsLine != 0) {
            throw state.error("a second 'extends' line: the dialect already extends another on line " + state.extendsLine);
        }
        state.extendsLine = state.lineNumber;
        final Dialect base = baseDialects.apply(words[1]);
        if (base == null) {
            throw state.error("cannot extend unknown dialect '" + words[1] + "'");
        }
        state.fields = base.fieldsCopy();
        if (state.messageTypeEncoding == null) {
            state.messageTypeEncoding = base.messageTypeEncoding();
        }
        if (state.bitmapEncoding == null) {
            state.bitmapEncoding = base.bitmapEncoding();
        }
    }

    private static void field(final State state, final String[] words) {
        if (words.length < 8) {
            throw state.error("a field line needs: field NUMBER TYPE LENGTH MAX DATA PREFIX PAD [NAME], found "
                + (words.length - 1) + " value(s)");
        }
        final int number = state.fieldNumber(words[1]);
        final ContentType content = ContentType.fromAbbreviation(words[2].toLowerCase(Locale.ROOT));
        if (content == null) {
            throw state.error("field " + number + ": unknown type '" + words[2] + "' (expected n, a, an, ans, b, z, x+n)");
        }
        final LengthKind lengthKind = state.lengthKind(number, words[3]);
        final int maxLength = state.whole(number, "max length", words[4]);
        final Encoding data = state.encoding(words[5], "field " + number + " data", "ascii, ebcdic, bcd, binary, hex");
        final Encoding prefix = "-".equals(words[6]) ? null
            : state.encoding(words[6], "field " + number + " prefix", "ascii, ebcdic, bcd, binary or -");
        final Padding padding = state.padding(number, words[7]);
        final String name = words.length > 8 ? String.join(" ", java.util.Arrays.copyOfRange(words, 8, words.length)) : "";
        state.markDefined(number);
        try {
            state.fields[number] = new FieldDefinition(number, content, lengthKind, maxLength, data, prefix, padding, name);
        } catch (final IllegalArgumentException ex) {
            throw state.error("field " + number + ": " + ex.getMessage());
        }
    }

    /** What has been read so far, and where. */
    private static final class State {
        final String source;
        final int[] definedOnLine = new int[Dialect.MAX_FIELD + 1];
        int lineNumber;
        String name;
        Encoding messageTypeEncoding;
        Encoding bitmapEncoding;
        FieldDefinition[] fields = new FieldDefinition[Dialect.MAX_FIELD + 1];
        boolean anyFieldDefined;
        int extendsLine;

        State(final String source) {
            this.source = source;
        }

        DialectFormatException error(final String reason) {
            return new DialectFormatException(source, lineNumber, reason);
        }

        void expectWords(final String[] words, final int count, final String form) {
            if (words.length != count) {
                throw error("expected '" + form + "'");
            }
        }

        void markDefined(final int number) {
            if (definedOnLine[number] != 0) {
                throw error("field " + number + " is already defined on line " + definedOnLine[number]);
            }
            definedOnLine[number] = lineNumber;
            anyFieldDefined = true;
        }

        int fieldNumber(final String word) {
            final int number = parseWhole(word);
            if (number < 2 || number > Dialect.MAX_FIELD) {
                throw error("field number '" + word + "' is not a whole number from 2 to 128"
                    + " (field 1 is the secondary bitmap, written by the codec)");
            }
            return number;
        }

        int whole(final int field, final String what, final String word) {
            final int value = parseWhole(word);
            if (value < 0) {
                throw error("field " + field + ": " + what + " '" + word + "' is not a whole number");
            }
            return value;
        }

        LengthKind lengthKind(final int field, final String word) {
            switch (word.toLowerCase(Locale.ROOT)) {
                case "fixed":
                    return LengthKind.FIXED;
                case "llvar":
                    return LengthKind.LLVAR;
                case "lllvar":
                    return LengthKind.LLLVAR;
                default:
                    throw error("field " + field + ": unknown length kind '" + word + "' (expected fixed, llvar, lllvar)");
            }
        }

        Padding padding(final int field, final String word) {
            switch (word.toLowerCase(Locale.ROOT)) {
                case "-":
                    return null;
                case "left":
                    return Padding.LEFT;
                case "right":
                    return Padding.RIGHT;
                default:
                    throw error("field " + field + ": unknown padding '" + word + "' (expected left, right or -)");
            }
        }

        Encoding encoding(final String word, final String what, final String allowed) {
            try {
                return Encoding.valueOf(word.toUpperCase(Locale.ROOT));
            } catch (final IllegalArgumentException ex) {
                throw error(what + ": unknown encoding '" + word + "' (expected " + allowed + ")");
            }
        }

        /** An encoding from {@code accepted} only, refused on its own line rather than when the dialect is built. */
        Encoding encodingOneOf(final String word, final String what, final String allowed, final Encoding... accepted) {
            final Encoding encoding = encoding(word, what, allowed);
            for (final Encoding candidate : accepted) {
                if (candidate == encoding) {
                    return encoding;
                }
            }
            throw error(what + ": encoding '" + word + "' is not one of " + allowed);
        }

        Dialect build() {
            if (name == null) {
                throw new DialectFormatException(source, 0, "no 'dialect NAME' line: the file is empty");
            }
            if (messageTypeEncoding == null) {
                throw new DialectFormatException(source, 0, "no 'message-type' line and no 'extends' to take it from");
            }
            if (bitmapEncoding == null) {
                throw new DialectFormatException(source, 0, "no 'bitmap' line and no 'extends' to take it from");
            }
            try {
                return new Dialect(name, messageTypeEncoding, bitmapEncoding, fields);
            } catch (final IllegalArgumentException ex) {
                throw new DialectFormatException(source, 0, ex.getMessage());
            }
        }

        private static int parseWhole(final String word) {
            if (word.isEmpty() || word.length() > 4) {
                return -1;
            }
            int value = 0;
            for (int i = 0; i < word.length(); i++) {
                final char c = word.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }
    }
}
