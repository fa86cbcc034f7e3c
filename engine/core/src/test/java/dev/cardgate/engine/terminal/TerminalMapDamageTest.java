package dev.cardgate.engine.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged registry entry is never believed: not while serving, not at the next open. */
class TerminalMapDamageTest {
    @TempDir
    Path folder;

    @Test
    void declinesAndRefusesATerminalWhoseEntryWasDamaged() throws IOException {
        final Path file = folder.resolve("terminals.cm");
        try (TerminalRegistry registry = TerminalRegistry.open(file, 100)) {
            registry.add(TerminalRecord.active("TERM0001", "MERCHANT0000001", 5411, 276, "EU", "lane", "A920", "2.4.1",
                false));
            final TerminalLookup lookup = registry.newLookup();
            final StoredTerminal into = new StoredTerminal();
            assertTrue(lookup.find(AsciiCodes.pack("TERM0001"), into));
            damageMerchantCategory(file);
            assertThrows(IllegalStateException.class, () -> lookup.find(AsciiCodes.pack("TERM0001"), into));
            lookup.recordHeard(AsciiCodes.pack("TERM0001"), 1L, TerminalLookup.SIGN_ON_UNCHANGED);
            assertEquals(2, registry.damage().findings(), "the rewrite found the damage too and wrote nothing");
            assertTrue(registry.damage().problemOrNull().contains("terminal registry"));
        }
        final TerminalException refused = assertThrows(TerminalException.class, () -> TerminalRegistry.open(file, 100));
        assertTrue(refused.getMessage().contains("is damaged: an entry's checksum"), refused.getMessage());
    }

    private static void damageMerchantCategory(final Path file) throws IOException {
        final byte[] bytes = Files.readAllBytes(file);
        // merchant category 5411 then country 276, int32 little-endian, as StoredTerminal lays them out
        final byte[] merchant = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(5411).putInt(276).array();
        int at = -1;
        for (int i = 0; i <= bytes.length - merchant.length && at < 0; i++) {
            if (java.util.Arrays.equals(bytes, i, i + merchant.length, merchant, 0, merchant.length)) {
                at = i;
            }
        }
        assertTrue(at > 0, "the merchant category and country are in the file");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {0x24}), at); // 5411 becomes 5412
        }
    }
}
