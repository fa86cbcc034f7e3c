package dev.cardgate.engine.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cardgate.engine.counters.CounterDescriptor;
import dev.cardgate.engine.counters.CounterLabel;
import dev.cardgate.engine.counters.CounterRegistry;
import dev.cardgate.engine.counters.CounterTypes;
import dev.cardgate.engine.counters.CounterValue;
import dev.cardgate.engine.counters.LatencyBuckets;
import dev.cardgate.engine.counters.StageLatency;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * The engine's counters and latency as Prometheus metrics, read at each scrape. A family of
 * counters with one name becomes one metric with their dimensions as labels; totals are
 * counters ({@code cardgate_requests_total}), gauges gauges, the heartbeat a timestamp in
 * seconds ({@code cardgate_heartbeat_seconds}); each stage's latency is a classic histogram in
 * seconds, {@code cardgate_latency_seconds{stage="round-trip"}}, cumulative since launch from the
 * stage's {@link LatencyBuckets}. The per-second percentiles of the counters file (what {@code
 * cardgate stat} shows) are left out: a scrape every 15 s would see a fifteenth of the traffic,
 * and percentiles cannot be summed across instances. Help texts are the descriptors'
 * descriptions, else {@link UndeclaredCounterHelp}'s.
 *
 * <p>Threading: the HTTP server's threads; it only reads the counters. Allocates per scrape.
 */
public final class PrometheusCounters implements MultiCollector {
    static final String LATENCY = "cardgate_latency_seconds";
    static final String HEARTBEAT = "cardgate_heartbeat_seconds";
    private static final double MILLIS_PER_SECOND = 1e3;

    private final CounterRegistry counters;

    /** @param counters the engine's: read through its reader, described by its descriptors */
    public PrometheusCounters(final CounterRegistry counters) {
        this.counters = counters;
    }

    @Override
    public MetricSnapshots collect() {
        final Map<String, List<CounterValue>> families = new LinkedHashMap<>();
        for (final CounterValue value : CounterValue.readAll(counters.reader())) {
            if (value.typeId() != CounterTypes.LATENCY_NANOS && value.typeId() != CounterTypes.LATENCY_COUNT) {
                families.computeIfAbsent(CounterLabel.parse(value.label()).name(), name -> new ArrayList<>()).add(value);
            }
        }
        final List<MetricSnapshot> snapshots = new ArrayList<>();
        families.forEach((name, values) -> snapshots.add(snapshot(name, values, help(name, values.get(0)))));
        snapshots.add(latency(counters.latency().stages()));
        return new MetricSnapshots(snapshots);
    }

    /** A declared counter's description, else the one for its family. */
    private String help(final String name, final CounterValue first) {
        final CounterDescriptor descriptor = counters.descriptorOf(first.id());
        return descriptor != null ? descriptor.description() : UndeclaredCounterHelp.of(name, first.typeId());
    }

    private static MetricSnapshot snapshot(final String name, final List<CounterValue> values, final String help) {
        final int typeId = values.get(0).typeId();
        if (typeId == CounterTypes.TOTAL) {
            final CounterSnapshot.Builder counter = CounterSnapshot.builder().name(metricName(name)).help(help);
            for (final CounterValue value : values) {
                counter.dataPoint(CounterDataPointSnapshot.builder().labels(labels(value)).value(value.value())
                    .build());
            }
            return counter.build();
        }
        if (typeId == CounterTypes.HEARTBEAT) {
            final long millis = values.get(0).value();
            return GaugeSnapshot.builder().name(HEARTBEAT).unit(Unit.SECONDS).help(help)
                .dataPoint(GaugeDataPointSnapshot.builder()
                    .value(millis < 0 ? millis : millis / MILLIS_PER_SECOND).build())
                .build();
        }
        final GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(metricName(name)).help(help);
        for (final CounterValue value : values) {
            gauge.dataPoint(GaugeDataPointSnapshot.builder().labels(labels(value)).value(value.value()).build());
        }
        return gauge.build();
    }

    private static MetricSnapshot latency(final List<StageLatency> stages) {
        final HistogramSnapshot.Builder histogram = HistogramSnapshot.builder().name(LATENCY).unit(Unit.SECONDS)
            .help("latency of each stage of the pipeline since launch (decision: the checks; journal: a record's"
                + " append to its batch's end, sync included; round-trip: a request's ring slot claimed to its answer"
                + " written), to HdrHistogram's 3 significant digits");
        final int bounds = LatencyBuckets.boundCount();
        final double[] upperBounds = new double[bounds + 1];
        for (int i = 0; i < bounds; i++) {
            upperBounds[i] = LatencyBuckets.upperBoundSeconds(i);
        }
        upperBounds[bounds] = Double.POSITIVE_INFINITY;
        for (final StageLatency stage : stages) {
            final LatencyBuckets buckets = stage.sinceLaunch();
            final double sum = buckets.sumSeconds();
            final long[] perBucket = new long[bounds + 1];
            long below = 0;
            for (int i = 0; i < bounds; i++) {
                final long cumulative = buckets.countAtOrUnder(i);
                perBucket[i] = cumulative - below;
                below = cumulative;
            }
            perBucket[bounds] = Math.max(0, buckets.count() - below);
            histogram.dataPoint(HistogramDataPointSnapshot.builder()
                .classicHistogramBuckets(ClassicHistogramBuckets.of(upperBounds, perBucket))
                .sum(sum)
                .labels(Labels.of("stage", stage.stage()))
                .build());
        }
        return histogram.build();
    }

    /** "journal.sync-lag" is {@code cardgate_journal_sync_lag}. */
    static String metricName(final String counterName) {
        return "cardgate_" + counterName.replace('.', '_').replace('-', '_');
    }

    private static Labels labels(final CounterValue value) {
        final Map<String, String> dimensions = CounterLabel.parse(value.label()).dimensions();
        return dimensions.isEmpty() ? Labels.EMPTY
            : Labels.of(new ArrayList<>(dimensions.keySet()), new ArrayList<>(dimensions.values()));
    }
}
