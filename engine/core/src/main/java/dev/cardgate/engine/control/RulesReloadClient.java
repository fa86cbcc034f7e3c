package dev.cardgate.engine.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import dev.cardgate.engine.rules.RulesReloadReport;

/**
 * An operator's side of the control channel: asks the engine running on a data folder to reload
 * its rules file and waits, bounded, for its answer. Checks the engine's heartbeat first, so that
 * "no engine here" is known at once rather than after the whole wait.
 */
public final class RulesReloadClient {
    /** A heartbeat older than this means its engine has stopped (it is renewed every second). */
    static final long HEARTBEAT_STALE_MILLIS = 3_000;
    private static final long RESULT_POLL_MILLIS = 50;

    private RulesReloadClient() {
    }

    /**
     * @return the engine's report: accepted, or refused with every problem
     * @throws NoEngineAnsweredException when no engine runs on {@code dataDirectory} or none
     *                                   answered within {@code timeout}; the request is withdrawn
     * @throws IOException               when the request cannot be written or the answer read
     */
    public static RulesReloadReport reload(final Path dataDirectory, final Duration timeout)
        throws IOException, InterruptedException, NoEngineAnsweredException {
        final Path folder = ControlFolder.of(dataDirectory);
        checkHeartbeat(folder);
        final String id = ProcessHandle.current().pid() + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        final Path request = folder.resolve(id + ControlFolder.REQUEST_SUFFIX);
        final Path result = folder.resolve(id + ControlFolder.RESULT_SUFFIX);
        ControlFolder.writeWhole(request, ControlFolder.RULES_RELOAD + "\n");
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                final String answer = Files.readString(result, StandardCharsets.UTF_8);
                Files.deleteIfExists(result);
                return ReloadResultFormat.decode(answer);
            }
            catch (final NoSuchFileException notYet) {
                Thread.sleep(RESULT_POLL_MILLIS);
            }
        }
        final boolean withdrawn = Files.deleteIfExists(request);
        throw new NoEngineAnsweredException("the engine on " + dataDirectory.toAbsolutePath().normalize()
            + " did not answer within " + timeout.toMillis() + " ms" + (withdrawn ? " (the request is withdrawn)"
            : " (it took the request: its answer may still come, check the engine's log)")
            + "; is it busy or stuck? try again, or with a longer --timeout");
    }

    private static void checkHeartbeat(final Path folder) throws IOException, NoEngineAnsweredException {
        final Path heartbeat = folder.resolve(ControlFolder.HEARTBEAT);
        final long ageMillis;
        try {
            ageMillis = System.currentTimeMillis() - Files.getLastModifiedTime(heartbeat).toMillis();
        }
        catch (final NoSuchFileException absent) {
            throw new NoEngineAnsweredException("no engine is running on the data folder "
                + folder.getParent().toAbsolutePath().normalize() + " (no heartbeat " + heartbeat.getFileName()
                + " in " + folder.getFileName() + "/): start it with `cardgate serve`, or check data.dir in --config");
        }
        if (ageMillis > HEARTBEAT_STALE_MILLIS) {
            throw new NoEngineAnsweredException("no engine is running on the data folder "
                + folder.getParent().toAbsolutePath().normalize() + ": its heartbeat is " + ageMillis / 1000
                + " s old (the engine stopped without closing, or is stuck): start it with `cardgate serve`");
        }
    }
}
