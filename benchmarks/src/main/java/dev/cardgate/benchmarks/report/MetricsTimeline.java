package dev.cardgate.benchmarks.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import javax.imageio.ImageIO;

import dev.cardgate.benchmarks.load.CardMix;
import dev.cardgate.benchmarks.load.LoadGenerator;
import dev.cardgate.engine.AuthorizationEngine;
import dev.cardgate.engine.blocklist.BlockReason;
import dev.cardgate.engine.blocklist.BlocklistEntry;
import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.frontend.FrontEnd;
import dev.cardgate.engine.metrics.EngineReadiness;
import dev.cardgate.engine.metrics.MetricsHttpEndpoint;

/**
 * What the Prometheus metrics show over a load run, drawn as Prometheus and the dashboard would
 * compute them: an engine with its front-end and {@code /metrics} in this JVM, the load
 * generator at rising offered rates (a 5% share of blocklisted and 5% of invalid cards), a
 * scrape each second, and from consecutive scrapes the answers and declines per second
 * ({@code rate} of the counters), the round trip's p50 and p99 (the histogram's bucket deltas
 * over the last five scrapes, interpolated as {@code histogram_quantile} does), the ring
 * occupancy and the heap. Writes a
 * PNG and the series as TSV.
 *
 * <pre>
 * java @config/jvm.options -cp benchmarks/target/benchmarks.jar dev.cardgate.benchmarks.report.MetricsTimeline \
 *     --rates 500,1000,2000,4000 --seconds 10 --out benchmarks/results
 * </pre>
 */
