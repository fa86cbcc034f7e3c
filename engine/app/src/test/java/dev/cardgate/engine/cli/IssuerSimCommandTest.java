package dev.cardgate.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code cardgate issuer-sim}: listens, takes its commands on stdin, refuses a bad configuration. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IssuerSimCommandTest {
    @TempDir
    Path folder;

    @Test
    void listensAndAnswersItsCommandsUntilQuit() throws Exception {
        final Path configuration = Files.writeString(folder.resolve("issuer-sim.conf"),
            "issuer-sim.port = 0\nissuer-sim.decline-over-minor = 500\n");
        final StringWriter out = new StringWriter();
        final InputStream standardInput = System.in;
        System.setIn(new ByteArrayInputStream("status\nlist 1111 14\nquit\n".getBytes(StandardCharsets.UTF_8)));
        final int status;
        try {
            status = new CommandLine(new CardgateCommand()).setOut(new PrintWriter(out, true))
                .execute("issuer-sim", "--config", configuration.toString());
        }
        finally {
            System.setIn(standardInput);
        }
        assertEquals(0, status, out.toString());
        assertTrue(out.toString().contains("issuer simulator listening on 127.0.0.1:"), out.toString());
        assertTrue(out.toString().contains("decline over 500"), out.toString());
        assertTrue(out.toString().contains("listed {1111=14}"), out.toString());
    }

    @Test
    void aBadConfigurationExitsWith2NamingTheKey() throws Exception {
        final Path configuration = Files.writeString(folder.resolve("bad.conf"), "issuer-sim.delay.ms = soon\n");
        final StringWriter out = new StringWriter();
        final int status = new CommandLine(new CardgateCommand()).setOut(new PrintWriter(out, true))
            .execute("issuer-sim", "--config", configuration.toString());
        assertEquals(2, status);
        assertTrue(out.toString().contains("issuer-sim.delay.ms = soon"), out.toString());
    }
}
