package dev.cardgate.engine.terminal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import dev.cardgate.engine.files.OwnerOnlyFiles;
import net.openhft.chronicle.hash.serialization.SizeMarshaller;
import net.openhft.chronicle.map.ChronicleMap;

/**
 * Opens or creates the registry's Chronicle Map file: created empty and owner-only before
 * Chronicle initialises it; an existing file must start like a complete Chronicle Map file
 * (Chronicle itself would wait a minute on an incomplete header, or fail obscurely on garbage),
 * hold cardgate terminals and pass {@link TerminalMapVerifier}'s check of every entry. Entries
 * carry Chronicle's checksum of key and value, verified again on every read by {@link TerminalLookup}. Failures are {@link TerminalException}s that say what to do.
 */
final class TerminalMapFiles {
    static final String MAP_NAME = "cardgate-terminals";
    private static final int SIZE_WORD_OFFSET = 8;
    private static final int HEADER_OFFSET = 12;
    private static final String HEADER_START = "!net.openhft.chronicle.map.VanillaChronicleMap";

    private TerminalMapFiles() {
    }

    /**
     * @param openInThisJvm true when this JVM has the file open already: its header is then not
     *                      re-read, since closing a second descriptor of the file would drop
     *                      Chronicle's POSIX lock on it
     */
    static ChronicleMap<TerminalMapKey, StoredTerminal> open(final Path mapFile, final long capacity,
        final boolean openInThisJvm) {
        final ChronicleMap<TerminalMapKey, StoredTerminal> map;
        try {
            Files.createDirectories(mapFile.toAbsolutePath().getParent());
            if (Files.exists(mapFile) && Files.size(mapFile) > 0) {
                if (!openInThisJvm) {
                    checkHeader(mapFile);
                }
            }
            else {
                OwnerOnlyFiles.createEmptyIfAbsent(mapFile);
            }
            map = ChronicleMap.of(TerminalMapKey.class, StoredTerminal.class)
                .name(MAP_NAME)
                .keyMarshallers(TerminalMapKeyMarshaller.INSTANCE, TerminalMapKeyMarshaller.INSTANCE)
                .keySizeMarshaller(SizeMarshaller.constant(TerminalMapKey.SIZE_BYTES))
                .constantKeySizeBySample(new TerminalMapKey())
                .valueMarshallers(StoredTerminalMarshaller.INSTANCE, StoredTerminalMarshaller.INSTANCE)
                .valueSizeMarshaller(SizeMarshaller.constant(StoredTerminal.SIZE_BYTES))
                .constantValueSizeBySample(new StoredTerminal())
                .entries(capacity)
                .checksumEntries(true)
                // closed by its owner after the engine has drained, not by Chronicle's JVM exit hook
                .skipCloseOnExitHook(true)
                .createPersistedTo(mapFile.toFile());
        }
        catch (final TerminalException refused) {
            throw refused;
        }
        catch (final IOException | RuntimeException | AssertionError | InternalError failure) {
            throw new TerminalException("the terminal registry file " + mapFile + " cannot be opened (" + failure
                + "): restore it from a backup, or move it away and re-import the terminals", failure);
        }
        if (map.keyClass() != TerminalMapKey.class || map.valueClass() != StoredTerminal.class) {
            final String types = map.keyClass().getName() + " to " + map.valueClass().getName();
            map.close();
            throw new TerminalException("the file " + mapFile + " is a Chronicle Map of " + types
                + ", not a cardgate terminal registry: check terminal.file");
        }
        try {
            TerminalMapVerifier.verify(map, mapFile);
        } catch (final TerminalException damaged) {
            map.close();
            throw damaged;
        }
        return map;
    }

    private static void checkHeader(final Path mapFile) throws IOException {
        final ByteBuffer start = ByteBuffer.allocate(HEADER_OFFSET + HEADER_START.length())
            .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        try (FileChannel channel = FileChannel.open(mapFile, StandardOpenOption.READ)) {
            while (start.hasRemaining() && channel.read(start, start.position()) >= 0) {
                // read until full or end of file
            }
        }
        final String headerStart = new String(start.array(), HEADER_OFFSET, HEADER_START.length(),
            StandardCharsets.ISO_8859_1);
        if (start.hasRemaining() || !HEADER_START.equals(headerStart)) {
            throw new TerminalException("the terminal registry file " + mapFile + " is not a Chronicle Map file: "
                + "check terminal.file, restore the file from a backup, or move it away and re-import the terminals");
        }
        if (start.getInt(SIZE_WORD_OFFSET) <= 0) {
            throw new TerminalException("the terminal registry file " + mapFile + " has a header not marked "
                + "complete: its creation was interrupted or it is damaged; restore it from a backup, or move it "
                + "away and re-import the terminals");
        }
    }
}
