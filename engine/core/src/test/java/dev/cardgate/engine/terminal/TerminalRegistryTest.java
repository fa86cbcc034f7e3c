package dev.cardgate.engine.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalRegistryTest {
    @TempDir
    Path folder;

    private static TerminalRecord terminal(final String id) {
        return TerminalRecord.active(id, "MERCHANT0000001", 5411, 276, "EU", "lane", "A920", "2.4.1", false);
    }

    @Test
    void keepsTerminalsAcrossReopeningInAnOwnerOnlyFile() throws IOException {
        final Path file = folder.resolve("terminals.cm");
        try (TerminalRegistry registry = TerminalRegistry.open(file, 100)) {
            registry.add(terminal("TERM0001"));
            registry.setStatus("TERM0001", TerminalStatus.FAULTY);
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (TerminalRegistry reopened = TerminalRegistry.open(file, 100)) {
            final TerminalRecord found = reopened.show("TERM0001").orElseThrow();
            assertEquals(TerminalStatus.FAULTY, found.status());
            assertEquals("MERCHANT0000001", found.merchantId());
            assertEquals("2.4.1", found.softwareVersion());
            assertEquals(List.of(found), reopened.list());
        }
    }

    @Test
    void refusesADuplicateAddAndANewTerminalBeyondCapacity() {
        try (TerminalRegistry registry = TerminalRegistry.open(folder.resolve("terminals.cm"), 2)) {
            registry.add(terminal("TERM0001"));
            assertThrows(IllegalArgumentException.class, () -> registry.add(terminal("TERM0001")));
            registry.add(terminal("TERM0002"));
            final TerminalException full = assertThrows(TerminalException.class, () -> registry.add(terminal("TERM0003")));
            assertTrue(full.getMessage().contains("capacity of 2"), full.getMessage());
            assertFalse(registry.set(terminal("TERM0002")), "replacing an existing one needs no room");
        }
    }

    @Test
    void refusesAFileThatIsNotAChronicleMap() throws IOException {
        final Path file = folder.resolve("terminals.cm");
        Files.writeString(file, "not a map at all, just some text that is long enough to be read");
        final TerminalException refused = assertThrows(TerminalException.class, () -> TerminalRegistry.open(file, 10));
        assertTrue(refused.getMessage().contains("is not a Chronicle Map file"), refused.getMessage());
    }

    @Test
    void importsTheSampleFile() {
        try (TerminalRegistry registry = TerminalRegistry.open(folder.resolve("terminals.cm"), 100)) {
            final TerminalImportReport report = registry.importFile(Path.of("../..", "config", "terminals-sample.csv"));
            assertEquals(5, report.added());
            assertEquals(TerminalStatus.FAULTY, registry.show("FUEL0001").orElseThrow().status());
            assertTrue(registry.show("TERM0002").orElseThrow().signOnRequired());
        }
    }

    @Test
    void anImportReportsProgressAndLeavesTerminalsWithTheSameSettingsUnchanged() {
        final Path sample = Path.of("../..", "config", "terminals-sample.csv");
        try (TerminalRegistry registry = TerminalRegistry.open(folder.resolve("terminals.cm"), 100)) {
            final List<Double> fractions = new ArrayList<>();
            registry.importFile(sample, (done, fraction) -> fractions.add(fraction));
            assertEquals(List.of(1.0), fractions);
            final TerminalImportReport again = registry.importFile(sample);
            assertEquals(0, again.added());
            assertEquals(0, again.replaced());
            assertEquals(5, again.unchanged());
        }
    }

    @Test
    void anImportWithBadLinesChangesNothingAndNamesEachLine() throws IOException {
        final Path csv = folder.resolve("bad.csv");
        Files.writeString(csv, String.join("\n",
            "# header",
            "TERM0001,MERCHANT0000001,5411,276,EU,lane,active,A920,2.4.1,no",
            "TERM0002,MERCHANT0000001,54x1,276,EU,lane,active,A920,2.4.1,no",
            "TERM0003,MERCHANT0000001,5411,276,EU,lane,broken,A920,2.4.1,no",
            "TERM0004,MERCHANT0000001,5411,276,EU,lane,active,A920",
            "TERM0001,MERCHANT0000001,5411,276,EU,lane,active,A920,2.4.1,maybe"));
        try (TerminalRegistry registry = TerminalRegistry.open(folder.resolve("terminals.cm"), 100)) {
            final TerminalImportException refused = assertThrows(TerminalImportException.class,
                () -> registry.importFile(csv));
            assertEquals(4, refused.problems().size(), refused.getMessage());
            assertTrue(refused.problems().get(0).contains("bad.csv:3: merchant category code '54x1'"));
            assertTrue(refused.problems().get(1).contains("bad.csv:4: status 'broken'"));
            assertTrue(refused.problems().get(2).contains("bad.csv:5: has 8 columns"));
            assertTrue(refused.problems().get(3).contains("bad.csv:6: signOnRequired 'maybe'"));
            assertTrue(refused.problems().get(3).contains("listed already on line 2"));
            assertEquals(0, registry.count());
        }
    }

    @Test
    void theDecisionThreadsLookupRecordsHeardSignOnAndSuspension() {
        try (TerminalRegistry registry = TerminalRegistry.open(folder.resolve("terminals.cm"), 100)) {
            registry.add(terminal("TERM0001"));
            final TerminalLookup lookup = registry.newLookup();
            final long key = AsciiCodes.pack("TERM0001");
            lookup.recordHeard(key, 1_234, TerminalLookup.SIGNED_ON);
            assertTrue(registry.show("TERM0001").orElseThrow().signedOn());
            assertEquals(1_234, registry.show("TERM0001").orElseThrow().lastHeardEpochMillis());
            lookup.suspend(key);
            final StoredTerminal stored = new StoredTerminal();
            assertTrue(lookup.find(key, stored));
            assertEquals(TerminalStatus.SUSPENDED, stored.statusOrNull());
            assertFalse(lookup.find(AsciiCodes.pack("NOSUCH"), stored));
        }
    }
}
