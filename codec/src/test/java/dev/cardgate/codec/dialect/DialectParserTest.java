package dev.cardgate.codec.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Custom dialect files: what they can express, and that every mistake names the file, the line and why. */
class DialectParserTest {
    private static final String HEADER = "dialect acme-host\nmessage-type ascii\nbitmap hex\n";

    @TempDir
    Path directory;

    @Test
    void customDialectExtendsABuiltInOverridesAndOmitsFields() throws IOException {
        final Dialect dialect = Dialects.load(write("acme.dialect",
            "# acme's host: iso87-ascii with EBCDIC message types and its own field 48",
            "dialect acme-host",
            "extends iso87-ascii",
            "message-type ebcdic",
            "bitmap binary",
            "field 48  ans  lllvar  512  ascii  ascii  -   additional data - private",
            "field 63  n    llvar   11   bcd    bcd    left  batch number   # packed, left padded",
            "omit 55"));

        assertEquals("acme-host", dialect.name());
        assertEquals(Encoding.EBCDIC, dialect.messageTypeEncoding());
        assertEquals(Encoding.BINARY, dialect.bitmapEncoding());
        assertEquals(new FieldDefinition(48, ContentType.ALPHANUMERIC_SPECIAL, LengthKind.LLLVAR, 512, Encoding.ASCII,
            Encoding.ASCII, null, "additional data - private"), dialect.field(48));
        assertEquals("additional data - private", dialect.field(48).name());
        assertEquals(Padding.LEFT, dialect.field(63).padding());
        assertEquals("batch number", dialect.field(63).name());
        assertNull(dialect.field(55));
        for (int number = 2; number <= Dialect.MAX_FIELD; number++) {
            if (number != 48 && number != 55 && number != 63) {
                assertEquals(Dialects.ISO87_ASCII.field(number), dialect.field(number), "field " + number);
            }
        }
    }

    @Test
    void standaloneDialectDefinesOnlyItsFields() throws IOException {
        final Dialect dialect = Dialects.load(write("pos.dialect",
            "DIALECT pos-terminals",
            "message-type BCD",
            "bitmap hex",
            "field 3   n    fixed   6    bcd    -      right  processing code",
            "field 11  n    FIXED   6    bcd    -      -",
            "field 35  z    llvar   37   bcd    binary -      track 2",
            "field 41  ans  fixed   8    ebcdic -      -      terminal"));

        assertEquals(Encoding.BCD, dialect.messageTypeEncoding());
        assertEquals(Encoding.HEX, dialect.bitmapEncoding());
        assertEquals(Padding.RIGHT, dialect.field(3).padding());
        assertEquals(Padding.LEFT, dialect.field(11).padding(), "a fixed field defaults to left padding");
        assertEquals("", dialect.field(11).name());
        assertEquals(Padding.RIGHT, dialect.field(35).padding(), "a variable field defaults to right padding");
        assertEquals(1, dialect.field(35).prefixBytes());
        assertEquals(Encoding.EBCDIC, dialect.field(41).dataEncoding());
        long defined = 0;
        for (int number = 2; number <= Dialect.MAX_FIELD; number++) {
            defined += dialect.field(number) != null ? 1 : 0;
        }
        assertEquals(4, defined);
    }

    @Test
    void nameOrFileFindsBuiltInsByNameAndCustomDialectsByPath() throws IOException {
        assertSame(Dialects.ISO87_ASCII, Dialects.byNameOrFile("iso87-ascii"));
        assertSame(Dialects.ISO87_BINARY, Dialects.byNameOrFile("iso87-binary"));
        final Path file = write("acme.dialect", "dialect acme", "extends iso87-binary");
        assertEquals("acme", Dialects.byNameOrFile(file.toString()).name());
    }

