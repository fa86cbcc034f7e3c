package dev.cardgate.codec.dialect;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The built-in dialects, and loading custom ones from files.
 *
 * <ul>
 *   <li>{@code iso87-ascii}: byte-compatible with jPOS {@code ISO87APackager} (characters, hex bitmap);</li>
 *   <li>{@code iso87-binary}: byte-compatible with jPOS {@code ISO87BPackager} (binary bitmap, BCD numerics).</li>
 * </ul>
 */
public final class Dialects {
    public static final String ISO87_ASCII_NAME = "iso87-ascii";
    public static final String ISO87_BINARY_NAME = "iso87-binary";

    public static final Dialect ISO87_ASCII = loadResource(ISO87_ASCII_NAME);
    public static final Dialect ISO87_BINARY = loadResource(ISO87_BINARY_NAME);

    private Dialects() {
    }

    /** The built-in dialect of that name, or null. */
    public static Dialect builtIn(final String name) {
        switch (name) {
            case ISO87_ASCII_NAME:
                return ISO87_ASCII;
            case ISO87_BINARY_NAME:
                return ISO87_BINARY;
            default:
                return null;
        }
    }

    /**
     * A built-in dialect by name, or a custom one read from {@code file}. A custom file may
     * extend a built-in dialect.
     *
     * @throws DialectFormatException naming the file, line and reason
     */
    public static Dialect load(final Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new DialectParser(Dialects::builtIn).parse(file.toString(), reader);
        } catch (final IOException ex) {
            throw new UncheckedIOException("cannot read dialect file " + file + ": " + ex.getMessage(), ex);
        }
    }

    /** A built-in name, or else the path of a dialect file. */
    public static Dialect byNameOrFile(final String nameOrFile) {
        final Dialect builtIn = builtIn(nameOrFile);
        return builtIn != null ? builtIn : load(Path.of(nameOrFile));
    }

    private static Dialect loadResource(final String name) {
        final String resource = name + ".dialect";
        try (InputStream in = Dialects.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in dialect resource " + resource + " is missing from the jar");
            }
            return new DialectParser(other -> null)
                .parse(resource, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (final IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