public final class MetricsTimeline {
    private static final long SCRAPE_MILLIS = 1_000;
    /**
     * Scrapes the quantiles are taken over, as {@code rate(...[5s])} would: the engine adds a
     * second's values to its buckets once a second, so two scrapes a second apart may see none.
     */
    private static final int QUANTILE_WINDOW = 5;
    private static final int WIDTH = 1000;
    private static final int PANEL_HEIGHT = 210;
    private static final int LEFT = 90;
    private static final int RIGHT = 30;
    private static final int TOP = 55;
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c)};

    private MetricsTimeline() {
    }

    public static void main(final String[] arguments) throws Exception {
        String rates = "500,1000,2000,4000";
        String seconds = "10";
        Path out = Path.of("benchmarks", "results");
        for (int i = 0; i + 1 < arguments.length; i += 2) {
            switch (arguments[i]) {
                case "--rates" -> rates = arguments[i + 1];
                case "--seconds" -> seconds = arguments[i + 1];
                case "--out" -> out = Path.of(arguments[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + arguments[i]
                    + " (known: --rates, --seconds, --out)");
            }
        }
        Files.createDirectories(out);
        final Path data = Files.createTempDirectory("cardgate-metrics-timeline-");
        final List<MetricsScrape> scrapes = new CopyOnWriteArrayList<>();
        final EngineConfiguration configuration = EngineConfiguration.builder().dataDirectory(data.resolve("data"))
            .blocklistCapacity(10_000).frontEnd(frontEnd -> frontEnd.port(0)).build();
        try (AuthorizationEngine engine = AuthorizationEngine.launch(configuration);
             FrontEnd frontEnd = FrontEnd.start(engine);
             MetricsHttpEndpoint endpoint = MetricsHttpEndpoint.start("127.0.0.1", 0, engine.counters(),
                 new EngineReadiness(engine, frontEnd))) {
            final CardMix mix = new CardMix(0.05, 0.05, 0);
            for (int k = 0; k < CardMix.BLOCKED_CARDS; k++) {
                engine.blocklist().add(mix.blockedPan(k), BlockReason.STOLEN, BlocklistEntry.NO_EXPIRY, "LOAD");
            }
            final String url = endpoint.url() + "/metrics";
            final HttpClient http = HttpClient.newHttpClient();
            scrapes.add(scrape(http, url));        // before the load, and again after it: the series spans the run
            final AtomicBoolean running = new AtomicBoolean(true);
            final Thread scraper = new Thread(() -> scrapeEachSecond(http, url, scrapes, running),
                "metrics-timeline-scraper");
            scraper.start();
            LoadGenerator.main(new String[] {"--target", "127.0.0.1:" + frontEnd.localAddress().getPort(), "--connections", "4",
                "--rates", rates, "--seconds", seconds, "--warmup-seconds", "0", "--blocked-share", "0.05",
                "--invalid-share", "0.05", "--out", data.resolve("load").toString()});
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2 * SCRAPE_MILLIS));
            running.set(false);
            scraper.join();
            scrapes.add(scrape(http, url));
        }
        final List<double[]> series = series(scrapes);
        writeTsv(out.resolve("metrics-over-load.tsv"), series);
        ImageIO.write(render(series, "cardgate /metrics over a load run: offered " + rates + " requests/s, "
            + seconds + " s each", "4 connections, 5% blocked and 5% invalid cards, scraped each second"), "png",
            out.resolve("metrics-over-load.png").toFile());
        System.out.println("wrote " + out.resolve("metrics-over-load.png") + " from " + scrapes.size() + " scrapes");
    }

    private static void scrapeEachSecond(final HttpClient http, final String url, final List<MetricsScrape> scrapes,
        final AtomicBoolean running) {
        long next = System.currentTimeMillis() + SCRAPE_MILLIS;
        while (running.get()) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(Math.max(0, next - System.currentTimeMillis())));
            next += SCRAPE_MILLIS;
            try {
                scrapes.add(scrape(http, url));
            }
            catch (final IOException failure) {
                System.err.println("scrape failed: " + failure);
            }
            catch (final InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static MetricsScrape scrape(final HttpClient http, final String url) throws IOException, InterruptedException {
        final String body = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        return MetricsScrape.parse(body, System.currentTimeMillis());
    }

    /** Columns: seconds, answers/s, declines/s, p50 ms, p99 ms, ring occupancy, heap MB. */
    static List<double[]> series(final List<MetricsScrape> scrapes) {
        final List<double[]> rows = new ArrayList<>();
        final Map<String, String> roundTrip = Map.of("stage", "round-trip");
        for (int i = 1; i < scrapes.size(); i++) {
            final MetricsScrape before = scrapes.get(i - 1);
            final MetricsScrape after = scrapes.get(i);
            final MetricsScrape windowStart = scrapes.get(Math.max(0, i - QUANTILE_WINDOW));
            final double seconds = (after.atMillis() - before.atMillis()) / 1e3;
            rows.add(new double[] {
                (after.atMillis() - scrapes.get(0).atMillis()) / 1e3,
                (after.value("cardgate_requests_total") - before.value("cardgate_requests_total")) / seconds,
                (after.value("cardgate_declines_by_code_total") - before.value("cardgate_declines_by_code_total")) / seconds,
                1e3 * MetricsScrape.quantile(0.5, windowStart.buckets("cardgate_latency_seconds", roundTrip),
                    after.buckets("cardgate_latency_seconds", roundTrip)),
                1e3 * MetricsScrape.quantile(0.99, windowStart.buckets("cardgate_latency_seconds", roundTrip),
                    after.buckets("cardgate_latency_seconds", roundTrip)),
                after.value("cardgate_ring_occupancy"),
                after.sum("jvm_memory_used_bytes", Map.of("area", "heap")) / (1 << 20)});
        }
        return rows;
    }

    private static void writeTsv(final Path file, final List<double[]> rows) throws IOException {
        final StringBuilder text = new StringBuilder("seconds\tanswers_per_s\tdeclines_per_s\tround_trip_p50_ms"
            + "\tround_trip_p99_ms\tring_occupancy\theap_mb\n");
        for (final double[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                text.append(c == 0 ? "" : "\t").append(String.format(Locale.ROOT, "%.3f", row[c]));
            }
            text.append('\n');
        }
        Files.writeString(file, text);
    }

    private static BufferedImage render(final List<double[]> rows, final String title, final String subtitle) {
        final String[][] panels = {
            {"answers and declines per second (rate of the counters)", "answers/s", "declines/s"},
            {"round trip, ms (histogram_quantile over the buckets' increase in the last 5 s)", "p50", "p99"},
            {"ring occupancy (gauge)", "requests in the ring"},
            {"JVM heap in use, MB (jvm_memory_used_bytes)", "heap"}};
        final int[][] columns = {{1, 2}, {3, 4}, {5}, {6}};
        final int height = TOP + panels.length * PANEL_HEIGHT + 30;
        final BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, LEFT - 60, 20);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(subtitle, LEFT - 60, 38);
        final double lastSecond = rows.isEmpty() ? 1 : rows.get(rows.size() - 1)[0];
        for (int p = 0; p < panels.length; p++) {
            drawPanel(g, rows, panels[p], columns[p], TOP + p * PANEL_HEIGHT, lastSecond);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString("seconds since the first scrape", WIDTH / 2 - 80, height - 8);
        g.dispose();
        return image;
    }

    private static void drawPanel(final Graphics2D g, final List<double[]> rows, final String[] labels,
        final int[] columns, final int top, final double lastSecond) {
        final int plotTop = top + 22;
        final int plotHeight = PANEL_HEIGHT - 50;
        final int plotWidth = WIDTH - LEFT - RIGHT;
        double max = 0;
        for (final double[] row : rows) {
            for (final int c : columns) {
                max = Double.isNaN(row[c]) ? max : Math.max(max, row[c]);
            }
        }
        max = max <= 0 ? 1 : max * 1.1;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        g.setColor(Color.BLACK);
        g.drawString(labels[0], LEFT, top + 14);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int tick = 0; tick <= 4; tick++) {
            final int y = plotTop + plotHeight - tick * plotHeight / 4;
            g.setColor(new Color(0xdddddd));
            g.drawLine(LEFT, y, LEFT + plotWidth, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, max * tick / 4 >= 100 ? "%.0f" : "%.2f", max * tick / 4),
                8, y + 4);
        }
        for (int second = 0; second <= lastSecond; second += 10) {
            final int x = LEFT + (int)(second / lastSecond * plotWidth);
            g.setColor(Color.DARK_GRAY);
            g.drawString(Integer.toString(second), x - 6, plotTop + plotHeight + 14);
        }
        g.setColor(Color.GRAY);
        g.drawRect(LEFT, plotTop, plotWidth, plotHeight);
        for (int s = 0; s < columns.length; s++) {
            final Path2D.Double line = new Path2D.Double();
            boolean drawing = false;
            for (final double[] row : rows) {
                final double value = row[columns[s]];
                if (Double.isNaN(value)) {
                    drawing = false;
                    continue;
                }
                final double x = LEFT + row[0] / lastSecond * plotWidth;
                final double y = plotTop + plotHeight - value / max * plotHeight;
                if (drawing) {
                    line.lineTo(x, y);
                }
                else {
                    line.moveTo(x, y);
                    drawing = true;
                }
            }
            g.setColor(COLOURS[s]);
            g.setStroke(new BasicStroke(2f));
            g.draw(line);
            g.setStroke(new BasicStroke(1f));
            g.fillRect(LEFT + plotWidth - 160, top + 4 + 14 * s, 10, 10);
            g.drawString(labels[s + 1], LEFT + plotWidth - 145, top + 13 + 14 * s);
        }
    }
}
