package dev.cardgate.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.AuthorizationEngine;
import dev.cardgate.engine.Decision;
import dev.cardgate.engine.token.TestPans;

/**
 * The operator commands in a child JVM (as bin/cardgate runs them: the JVM options file, the
 * engine's classes) against an engine running in this JVM: they reach it only through the
 * shared map files and the control folder.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OperatorProcessTest {
    @TempDir
    Path folder;

    @Test
    void aCardBlockedFromAnotherProcessIsDeclinedOnTheEnginesVeryNextRequest() throws Exception {
        final OperatorFixture cardgate = OperatorFixture.in(folder);
        try (AuthorizationEngine engine = AuthorizationEngine.launch(cardgate.engineConfiguration())) {
            assertTrue(engine.authorize(TestPans.VISA, OperatorFixture.purchase(1)).approved());

            final String printed = runCardgate(TestPans.VISA + "\n", 0, "block", "add", "--config", cardgate.config(),
                "--reason", "stolen", "--reference", "CASE-7");
            assertTrue(printed.contains("card      411111******1111"), printed);
            assertFalse(printed.contains(TestPans.VISA), printed);

            final Decision next = engine.authorize(TestPans.VISA, OperatorFixture.purchase(2));
            assertEquals("43", next.responseCodeText());
            assertTrue(engine.authorize(TestPans.MASTERCARD, OperatorFixture.purchase(3)).approved());

            runCardgate(TestPans.VISA + "\n", 0, "block", "remove", "--config", cardgate.config());
            assertTrue(engine.authorize(TestPans.VISA, OperatorFixture.purchase(4)).approved());
        }
    }

    @Test
    void rulesReloadFromAnotherProcessTakesEffectInTheRunningEngine() throws Exception {
        final Path rules = folder.resolve("rules.conf");
        Files.writeString(rules, "accept-currencies 978\n");
        final OperatorFixture cardgate = OperatorFixture.in(folder, "rules.file = " + rules);
        try (AuthorizationEngine engine = AuthorizationEngine.launch(cardgate.engineConfiguration())) {
            assertTrue(engine.authorize(TestPans.VISA, OperatorFixture.purchase(1)).approved());
            Files.writeString(rules, "accept-currencies 840\n");
            final String printed = runCardgate("", 0, "rules", "reload", "--config", cardgate.config());
            assertTrue(printed.contains("accepted: rules version 1"), printed);
            assertFalse(engine.authorize(TestPans.VISA, OperatorFixture.purchase(2)).approved(),
                "978 is no longer accepted");
        }
        runCardgate("", 3, "rules", "reload", "--config", cardgate.config());
    }

    /** Runs cardgate in a child JVM with {@code stdin}; returns what it printed, after checking its exit status. */
    private String runCardgate(final String stdin, final int expectedStatus, final String... arguments)
        throws IOException, InterruptedException {
        final Path home = Path.of("../..").toAbsolutePath().normalize();
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        final List<String> command = new ArrayList<>(List.of(java, "@" + home.resolve("config/jvm.options"),
            "-cp", System.getProperty("java.class.path"), CardgateCommand.class.getName()));
        command.addAll(List.of(arguments));
        final Path output = Files.createTempFile(folder, "cardgate-", ".out");
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
            .start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.US_ASCII));
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "cardgate " + String.join(" ", arguments) + " ends");
        final String printed = Files.readString(output);
        assertEquals(expectedStatus, process.exitValue(), printed);
        return printed;
    }
}
