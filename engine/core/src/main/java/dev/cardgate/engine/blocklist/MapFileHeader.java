package dev.cardgate.engine.blocklist;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Checks that an existing file starts like a Chronicle Map 3 file before Chronicle opens it:
 * given a file whose header is not marked complete, Chronicle waits a minute for its creator
 * before failing, and given other garbage it may fail obscurely.
 *
 * <p>It opens and closes its own descriptor of the file; closing a descriptor drops every POSIX
 * lock the process holds on the file, including Chronicle's shared lock of a map open in this
 * JVM, so it must not be called on a map this JVM has open.
 *
 * <p>Chronicle Map 3 file start (its spec, "memory layout"): bytes 0..7 a checksum of the header,
 * bytes 8..11 a little-endian size word (positive once the header is complete; its low 30 bits
 * the header's length), then the header itself, a text (YAML-like) description of the map that
 * starts with the map's class.
 */
final class MapFileHeader {
    private static final int SIZE_WORD_OFFSET = 8;
    private static final int HEADER_OFFSET = 12;
    private static final int SIZE_MASK = (1 << 30) - 1;
    private static final String HEADER_START = "!net.openhft.chronicle.map.VanillaChronicleMap";

    private MapFileHeader() {
    }

    /**
     * @throws BlocklistException when {@code mapFile} is not a complete Chronicle Map file
     */
    static void check(final Path mapFile) throws IOException {
        final ByteBuffer start = ByteBuffer.allocate(HEADER_OFFSET + HEADER_START.length()).order(ByteOrder.LITTLE_ENDIAN);
        final long fileSize;
        try (FileChannel channel = FileChannel.open(mapFile, StandardOpenOption.READ)) {
            fileSize = channel.size();
            while (start.hasRemaining() && channel.read(start, start.position()) >= 0) {
                // read until full or end of file
            }
        }
        if (start.hasRemaining()) {
            throw notAMap(mapFile, "it has " + fileSize + " bytes, too few for a Chronicle Map file");
        }
        final String headerStart = new String(start.array(), HEADER_OFFSET, HEADER_START.length(),
            StandardCharsets.ISO_8859_1);
        if (!HEADER_START.equals(headerStart)) {
            throw notAMap(mapFile, "it does not start with a Chronicle Map header");
        }
        final int sizeWord = start.getInt(SIZE_WORD_OFFSET);
        if (sizeWord <= 0) {
            throw new BlocklistException("the blocklist map file " + mapFile + " has a header not marked complete: "
                + "the process creating it stopped before finishing, or the file is damaged; restore it from a "
                + "backup, or move it and its sidecar away to start with an empty blocklist");
        }
        if ((sizeWord & SIZE_MASK) > fileSize - HEADER_OFFSET) {
            throw notAMap(mapFile, "its header claims " + (sizeWord & SIZE_MASK) + " bytes but the file has "
                + fileSize + ": it is truncated or damaged");
        }
    }

    private static BlocklistException notAMap(final Path mapFile, final String why) {
        return new BlocklistException("the blocklist map file " + mapFile + " is damaged or not a cardgate "
            + "blocklist: " + why + "; check the configured path, restore the file from a backup, or move it "
            + "and its sidecar away to start with an empty blocklist");
    }
}
