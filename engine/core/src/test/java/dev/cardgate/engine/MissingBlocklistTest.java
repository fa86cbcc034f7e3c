package dev.cardgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import dev.cardgate.engine.blocklist.BlockReason;
import dev.cardgate.engine.blocklist.BlocklistEntry;
import dev.cardgate.engine.blocklist.MissingBlocklistException;
import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.terminal.TerminalRegistry;
import dev.cardgate.engine.token.TestPans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A data folder that lost its blocklist does not start with an empty one unless the operator says so. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MissingBlocklistTest {
    private static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @TempDir
    Path dataDirectory;

    private EngineConfiguration configuration(final boolean newBlocklist) {
        return EngineConfiguration.builder().dataDirectory(dataDirectory).engineName("missing-blocklist")
            .ringSize(1024).blocklistCapacity(1_000).tokenKeyHex(KEY).newBlocklist(newBlocklist).build();
    }

    private void serveOnceAndLoseTheBlocklist() throws Exception {
        try (AuthorizationEngine engine = AuthorizationEngine.launch(configuration(false))) {
            engine.blocklist().add(TestPans.VISA, BlockReason.STOLEN, BlocklistEntry.NO_EXPIRY, "CASE-1");
        }
        final Path blocklist = configuration(false).blocklistFile();
        Files.delete(blocklist);
        Files.delete(blocklist.resolveSibling(blocklist.getFileName() + ".meta"));
    }

    @Test
    void refusesToStartWithAnEmptyBlocklistWhereTheOldOneWasLost() throws Exception {
        serveOnceAndLoseTheBlocklist();
        final MissingBlocklistException refused = assertThrows(MissingBlocklistException.class,
            () -> AuthorizationEngine.launch(configuration(false)));
        assertTrue(refused.getMessage().contains("--new-blocklist"), refused.getMessage());
        assertTrue(Files.notExists(configuration(false).blocklistFile()), "nothing was created");
    }

    @Test
    void refusesWhenOnlyATerminalRegistryShowsTheFolderWasUsed() {
        final EngineConfiguration configuration = EngineConfiguration.builder().dataDirectory(dataDirectory)
            .engineName("missing-blocklist").blocklistCapacity(1_000).tokenKeyHex(KEY)
            .journal(journal -> journal.enabled(false)).build();
        try (TerminalRegistry terminals = TerminalRegistry.open(configuration.terminalFile(), 10)) {
            assertEquals(0, terminals.list().size());
        }
        assertThrows(MissingBlocklistException.class, () -> AuthorizationEngine.launch(configuration));
    }

    @Test
    void startsWithANewBlocklistWhenTheOperatorAsksForOne() throws Exception {
        serveOnceAndLoseTheBlocklist();
        try (AuthorizationEngine engine = AuthorizationEngine.launch(configuration(true))) {
            assertEquals(0, engine.blocklist().count());
        }
        try (AuthorizationEngine restarted = AuthorizationEngine.launch(configuration(false))) {
            assertEquals(0, restarted.blocklist().count(), "the new blocklist exists now: no choice is needed again");
        }
    }

    @Test
    void startsAFreshDataFolderWithoutBeingAsked() {
        try (AuthorizationEngine engine = AuthorizationEngine.launch(configuration(false))) {
            assertEquals(0, engine.blocklist().count());
        }
    }
}
