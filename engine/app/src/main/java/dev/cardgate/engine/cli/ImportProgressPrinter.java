package dev.cardgate.engine.cli;

import java.io.PrintStream;
import java.util.function.Function;
import java.util.function.LongSupplier;

import dev.cardgate.engine.files.ImportProgress;

/**
 * Shows an import's progress on standard error: on a terminal, one line redrawn in place
 * ({@code \r}) with a bar, the rate and the time left; otherwise (a log, a pipe) a plain line
 * every two seconds, since carriage returns make a mess of logs.
 */
final class ImportProgressPrinter implements ImportProgress {
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final long PLAIN_LINE_NANOS = 2_000_000_000L;
    private static final int BAR_WIDTH = 30;

    private final PrintStream err;
    private final boolean redrawInPlace;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private long lastShownNanos;
    private boolean drawn;

    ImportProgressPrinter(final PrintStream err, final boolean redrawInPlace, final LongSupplier nanoClock) {
        this.err = err;
        this.redrawInPlace = redrawInPlace;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        this.lastShownNanos = startNanos;
    }

    /**
     * Runs {@code importing} with progress shown on standard error (redrawn in place when the
     * process runs on a terminal), and ends the progress line however it ends.
     */
    static <T> T showWhile(final Function<ImportProgress, T> importing) {
        final ImportProgressPrinter progress = new ImportProgressPrinter(System.err, System.console() != null,
            System::nanoTime);
        try {
            return importing.apply(progress);
        }
        finally {
            progress.finish();
        }
    }

    @Override
    public void advanced(final long linesDone, final double fractionDone) {
        final long now = nanoClock.getAsLong();
        if (now - lastShownNanos < (redrawInPlace ? REDRAW_NANOS : PLAIN_LINE_NANOS)) {
            return;
        }
        lastShownNanos = now;
        final double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        final long rate = Math.round(linesDone / seconds);
        final double fraction = Math.max(0, Math.min(1, fractionDone));
        final String left = fraction > 0 ? formatSeconds(Math.round(seconds * (1 - fraction) / fraction)) : "?";
        final int percent = (int)Math.floor(fraction * 100);
        if (redrawInPlace) {
            final int filled = (int)Math.round(fraction * BAR_WIDTH);
            err.print("\r[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + percent + "%  "
                + linesDone + " lines  " + rate + " lines/s  " + left + " left   ");
            drawn = true;
        }
        else {
            err.println("progress: " + linesDone + " lines (" + percent + "%), " + rate + " lines/s, about " + left
                + " left");
        }
        err.flush();
    }

    /** Ends the redrawn line, so that what follows starts on a line of its own. */
    void finish() {
        if (drawn) {
            err.println();
            drawn = false;
        }
    }

    private static String formatSeconds(final long seconds) {
        return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
            : String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
