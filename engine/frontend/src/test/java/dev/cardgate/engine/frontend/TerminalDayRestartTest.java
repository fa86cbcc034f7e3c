package dev.cardgate.engine.frontend;

import static dev.cardgate.engine.frontend.TerminalDayMessages.exchange;
import static dev.cardgate.engine.frontend.TerminalDayMessages.financial;
import static dev.cardgate.engine.frontend.TerminalDayMessages.referring;
import static dev.cardgate.engine.frontend.TerminalDayMessages.settlement;
import static dev.cardgate.engine.frontend.TerminalDayMessages.signOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jpos.iso.BaseChannel;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.packager.ISO87APackager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.codec.dialect.Dialects;
import dev.cardgate.codec.framing.LengthHeader;
import dev.cardgate.engine.AuthorizationEngine;
import dev.cardgate.engine.batch.OpenBatch;
import dev.cardgate.engine.batch.TerminalBatchReport;
import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.event.TerminalTotals;
import dev.cardgate.engine.event.TransactionKind;
import dev.cardgate.engine.frontend.JposMessages.ChannelKind;
import dev.cardgate.engine.journal.JournalQuery;
import dev.cardgate.engine.journal.JournalReader;

/**
 * kill -9 in the middle of a terminal's day: the restarted engine has rebuilt, from the journal,
 * the open batch's totals, the settlement's 95 and the upload begun, the sales a void may name and
 * the pre-authorization's hold, so the terminal finishes its day as if nothing had happened.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TerminalDayRestartTest {
    private static final String TERMINAL = "TERM0001";
    private static final int CHILD_DEADLINE_SECONDS = 60;

    @TempDir
    Path dataDirectory;

    @Test
    void batchTotalsUploadStateAndHoldsAreRebuiltAfterKillNine() throws Exception {
        firstHalfOfTheDayThenKill();
        final OpenBatch afterCrash = TerminalBatchReport.read(dataDirectory.resolve("journal"), TERMINAL,
            EngineConfiguration.builder().build().terminalDay(), System.currentTimeMillis(), problem -> {
                throw new AssertionError(problem);
            });
        assertEquals(OpenBatch.State.UPLOADED, afterCrash.state());
        assertEquals(1, afterCrash.holdCount());
        assertEquals(5_000, afterCrash.holdAmount());
        assertEquals(3, afterCrash.currencies().get(0).total(TerminalTotals.DEBITS_COUNT));
        assertEquals(3_700, afterCrash.currencies().get(0).total(TerminalTotals.DEBITS_AMOUNT));

        try (AuthorizationEngine engine = TestFrontEnds.launchEngine(dataDirectory,
            settings -> settings.terminalDay(day -> day.completionMessageType(200)));
            FrontEnd frontEnd = FrontEnd.start(engine, TestFrontEnds.frontEnd(Dialects.ISO87_ASCII_NAME,
                LengthHeader.ASCII_4, false))) {
            final BaseChannel terminal = ChannelKind.ASCII_CHANNEL.connect("127.0.0.1",
                frontEnd.localAddress().getPort(), new ISO87APackager());
            try {
                secondHalfOfTheDay(terminal);
            }
            finally {
                terminal.disconnect();
            }
        }
        final List<TransactionKind> kinds = new ArrayList<>();
        new JournalReader(dataDirectory.resolve("journal"), problem -> { throw new AssertionError(problem); })
            .read(JournalQuery.ALL, record -> {
                if (record.systemTraceAuditNumber() == 20 && record.event().messageTypeIndicator() == 200) {
                    kinds.add(record.event().transactionKind());
                }
            });
        assertEquals(List.of(TransactionKind.COMPLETION), kinds,
            "the 0200 naming the 0100 found its hold again, so it completed it rather than being a sale");
    }

    private void firstHalfOfTheDayThenKill() throws Exception {
        final String java = ProcessHandle.current().info().command().orElseThrow();
        final Path jvmOptions = Path.of("../..", "config", "jvm.options").toAbsolutePath().normalize();
        final Process child = new ProcessBuilder(List.of(java, "@" + jvmOptions, "-cp",
            System.getProperty("java.class.path"), TerminalDayServerProcess.class.getName(), dataDirectory.toString()))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
        CompletableFuture.delayedExecutor(CHILD_DEADLINE_SECONDS, TimeUnit.SECONDS).execute(child::destroyForcibly);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
            StandardCharsets.US_ASCII))) {
            final int port = Integer.parseInt(lines.readLine().trim());
            final BaseChannel terminal = ChannelKind.ASCII_CHANNEL.connect("127.0.0.1", port, new ISO87APackager());
            try {
                assertEquals("00", exchange(terminal, signOn(1, TERMINAL)).getString(39));
                assertEquals("00", exchange(terminal, financial("0200", "000000", 2, 1_000, TERMINAL)).getString(39));
                assertEquals("00", exchange(terminal, financial("0200", "000000", 3, 2_000, TERMINAL)).getString(39));
                assertEquals("00", exchange(terminal, financial("0220", "000000", 8, 700, TERMINAL)).getString(39));
                assertEquals("00", exchange(terminal, financial("0200", "200000", 7, 500, TERMINAL)).getString(39));
                assertEquals("00", exchange(terminal, financial("0100", "000000", 9, 5_000, TERMINAL)).getString(39));
                assertEquals("95", exchange(terminal, settlement(10, TERMINAL, 9, 9_000, 0, 0, 0, 0)).getString(39));
                assertEquals("00", exchange(terminal, financial("0320", "000000", 2, 1_000, TERMINAL)).getString(39));
            }
            finally {
                terminal.disconnect();
            }
            assertEquals(0, new ProcessBuilder("kill", "-KILL", Long.toString(child.pid())).start().waitFor());
        }
        finally {
            child.destroyForcibly();
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
    }

    private static void secondHalfOfTheDay(final BaseChannel terminal) throws Exception {
        final ISOMsg voided = exchange(terminal, referring(financial("0200", "020000", 11, 2_000, TERMINAL), "0200", 3));
        assertEquals("00", voided.getString(39), "the sale before the crash is found again");
        assertEquals("00", exchange(terminal, financial("0320", "020000", 3, 2_000, TERMINAL)).getString(39),
            "the upload begun before the crash goes on");
        assertEquals("00", exchange(terminal, financial("0320", "000000", 8, 700, TERMINAL)).getString(39));
        assertEquals("00", exchange(terminal, financial("0320", "200000", 7, 500, TERMINAL)).getString(39));
        assertEquals("00", exchange(terminal, referring(financial("0200", "000000", 20, 4_000, TERMINAL), "0100", 9))
            .getString(39));
        assertEquals("00", exchange(terminal, financial("0320", "000000", 20, 4_000, TERMINAL)).getString(39));
        // uploaded: debits 1000 + 2000 + 700 + 4000, of which 2000 voided; a refund of 500
        assertEquals("00", exchange(terminal, settlement(21, TERMINAL, 4, 7_700, 1, 500, 1, 2_000)).getString(39));
    }
}
