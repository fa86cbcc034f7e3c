package dev.cardgate.engine.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code key = value} lines of a configuration file, each with its line number. The file
 * must be UTF-8 (a leading byte order mark is skipped) and end with a line end; a line that breaks either rule, or is not of the form
 * {@code key = value}, is a problem naming the file and line. Comment ({@code #}, {@code !}) and
 * blank lines are skipped.
 */
final class ConfigurationFile {
    /** One {@code key = value} line. */
    record Entry(String key, String value, String where) {
    }

    private ConfigurationFile() {
    }

    /** The file's entries in order, or null when it cannot be read; problems are added, never thrown. */
    static List<Entry> read(final Path file, final List<String> problems) {
        final byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        }
        catch (final IOException | RuntimeException failure) {
            problems.add("cannot read configuration file " + file + ": " + failure);
            return null;
        }
        final List<Entry> entries = new ArrayList<>();
        int lineStart = 0;
        int lineNumber = 0;
        while (lineStart < bytes.length) {
            lineNumber++;
            int lineEnd = lineStart;
            while (lineEnd < bytes.length && bytes[lineEnd] != '\n') {
                lineEnd++;
            }
            final String where = file + " line " + lineNumber;
            if (lineEnd == bytes.length) {
                problems.add(where + ": the file ends inside this line (no line end after it), so it may have"
                    + " been cut short; end the file with a line end");
            }
            final String line = decode(bytes, lineStart, lineEnd, where, problems);
            if (line != null) {
                // a byte order mark, as some editors write at the start of a UTF-8 file, is not part of the key
                parseLine((lineNumber == 1 ? stripByteOrderMark(line) : line).trim(), where, entries, problems);
            }
            lineStart = lineEnd + 1;
        }
        return entries;
    }

    private static String stripByteOrderMark(final String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static String decode(final byte[] bytes, final int start, final int end, final String where,
        final List<String> problems) {
        final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        final ByteBuffer line = ByteBuffer.wrap(bytes, start, end - start);
        try {
            return decoder.decode(line).toString();
        }
        catch (final CharacterCodingException notUtf8) {
            final int offset = line.position();
            final String badByte = offset < end ? String.format("0x%02x", bytes[offset] & 0xff) : "a cut-short sequence";
            final int length = notUtf8 instanceof MalformedInputException malformed ? malformed.getInputLength() : 1;
            problems.add(where + ": not UTF-8 text (" + badByte + " at byte " + (offset - start + 1) + " of the line, "
                + length + " byte(s) that no UTF-8 character is made of); save the file as UTF-8");
            return null;
        }
    }

    private static void parseLine(final String line, final String where, final List<Entry> entries,
        final List<String> problems) {
        if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
            return;
        }
        final int equals = line.indexOf('=');
        if (equals <= 0) {
            problems.add(where + ": '" + line + "' is not of the form key = value");
            return;
        }
        entries.add(new Entry(line.substring(0, equals).trim(), line.substring(equals + 1).trim(), where));
    }
}
