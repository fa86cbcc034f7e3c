package dev.cardgate.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jpos.iso.ISOMsg;
import org.jpos.iso.channel.ASCIIChannel;
import org.jpos.iso.packager.ISO87APackager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cardgate serve} in a child JVM, as bin/cardgate runs it (cardgate.home set, the shipped
 * configuration, the JVM options file): it creates its data folder and token key, prints where it
 * listens and where its files are, answers a jPOS terminal, and on SIGTERM stops cleanly.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ServeCommandTest {
    private static final Pattern LISTENING = Pattern.compile("cardgate listening on ([0-9.]+):(\\d+) .*");

    @TempDir
    Path folder;

    @Test
    void servesTheShippedConfigurationAndStopsCleanlyOnSigterm() throws Exception {
        final Path home = Path.of("../..").toAbsolutePath().normalize();
        final Path dataDirectory = folder.resolve("fresh-data");
        final Process serve = startServe(home, dataDirectory);
        final List<String> printed = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(),
            StandardCharsets.UTF_8))) {
            Matcher listening = null;
            while (listening == null) {
                final String line = out.readLine();
                assertNotNull(line, "serve ended before listening: " + printed);
                printed.add(line);
                final Matcher candidate = LISTENING.matcher(line);
                listening = candidate.matches() ? candidate : null;
            }
            readUntil(out, printed, "stop with SIGTERM");
            final String text = String.join("\n", printed);
            assertTrue(text.contains("dialect   iso87-ascii"), text);
            assertTrue(text.contains("framing   ascii-4 length header, no TPDU"), text);
            assertTrue(text.contains("data      " + dataDirectory), text);
            assertTrue(text.contains("rules     " + home.resolve("config/rules.conf")), text);
            assertTrue(text.contains("terminals unregistered ones let through (terminal.unknown = allow), "
                + "sign-on as registered"), text);
            assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dataDirectory.resolve("token.key"))));

            final ASCIIChannel terminal = new ASCIIChannel(listening.group(1), Integer.parseInt(listening.group(2)),
                new ISO87APackager());
            terminal.setTimeout(10_000);
            terminal.connect();
            final ISOMsg echo = new ISOMsg("0800");
            echo.set(11, "000001");
            echo.set(41, "TERM0001");
            echo.set(70, "301");
            terminal.send(echo);
            assertEquals("00", terminal.receive().getString(39));
            terminal.disconnect();

            serve.toHandle().destroy();             // SIGTERM; Process.destroy would also close our pipes
            assertTrue(serve.waitFor(30, TimeUnit.SECONDS), "serve ends after SIGTERM");
            assertEquals(0, serve.exitValue(), "a clean stop exits 0, not 143");
            readUntil(out, printed, "cardgate stopped");
        }
        final String text = String.join("\n", printed);
        assertTrue(text.contains("cardgate stopping"), text);
        assertFalse(text.contains("left unanswered"), text);
        assertTrue(text.contains("network-management=1"), text);
    }

    private Process startServe(final Path home, final Path dataDirectory) throws IOException {
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        final ProcessBuilder builder = new ProcessBuilder(List.of(java, "@" + home.resolve("config/jvm.options"),
            "-D" + ConfigurationOption.HOME_PROPERTY + "=" + home, "-cp", System.getProperty("java.class.path"),
            CardgateCommand.class.getName(), "serve"));
        builder.environment().put("CARDGATE_DATA_DIR", dataDirectory.toString());
        builder.environment().put("CARDGATE_FRONTEND_PORT", "0");
        builder.redirectError(folder.resolve("serve.err").toFile());
        return builder.start();
    }

    private static void readUntil(final BufferedReader out, final List<String> printed, final String prefix)
        throws IOException {
        String line;
        do {
            line = out.readLine();
            assertNotNull(line, "output ended before a line starting '" + prefix + "': " + printed);
            printed.add(line);
        }
        while (!line.startsWith(prefix));
    }
}
