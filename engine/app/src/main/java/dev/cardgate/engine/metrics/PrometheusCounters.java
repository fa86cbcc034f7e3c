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

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * The engine's counters as Prometheus metrics, read at each scrape: a family of counters with
 * the same name becomes one metric with their dimensions as labels. Totals become counters
 * ({@code cardgate_requests_total}), the rest gauges; latency percentiles are exposed in
 * seconds, {@code cardgate_latency_seconds{stage="decision",quantile="0.99"}}. A counter declared
 * by a {@link CounterDescriptor} has its description as its help text.
 *
 * <p>Threading: the HTTP server's threads; it only reads the counters. Allocates per scrape.
 */
public final class PrometheusCounters implements MultiCollector {
    private static final double NANOS_PER_SECOND = 1e9;

    private final CounterRegistry counters;

    /** @param counters the engine's: read through its reader, described by its descriptors */
    public PrometheusCounters(final CounterRegistry counters) {
        this.counters = counters;
    }

    @Override
    public MetricSnapshots collect() {
        final Map<String, List<CounterValue>> families = new LinkedHashMap<>();
        for (final CounterValue value : CounterValue.readAll(counters.reader())) {
            families.computeIfAbsent(CounterLabel.parse(value.label()).name(), name -> new ArrayList<>()).add(value);
        }
        final List<MetricSnapshot> snapshots = new ArrayList<>();
        families.forEach((name, values) -> snapshots.add(snapshot(name, values, help(name, values.get(0)))));
        return new MetricSnapshots(snapshots);
    }

    /** A declared counter's description; "cardgate counter" and its name for the rest. */
    private String help(final String name, final CounterValue first) {
        final CounterDescriptor descriptor = counters.descriptorOf(first.id());
        if (descriptor != null) {
            return descriptor.description();
        }
        final String kind = first.typeId() == CounterTypes.LATENCY_NANOS ? "latency over the last second, "
            : first.typeId() == CounterTypes.TOTAL ? "counter " : "gauge ";
        return "cardgate " + kind + name;
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
        final boolean nanos = typeId == CounterTypes.LATENCY_NANOS;
        final GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(metricName(name) + (nanos ? "_seconds" : ""))
            .help(help);
        for (final CounterValue value : values) {
            gauge.dataPoint(GaugeDataPointSnapshot.builder().labels(labels(value))
                .value(nanos ? value.value() / NANOS_PER_SECOND : value.value()).build());
        }
        return gauge.build();
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
