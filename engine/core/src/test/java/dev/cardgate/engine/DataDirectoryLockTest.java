package dev.cardgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.counters.CountersFileDescriptor;
import dev.cardgate.engine.counters.CountersFileException;
import dev.cardgate.engine.counters.CountersFileReader;

/**
 * One engine per data folder, by an OS file lock the kernel drops when the engine dies: a second
 * live engine is refused, and a restart after kill -9 is not, at once and in a fresh PID
 * namespace (a container's restart, where the new engine is process 1 as the killed one was).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DataDirectoryLockTest {
    private static final List<String> FRESH_PID_NAMESPACE = List.of("unshare", "-pf", "--mount-proc");
    private static final long HEARTBEAT_DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(30);

    @TempDir
    Path folder;

    @Test
    void aSecondEngineOnTheDataFolderOfALiveOneIsRefusedAndStartsOnceTheFirstHasStopped() {
        final EngineConfiguration configuration = configuration();
        try (AuthorizationEngine first = AuthorizationEngine.launch(configuration)) {
            final UncheckedIOException refused = assertThrows(UncheckedIOException.class,
                () -> AuthorizationEngine.launch(configuration));
            assertTrue(refused.getMessage().contains("the data folder " + dataDirectory().toAbsolutePath()
                + " is in use by the engine in process " + ProcessHandle.current().pid()), refused.getMessage());
            assertTrue(first.authorize("5105105105105100", TestEngines.request(1)).approved(), "the first engine goes on");
        }
        try (AuthorizationEngine second = AuthorizationEngine.launch(configuration)) {
            assertTrue(second.authorize("5105105105105100", TestEngines.request(2)).approved());
        }
    }

    @Test
    void aSecondEngineReachingTheFolderThroughASymbolicLinkIsRefusedAndTheFirstKeepsItsLock() throws Exception {
        final EngineConfiguration configuration = configuration();
        try (AuthorizationEngine first = AuthorizationEngine.launch(configuration)) {
            final Path link = Files.createSymbolicLink(folder.resolve("link"), dataDirectory());
            final EngineConfiguration throughLink = EngineConfiguration.builder().dataDirectory(link)
                .blocklistCapacity(100).terminalCapacity(100).build();
            final UncheckedIOException refused = assertThrows(UncheckedIOException.class,
                () -> AuthorizationEngine.launch(throughLink));
            assertTrue(refused.getMessage().contains("is in use by the engine in process "
                + ProcessHandle.current().pid()), refused.getMessage());
            final Process child = startChild(List.of());
            try {
                assertTrue(firstLine(child).startsWith(LockedEngineProcess.REFUSED),
                    "another process is refused too: the refusal in this JVM did not drop the first engine's lock");
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
                assertEquals(1, child.exitValue());
            }
            finally {
                child.destroyForcibly();
            }
            assertTrue(first.authorize("5105105105105100", TestEngines.request(1)).approved());
        }
    }

    @Test
    void anEngineInAnotherLiveProcessKeepsTheFolderAndTheRefusalNamesThatProcess() throws Exception {
        final Process child = startChild(List.of());
        try {
            assertEquals(LockedEngineProcess.STARTED, firstLine(child));
            final UncheckedIOException refused = assertThrows(UncheckedIOException.class,
                () -> AuthorizationEngine.launch(configuration()));
            assertTrue(refused.getMessage().contains("is in use by the engine in process " + child.pid()),
                refused.getMessage());
            child.getOutputStream().close();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, child.exitValue());
        }
        finally {
            child.destroyForcibly();
        }
    }

    @Test
    void anEngineRestartsAtOnceAfterItsPredecessorWasKilledWithKillNine() throws Exception {
        final Process child = startChild(List.of());
        try {
            assertEquals(LockedEngineProcess.STARTED, firstLine(child));
            awaitHeartbeat();
            killNine(child.pid());
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, child.exitValue(), "killed by SIGKILL");
        }
        finally {
            child.destroyForcibly();
        }
        try (AuthorizationEngine restarted = AuthorizationEngine.launch(configuration())) {
            assertTrue(restarted.authorize("5105105105105100", TestEngines.request(1)).approved());
        }
    }

    @Test
    void anEngineRestartsInAFreshPidNamespaceAfterKillNineThoughItIsProcessOneAgain() throws Exception {
        assumeTrue(unshareWorks(), "`unshare -pf --mount-proc` is not available or not permitted here (it needs "
            + "util-linux and root or user namespaces), so a container's restart cannot be reproduced");
        final Process first = startChild(FRESH_PID_NAMESPACE);
        try {
            assertEquals(LockedEngineProcess.STARTED, firstLine(first));
            awaitHeartbeat();
            final CountersFileReader counters = CountersFileReader.open(countersFile());
            assertEquals(1, counters.processId(), "the engine is process 1 of its namespace");
            // unshare forks the engine as process 1 of the new namespace: kill that one, not unshare
            final ProcessHandle engine = first.toHandle().children().findFirst().orElseThrow();
            killNine(engine.pid());
            assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        }
        finally {
            first.descendants().forEach(ProcessHandle::destroyForcibly);
            first.destroyForcibly();
        }
        final Process second = startChild(FRESH_PID_NAMESPACE);
        try {
            assertEquals(LockedEngineProcess.STARTED, firstLine(second), "the restarted engine, process 1 again, "
                + "took the folder its killed predecessor held");
            second.getOutputStream().close();
            assertTrue(second.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, second.exitValue());
        }
        finally {
            second.descendants().forEach(ProcessHandle::destroyForcibly);
            second.destroyForcibly();
        }
    }

    private Path dataDirectory() {
        return folder.resolve("data");
    }

    private Path countersFile() {
        return dataDirectory().resolve(CountersFileDescriptor.FILE_NAME);
    }

    private EngineConfiguration configuration() {
        return EngineConfiguration.builder().dataDirectory(dataDirectory()).blocklistCapacity(100)
            .terminalCapacity(100).build();
    }

    private Process startChild(final List<String> prefix) throws IOException {
        final Path jvmOptions = Path.of("../..", "config", "jvm.options").toAbsolutePath().normalize();
        final String java = ProcessHandle.current().info().command().orElseThrow();
        final List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(java, "@" + jvmOptions, "-cp", System.getProperty("java.class.path"),
            LockedEngineProcess.class.getName(), dataDirectory().toString()));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** The child's first line: "started", or "refused: " and why; the test's timeout bounds the wait. */
    private static String firstLine(final Process child) throws IOException {
        final BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
            StandardCharsets.US_ASCII));
        final String line = lines.readLine();
        return line == null ? "(no output; exit " + (child.isAlive() ? "pending" : child.exitValue()) + ")" : line;
    }

    /** The killed engine must have published, as the old process-id guard required before it refused. */
    private void awaitHeartbeat() {
        final long deadline = System.nanoTime() + HEARTBEAT_DEADLINE_NANOS;
        while (heartbeat() <= 0) {
            assertTrue(System.nanoTime() - deadline < 0, "the child engine never published its heartbeat");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    private long heartbeat() {
        try {
            return CountersFileReader.heartbeatMillis(CountersFileReader.open(countersFile()).read());
        }
        catch (final CountersFileException notYet) {
            return 0;
        }
    }

    private static void killNine(final long pid) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-KILL", Long.toString(pid)).start().waitFor());
    }

    private static boolean unshareWorks() {
        try {
            final List<String> probe = new ArrayList<>(FRESH_PID_NAMESPACE);
            probe.add("true");
            final Process process = new ProcessBuilder(probe).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        }
        catch (final IOException unavailable) {
            return false;
        }
        catch (final InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
