package dev.cardgate.engine.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.Await;
import dev.cardgate.engine.rules.RulesReloadReport;

/** Both ends of the control channel on a real folder, with a stand-in for the engine's reload. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ControlWatcherTest {
    @TempDir
    Path dataDirectory;

    @Test
    void answersEachReloadRequestOnItsOwnThreadAndRemovesItsHeartbeatWhenClosed() throws Exception {
        final AtomicInteger reloads = new AtomicInteger();
        final List<String> problems = List.of("rules.conf:3: response code '5x' is not two digits", "a=b: kept whole");
        final Path folder = dataDirectory.resolve("control");
        try (ControlWatcher watcher = ControlWatcher.start(dataDirectory, "test", () -> reloads.incrementAndGet() == 1
            ? new RulesReloadReport(true, 1, "rules from rules.conf: 1 policy", List.of())
            : new RulesReloadReport(false, -1, "refused", problems))) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
            assertTrue(Files.exists(folder.resolve("engine.alive")));

            final RulesReloadReport accepted = RulesReloadClient.reload(dataDirectory, Duration.ofSeconds(10));
            assertTrue(accepted.accepted());
            assertEquals(1, accepted.version());
            assertEquals("rules from rules.conf: 1 policy", accepted.summary());

            final RulesReloadReport refused = RulesReloadClient.reload(dataDirectory, Duration.ofSeconds(10));
            assertFalse(refused.accepted());
            assertEquals(problems, refused.problems());
            try (var left = Files.list(folder)) {
                assertEquals(List.of(folder.resolve("engine.alive")), left.toList(), "requests and answers are gone");
            }
        }
        assertFalse(Files.exists(folder.resolve("engine.alive")));
        assertEquals(2, reloads.get());
    }

    @Test
    void refusesAControlFolderThatGroupOrOthersMayUseAndRewritesARemovedHeartbeat() throws Exception {
        final Path folder = dataDirectory.resolve("control");
        Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
            "rwxrwx---")));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwx---"));
        final UncheckedIOException refused = assertThrows(UncheckedIOException.class,
            () -> ControlWatcher.start(dataDirectory, "test", () -> null));
        assertTrue(refused.getMessage().contains("chmod 700"), refused.getMessage());

        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        try (ControlWatcher watcher = ControlWatcher.start(dataDirectory, "test", () -> null)) {
            final Path heartbeat = folder.resolve("engine.alive");
            Files.delete(heartbeat);
            Await.until("the heartbeat file to be written again", Duration.ofSeconds(10), () -> Files.exists(heartbeat));
        }
    }

    @Test
    void refusesAnUnknownCommandAndIgnoresAFileWithABadName() throws Exception {
        final Path folder = dataDirectory.resolve("control");
        try (ControlWatcher watcher = ControlWatcher.start(dataDirectory, "test", () -> {
            throw new AssertionError("no reload was asked for");
        })) {
            Files.writeString(folder.resolve("bad name!.request"), "rules-reload\n");
            ControlFolder.writeWhole(folder.resolve("op-1.request"), "shutdown\n");
            final Path result = folder.resolve("op-1.result");
            Await.until("the answer to op-1", Duration.ofSeconds(10), () -> Files.exists(result));
            final RulesReloadReport answer = ReloadResultFormat.decode(Files.readString(result));
            assertFalse(answer.accepted());
            assertTrue(answer.problems().get(0).contains("unknown control command 'shutdown'"), answer.problems()
                .toString());
            assertFalse(Files.exists(folder.resolve("bad name!.request")), "taken away, not answered");
            assertFalse(Files.exists(folder.resolve("bad name!.result")));
        }
    }
}