    @Test
    void exampleAcquirerDialectInConfigLoads() {
        final Dialect dialect = Dialects.load(Path.of("..", "config", "dialects", "example-acquirer.dialect"));
        assertEquals("example-acquirer", dialect.name());
        assertEquals(Encoding.ASCII, dialect.messageTypeEncoding());
        assertEquals(Encoding.BINARY, dialect.bitmapEncoding());
        assertEquals(512, dialect.field(48).maxLength());
        assertEquals(Encoding.BINARY, dialect.field(52).dataEncoding());
        assertEquals(Encoding.HEX, dialect.field(55).dataEncoding());
        assertEquals(ContentType.BINARY, dialect.field(55).content());
        assertEquals(2, dialect.field(62).prefixBytes());
        assertEquals(Padding.LEFT, dialect.field(63).padding());
        assertNull(dialect.field(65));
        assertNull(dialect.field(128));
        assertEquals(Dialects.ISO87_ASCII.field(2), dialect.field(2));
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
            mistake("unknown directive", HEADER + "feild 2 n llvar 19 ascii ascii -", 4, "unknown directive 'feild'"),
            mistake("no dialect line first", "message-type ascii\ndialect x", 1, "must start with 'dialect NAME'"),
            mistake("no dialect line at all", "# nothing\n\n", 0, "no 'dialect NAME' line"),
            mistake("second dialect line", HEADER + "dialect other", 4, "a second 'dialect' line"),
            mistake("second extends line", "dialect x\nextends iso87-ascii\nextends iso87-binary", 3,
                "already extends another on line 2"),
            mistake("dialect without name", "dialect", 1, "expected 'dialect NAME'"),
            mistake("field number not a number", HEADER + "field 2x n llvar 19 ascii ascii -", 4,
                "field number '2x' is not a whole number from 2 to 128"),
            mistake("field 1 is the bitmap", HEADER + "field 1 b fixed 8 binary - -", 4, "field number '1'"),
            mistake("field 129", HEADER + "field 129 n fixed 3 ascii - -", 4, "field number '129'"),
            mistake("max not a number", HEADER + "\nfield 2 n llvar 1x ascii ascii -", 5,
                "field 2: max length '1x' is not a whole number"),
            mistake("max over what LL can say", HEADER + "field 2 n llvar 100 ascii ascii -", 4,
                "max length 100 is outside 1..99"),
            mistake("unknown type", HEADER + "field 2 nn llvar 19 ascii ascii -", 4, "field 2: unknown type 'nn'"),
            mistake("unknown length kind", HEADER + "field 2 n llllvar 19 ascii ascii -", 4,
                "field 2: unknown length kind 'llllvar'"),
            mistake("unknown data encoding", HEADER + "field 2 n llvar 19 asci ascii -", 4,
                "field 2 data: unknown encoding 'asci'"),
            mistake("unknown prefix encoding", HEADER + "field 2 n llvar 19 ascii bdc -", 4,
                "field 2 prefix: unknown encoding 'bdc'"),
            mistake("hex prefix", HEADER + "field 2 n llvar 19 ascii hex -", 4, "needs a length prefix encoding"),
            mistake("unknown padding", HEADER + "field 2 n llvar 19 bcd bcd middle", 4,
                "field 2: unknown padding 'middle'"),
            mistake("text cannot be packed", HEADER + "field 43 ans fixed 40 bcd - -", 4,
                "field 43: data encoding BCD cannot carry content ans"),
            mistake("binary cannot be ascii", HEADER + "field 52 b fixed 8 ascii - -", 4,
                "field 52: data encoding ASCII cannot carry content b"),
            mistake("fixed field with a prefix", HEADER + "field 3 n fixed 6 ascii ascii -", 4,
                "a fixed-length field has no length prefix"),
            mistake("variable field without a prefix", HEADER + "field 2 n llvar 19 ascii - -", 4,
                "needs a length prefix encoding"),
            mistake("too few values", HEADER + "field 2 n llvar 19", 4, "a field line needs"),
            mistake("duplicate field names both lines",
                HEADER + "field 2 n llvar 19 ascii ascii -\n# again\nfield 2 n llvar 19 bcd bcd -", 6,
                "field 2 is already defined on line 4"),
            mistake("omit of a field defined above", HEADER + "field 55 ans lllvar 999 ascii ascii -\nomit 55", 5,
                "field 55 is already defined on line 4"),
            mistake("extends after fields", HEADER + "field 2 n llvar 19 ascii ascii -\nextends iso87-ascii", 5,
                "'extends' must come before the first field line"),
            mistake("unknown base", "dialect acme\nextends iso93-ascii", 2,
                "cannot extend unknown dialect 'iso93-ascii'"),
            mistake("no message type", "dialect acme\nbitmap hex", 0, "no 'message-type' line"),
            mistake("no bitmap", "dialect acme\nmessage-type ascii", 0, "no 'bitmap' line"),
            mistake("message type cannot be binary", "dialect acme\nmessage-type binary\nbitmap hex", 2,
                "message type: encoding 'binary' is not one of ascii, ebcdic, bcd"),
            mistake("bitmap cannot be ascii", "dialect acme\nmessage-type ascii\nbitmap ascii", 3,
                "bitmap: encoding 'ascii' is not one of binary, hex"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void mistakeNamesFileLineAndReason(final String mistake, final String text, final int line, final String reason)
        throws IOException {
        final Path file = directory.resolve("broken.dialect");
        Files.writeString(file, text);
        final DialectFormatException error = assertThrows(DialectFormatException.class, () -> Dialects.load(file));
        assertEquals(file.toString(), error.source());
        assertEquals(line, error.line(), error.getMessage());
        assertTrue(error.getMessage().startsWith(file + ":" + line + ": "), error.getMessage());
        assertTrue(error.getMessage().contains(reason), error.getMessage());
    }

    @Test
    void missingFileSaysWhichFile() {
        final Path missing = directory.resolve("missing.dialect");
        final Exception error = assertThrows(Exception.class, () -> Dialects.load(missing));
        assertTrue(error.getMessage().contains(missing.toString()), error.getMessage());
    }

    private static Arguments mistake(final String mistake, final String text, final int line, final String reason) {
        return Arguments.of(mistake, text, line, reason);
    }

    private Path write(final String name, final String... lines) throws IOException {
        return Files.write(directory.resolve(name), java.util.List.of(lines));
    }
}
