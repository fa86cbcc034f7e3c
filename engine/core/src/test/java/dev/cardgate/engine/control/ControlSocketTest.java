package dev.cardgate.engine.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.rules.RulesReloadReport;

/** Both ends of the control socket on a real folder, with a stand-in for the engine's requests. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ControlSocketTest {
    @TempDir
    Path dataDirectory;

    @Test
    void answersEachRequestOfAConnectionInOrderAndRemovesTheSocketWhenClosed() throws Exception {
        final Path socket = dataDirectory.resolve("control").resolve(ControlSocket.SOCKET_NAME);
        try (ControlWatcher watcher = ControlWatcher.start(dataDirectory, "test",
            () -> new RulesReloadReport(true, 1, "", List.of()),
            request -> Map.of("status", "ok", "echo", request.get("text")))) {
            assertTrue(Files.exists(socket));
            try (ControlClient client = ControlClient.connectIfRunning(dataDirectory)) {
                for (final String text : List.of("one", "line\nbreak \u001b[2J \u00e9", "\"quoted\" \\")) {
                    final Map<String, String> answer = client.call(Map.of("command", "echo", "text", text));
                    assertTrue(ControlClient.isOk(answer));
                    assertEquals(text, answer.get("echo"));
                }
            }
        }
        assertFalse(Files.exists(socket));
        assertNull(ControlClient.connectIfRunning(dataDirectory), "no engine: the command opens the files");
    }

    @Test
    void aLineThatIsNotAControlMessageIsAnsweredAsBadInputAndTheConnectionGoesOn() throws Exception {
        final ControlRequests requests = request -> Map.of("status", "ok");
        try (ControlWatcher watcher = ControlWatcher.start(dataDirectory, "test",
            () -> new RulesReloadReport(true, 1, "", List.of()), requests);
            ControlClient client = ControlClient.connectIfRunning(dataDirectory)) {
            assertEquals(Map.of("status", "ok"), client.call(Map.of("command", "x")));
            final Map<String, String> nested = ControlMessages.decode(ControlMessages.encode(Map.of("a", "b")));
            assertEquals(Map.of("a", "b"), nested);
            assertTrue(assertThrowsIo("[1]"));
            assertTrue(assertThrowsIo("{\"a\":1}"));
        }
    }

    private static boolean assertThrowsIo(final String line) {
        try {
            ControlMessages.decode(line);
            return false;
        }
        catch (final java.io.IOException expected) {
            return true;
        }
    }
}
