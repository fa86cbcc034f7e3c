package dev.cardgate.engine.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Names of segment files ({@code journal-000000000042.seg}: the segment index, twelve digits,
 * so that names sort in journal order) and the listing of a journal folder.
 */
public final class SegmentFiles {
    private static final String PREFIX = "journal-";
    private static final String SUFFIX = ".seg";
    private static final int INDEX_DIGITS = 12;

    private SegmentFiles() {
    }

    /** The file of segment {@code index} in {@code directory}. */
    public static Path segmentPath(final Path directory, final long index) {
        return directory.resolve(PREFIX + String.format("%0" + INDEX_DIGITS + "d", index) + SUFFIX);
    }

    /** The segment index a file name carries, or -1 when it is not a segment's name. */
    public static long indexOf(final Path file) {
        final String name = file.getFileName().toString();
        if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)
            || name.length() != PREFIX.length() + INDEX_DIGITS + SUFFIX.length()) {
            return -1;
        }
        long index = 0;
        for (int i = PREFIX.length(); i < PREFIX.length() + INDEX_DIGITS; i++) {
            final char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            index = index * 10 + (c - '0');
        }
        return index;
    }

    /** The segment files of {@code directory}, in index order; empty when it does not exist. */
    public static List<Path> list(final Path directory) throws IOException {
        final List<Path> segments = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return segments;
        }
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(file -> indexOf(file) >= 0 && Files.isRegularFile(file)).forEach(segments::add);
        }
        segments.sort((a, b) -> Long.compare(indexOf(a), indexOf(b)));
        return segments;
    }
}
