package dev.cardgate.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The import progress display, on a clock the test moves. */
class ImportProgressPrinterTest {
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void withoutATerminalPrintsAPlainLineEveryTwoSecondsWithRateAndTimeLeft() {
        final ImportProgressPrinter progress = new ImportProgressPrinter(err, false, clock::get);
        clock.set(SECOND);
        progress.advanced(100_000, 0.1);
        assertEquals("", text(), "nothing before two seconds");
        clock.set(2 * SECOND);
        progress.advanced(200_000, 0.25);
        clock.set(3 * SECOND);
        progress.advanced(300_000, 0.3);
        clock.set(4 * SECOND);
        progress.advanced(400_000, 0.5);
        progress.finish();
        assertEquals("progress: 200000 lines (25%), 100000 lines/s, about 0:06 left\n"
            + "progress: 400000 lines (50%), 100000 lines/s, about 0:04 left\n", text());
    }

    @Test
    void onATerminalRedrawsOneLineInPlaceAndEndsIt() {
        final ImportProgressPrinter progress = new ImportProgressPrinter(err, true, clock::get);
        clock.set(SECOND);
        progress.advanced(4096, 0.5);
        clock.set(2 * SECOND);
        progress.advanced(8192, 1.0);
        progress.finish();
        final String text = text();
        assertTrue(text.startsWith("\r[###############               ] 50%  4096 lines  4096 lines/s  0:01 left"), text);
        assertTrue(text.contains("\r[##############################] 100%  8192 lines"), text);
        assertTrue(text.endsWith("\n") && text.indexOf('\n') == text.length() - 1, "one line, ended once: " + text);
    }

    private String text() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
