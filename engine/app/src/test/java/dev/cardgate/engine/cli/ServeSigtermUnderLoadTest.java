package dev.cardgate.engine.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.channel.ASCIIChannel;
import org.jpos.iso.packager.ISO87APackager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.frontend.JposMessages;
import dev.cardgate.engine.journal.JournalQuery;
import dev.cardgate.engine.journal.JournalReader;

/**
 * SIGTERM to {@code cardgate serve} (a child JVM, as bin/cardgate runs it) while terminals keep
 * sending: every request it took is answered with its real decision and is in the journal with
 * that answer; none turns 96 because something closed under the draining pipeline, and the log
 * holds no stage failure. Answers are checked against the journal: lost (answered, not
 * journaled, or journaled with another answer) = 0, 96 = 0, journaled but never answered = 0.
 * The stress profile runs it 20 times ({@code mvn -Pstress}).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServeSigtermUnderLoadTest {
    private static final int TERMINALS = 4;
    private static final int ANSWERS_BEFORE_SIGTERM = 3_000;
    private static final String PAN = "4111111111111111";
    private static final int SHUTTING_DOWN_91 = 91;

    @TempDir
    Path folder;

    @Test
    void everyRequestTakenBeforeSigtermIsAnsweredWithItsDecisionAndJournaled() throws Exception {
        final Path dataDirectory = folder.resolve("data");
        final Map<Integer, Integer> answers = new ConcurrentHashMap<>();
        final List<String> printed;
        try (ServeProcess serve = ServeProcess.start(Map.of("CARDGATE_DATA_DIR", dataDirectory.toString(),
            "CARDGATE_ENGINE_NAME", "serve-sigterm"), folder.resolve("serve.err"))) {
            printed = serve.printed;
            final String host = serve.host;
            final int port = serve.port;
            final AtomicInteger answered = new AtomicInteger();
            final CountDownLatch enoughAnswers = new CountDownLatch(1);
            final List<Thread> terminals = new ArrayList<>();
            for (int terminal = 0; terminal < TERMINALS; terminal++) {
                final int firstStan = 1 + terminal * 200_000;
                final Thread thread = new Thread(() -> sendUntilClosed(host, port, firstStan, answers, answered,
                    enoughAnswers), "terminal-" + terminal);
                thread.start();
                terminals.add(thread);
            }
            assertTrue(enoughAnswers.await(60, TimeUnit.SECONDS), "answers before SIGTERM: " + answered.get());
            serve.process.toHandle().destroy();     // SIGTERM; Process.destroy would also close our pipes
            assertTrue(serve.process.waitFor(60, TimeUnit.SECONDS), "serve ends after SIGTERM");
            for (final Thread terminal : terminals) {
                terminal.join(TimeUnit.SECONDS.toMillis(30));
                assertTrue(!terminal.isAlive(), terminal.getName() + " still waits for an answer");
            }
            for (String line = serve.out.readLine(); line != null; line = serve.out.readLine()) {
                printed.add(line);
            }
        }
        final String stopped = printed.get(printed.size() - 1);
        assertTrue(stopped.startsWith("cardgate stopped; ") && stopped.contains("stage.failures=0,"),
            String.join("\n", printed));

        final Map<Integer, Integer> journaled = new HashMap<>();
        new JournalReader(dataDirectory.resolve("journal"), problem -> { throw new AssertionError(problem); })
            .read(JournalQuery.ALL, record -> journaled.put(record.systemTraceAuditNumber(), record.responseCode()));
        final List<String> lost = new ArrayList<>();
        final List<Integer> malfunctions = new ArrayList<>();
        answers.forEach((stan, responseCode) -> {
            if (responseCode == 96) {
                malfunctions.add(stan);
            }
            final Integer recorded = journaled.get(stan);
            if (recorded == null ? responseCode != SHUTTING_DOWN_91 : !recorded.equals(responseCode)) {
                lost.add(stan + " answered " + responseCode + ", journaled " + recorded);
            }
        });
        final List<Integer> unanswered = new ArrayList<>();
        journaled.keySet().forEach(stan -> {
            if (!answers.containsKey(stan)) {
                unanswered.add(stan);
            }
        });
        assertTrue(malfunctions.isEmpty(), malfunctions.size() + " answered 96: " + malfunctions);
        assertTrue(lost.isEmpty(), lost.size() + " answers not journaled as answered: " + lost);
        assertTrue(unanswered.isEmpty(), unanswered.size() + " journaled, never answered: " + unanswered);
        assertTrue(journaled.size() >= ANSWERS_BEFORE_SIGTERM, "journaled " + journaled.size());
        final String errors = Files.readString(folder.resolve("serve.err"));
        assertTrue(!errors.contains("stage failed"), errors);
        assertTrue(errors.contains("engine serve-sigterm closed"), "the engine's last line was logged:\n" + errors);
    }

    /** One terminal: a request, its answer, the next, until the engine closes the connection. */
    private static void sendUntilClosed(final String host, final int port, final int firstStan,
        final Map<Integer, Integer> answers, final AtomicInteger answered, final CountDownLatch enoughAnswers) {
        try {
            final ASCIIChannel channel = new ASCIIChannel(host, port, new ISO87APackager());
            channel.setTimeout(20_000);
            channel.connect();
            for (int stan = firstStan; ; stan++) {
                channel.send(JposMessages.authorization(PAN, stan));
                final ISOMsg answer = channel.receive();
                answers.put(Integer.parseInt(answer.getString(11)), Integer.parseInt(answer.getString(39)));
                if (answered.incrementAndGet() >= ANSWERS_BEFORE_SIGTERM) {
                    enoughAnswers.countDown();
                }
            }
        }
        catch (final IOException | ISOException closed) {
            // the engine stopped reading and closed the connection: the request in flight was not taken
        }
    }
}
