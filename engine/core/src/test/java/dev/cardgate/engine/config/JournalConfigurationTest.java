package dev.cardgate.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalConfigurationTest {
    @TempDir
    Path folder;

    @Test
    void defaultsAreJournalOnBatchAckAfterSyncAnswer96() {
        final JournalConfiguration journal = EngineConfiguration.builder().dataDirectory(Path.of("/srv/cg")).build().journal();
        assertTrue(journal.enabled());
        assertEquals(JournalDurability.BATCH, journal.durability());
        assertTrue(journal.ackAfterSync());
        assertEquals(JournalFailureAnswer.ANSWER_96, journal.onFailure());
        assertEquals(Path.of("/srv/cg/journal"), journal.directory());
        assertNull(journal.archiveDirectory());
    }

    @Test
    void refusesAckAfterSyncWithoutBatchAndABadSegmentSizeNamingTheLine() throws IOException {
        final Path file = folder.resolve("cardgate.properties");
        Files.writeString(file, "journal.durability = interval\njournal.segment.bytes = 1000\n"
            + "journal.on-failure = panic\njournal.retention.archive.dir = old\n");

        final ConfigurationException refused = assertThrows(ConfigurationException.class,
            () -> EngineConfigurationLoader.load(file, Map.of()));

        assertTrue(refused.getMessage().contains("journal.ack-after-sync = true (default): allowed is false when "
            + "journal.durability is interval"), refused.getMessage());
        assertTrue(refused.getMessage().contains("journal.segment.bytes = 1000 (" + file + " line 2)"),
            refused.getMessage());
        assertTrue(refused.getMessage().contains("journal.on-failure = panic (" + file + " line 3): allowed is "
            + "answer-96 or refuse-91"), refused.getMessage());
    }

    @Test
    void environmentSetsJournalKeys() throws IOException {
        final Path file = folder.resolve("cardgate.properties");
        Files.writeString(file, "data.dir = data\njournal.retention.archive.dir = old\n");
        final EngineConfiguration configuration = EngineConfigurationLoader.load(file, Map.of(
            "CARDGATE_JOURNAL_DURABILITY", "none", "CARDGATE_JOURNAL_ACK_AFTER_SYNC", "false",
            "CARDGATE_JOURNAL_ON_FAILURE", "refuse-91"));
        assertEquals(JournalDurability.NONE, configuration.journal().durability());
        assertEquals(JournalFailureAnswer.REFUSE_91, configuration.journal().onFailure());
        assertEquals(Path.of("data", "journal", "old"), configuration.journal().archiveDirectory());
        assertTrue(configuration.toString().contains("journal.durability = none  (environment CARDGATE_JOURNAL_DURABILITY)"));
    }
}
