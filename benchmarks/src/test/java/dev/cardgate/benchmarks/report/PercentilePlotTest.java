package dev.cardgate.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PercentilePlotTest {
    @TempDir
    Path folder;

    @Test
    void drawsOneLinePerRunWithItsNameInTheLegend() throws IOException {
        final Path fast = histogramFile("cardgate-50k", 10, 200);
        final Path slow = histogramFile("jpos-50k", 100, 5_000);

        final Path page = folder.resolve("plot.html");
        PercentilePlot.main(new String[] {page.toString(), "loopback at 50k/s", fast.toString(), slow.toString()});

        final String html = Files.readString(page);
        assertEquals(2, html.split("<polyline").length - 1);
        assertTrue(html.contains(">cardgate-50k</text>"));
        assertTrue(html.contains(">jpos-50k</text>"));
        assertTrue(html.contains(">99.99%</text>"), "the log percentile axis reaches four nines");
        assertTrue(html.contains("<h2>loopback at 50k/s</h2>"));
    }

    @Test
    void readsTheRowsOfAnHgrmFileInOrder() throws IOException {
        final PercentileDistribution run = PercentileDistribution.read(histogramFile("run", 1, 1_000));

        assertEquals("run", run.name());
        final List<double[]> points = run.points();
        assertTrue(points.size() > 10);
        for (int i = 1; i < points.size(); i++) {
            assertTrue(points.get(i)[1] >= points.get(i - 1)[1], "percentiles ascend");
            assertTrue(points.get(i)[0] >= points.get(i - 1)[0], "values ascend");
        }
    }

    @Test
    void refusesAFileWithoutADistribution() throws IOException {
        final Path notHgrm = Files.writeString(folder.resolve("notes.hgrm"), "nothing to see\n");

        final IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
            () -> PercentileDistribution.read(notHgrm));
        assertTrue(refusal.getMessage().contains("notes.hgrm"));
    }

    private Path histogramFile(final String name, final long low, final long high) throws IOException {
        final Histogram histogram = new Histogram(3);
        for (long value = low; value <= high; value++) {
            histogram.recordValue(value);
        }
        final Path file = folder.resolve(name + ".hgrm");
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8)) {
            histogram.outputPercentileDistribution(out, 1.0);
        }
        return file;
    }
}
