package dev.cardgate.engine.blocklist;

import dev.cardgate.engine.token.CardToken;
import dev.cardgate.engine.token.PanTokenizer;
import dev.cardgate.engine.token.TestPans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's JVM holds the map open and reads it while an operator's JVM changes it: each
 * change is seen by the engine's very next lookup, with no reopening or polling.
 */
class TwoProcessBlocklistTest {
    private static final String KEY_HEX = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    @TempDir
    Path directory;

    @Test
    @Timeout(120)
    void changesByAnOperatorProcessAreSeenByTheEnginesNextLookup() throws Exception {
        final Path mapFile = directory.resolve("blocklist.cm");
        final PanTokenizer tokenizer = BlocklistStoreTest.KEY.newTokenizer();
        final long now = System.currentTimeMillis();
        try (BlocklistStore engineStore = BlocklistStore.open(mapFile, 1_000, BlocklistStoreTest.KEY)) {
            final BlocklistLookup lookup = engineStore.newLookup();
            final Process operator = startOperator(mapFile);
            try (BufferedReader replies = new BufferedReader(new InputStreamReader(operator.getInputStream(), StandardCharsets.US_ASCII));
                 PrintWriter commands = new PrintWriter(operator.getOutputStream(), true, StandardCharsets.US_ASCII)) {
                assertEquals("ready", replies.readLine(), () -> childLog());

                assertNull(find(lookup, tokenizer, TestPans.VISA, now));
                commands.println("add " + TestPans.VISA + " STOLEN");
                assertEquals("done ADDED", replies.readLine(), () -> childLog());
                assertEquals(BlockReason.STOLEN, find(lookup, tokenizer, TestPans.VISA, now));

                commands.println("add " + TestPans.MASTERCARD + " LOST");
                assertEquals("done ADDED", replies.readLine(), () -> childLog());
                assertEquals(BlockReason.LOST, find(lookup, tokenizer, TestPans.MASTERCARD, now));

                commands.println("add " + TestPans.VISA + " FRAUD");
                assertEquals("done UPDATED", replies.readLine(), () -> childLog());
                assertEquals(BlockReason.FRAUD, find(lookup, tokenizer, TestPans.VISA, now));

                commands.println("remove " + TestPans.VISA);
                assertEquals("done true", replies.readLine(), () -> childLog());
                assertNull(find(lookup, tokenizer, TestPans.VISA, now));

                engineStore.add(TestPans.VISA_2, BlockReason.CLOSED, BlocklistEntry.NO_EXPIRY, "ENGINE");
                commands.println("count");
                assertEquals("count 2", replies.readLine(), () -> childLog());

                commands.println("exit");
                assertEquals("bye", replies.readLine(), () -> childLog());
            } finally {
                if (!operator.waitFor(30, TimeUnit.SECONDS)) {
                    operator.destroyForcibly();
                }
            }
            assertEquals(0, operator.exitValue(), () -> childLog());
            assertEquals(BlockReason.LOST, find(lookup, tokenizer, TestPans.MASTERCARD, now));
            assertEquals(2, engineStore.count());
        }
    }

    private Process startOperator(final Path mapFile) throws Exception {
        final Path jvmOptions = Path.of("../..", "config", "jvm.options").toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(jvmOptions), "the JVM options argfile is at " + jvmOptions);
        final String java = ProcessHandle.current().info().command().orElseThrow();
        final ProcessBuilder builder = new ProcessBuilder(List.of(java, "@" + jvmOptions,
            "-cp", System.getProperty("java.class.path"), BlocklistOperatorProcess.class.getName(),
            mapFile.toString(), "1000"));
        builder.environment().put("CARDGATE_TOKEN_KEY", KEY_HEX);
        builder.redirectError(directory.resolve("operator.log").toFile());
        return builder.start();
    }

    private String childLog() {
        try {
            return "operator process log:\n" + Files.readString(directory.resolve("operator.log"));
        } catch (final Exception e) {
            return "no operator process log: " + e;
        }
    }

    private static BlockReason find(final BlocklistLookup lookup, final PanTokenizer tokenizer, final String pan,
        final long now) {
        final CardToken token = new CardToken();
        tokenizer.tokenize(pan, token);
        return lookup.find(token.high(), token.low(), now);
    }
}
