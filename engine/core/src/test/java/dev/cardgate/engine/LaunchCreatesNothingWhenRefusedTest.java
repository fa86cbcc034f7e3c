package dev.cardgate.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.config.EngineConfiguration;

/** A launch that is refused leaves the data folder as it found it: no new token key, no new files. */
@Timeout(60)
class LaunchCreatesNothingWhenRefusedTest {
    private static final String ENVIRONMENT_KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @TempDir
    Path folder;

    @Test
    void aMissingTokenKeyBesideAnExistingBlocklistIsRefusedWithoutMakingAKeyFile() throws Exception {
        final Path data = folder.resolve("data");
        try (AuthorizationEngine engine = AuthorizationEngine.launch(configuration(data).tokenKeyHex(ENVIRONMENT_KEY)
            .build())) {
            assertTrue(Files.exists(engine.configuration().blocklistFile()));
        }
        final List<Path> before = filesIn(data);
        final EngineConfiguration withoutTheKey = configuration(data).build();

        final RuntimeException refused = assertThrows(RuntimeException.class,
            () -> AuthorizationEngine.launch(withoutTheKey).close());

        assertTrue(refused.getMessage().contains("CARDGATE_TOKEN_KEY"), refused.getMessage());
        assertTrue(refused.getMessage().contains(withoutTheKey.blocklistFile().toAbsolutePath().normalize().toString()),
            refused.getMessage());
        assertFalse(Files.exists(withoutTheKey.tokenKeyFile()), "a stray token key was left behind");
        assertTrue(before.equals(filesIn(data)), "files were created: " + filesIn(data) + " was " + before);
    }

    private static EngineConfiguration.Builder configuration(final Path data) {
        return EngineConfiguration.builder().dataDirectory(data).blocklistCapacity(1000).terminalCapacity(1000)
            .journal(journal -> journal.segmentBytes(65_536));
    }

    private static List<Path> filesIn(final Path data) throws Exception {
        try (Stream<Path> files = Files.walk(data)) {
            return files.map(data::relativize).sorted().toList();
        }
    }
}
