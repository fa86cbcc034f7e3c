package dev.cardgate.engine.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * {@code cardgate_build_info{version="0.1.0-SNAPSHOT",commit="…"} 1}: what is running, for
 * dashboards and for joining with other metrics ({@code * on(instance) group_left(version)}).
 * The values are the build's ({@code cardgate-build.properties}, filtered by Maven from the pom's
 * version and the commit {@code git rev-parse} gave at build time; "unknown" when git was not
 * there).
 */
final class BuildInfo implements MultiCollector {
    static final String RESOURCE = "/cardgate-build.properties";
    static final String UNKNOWN = "unknown";

    private final String version;
    private final String commit;

    BuildInfo(final String version, final String commit) {
        this.version = version;
        this.commit = commit;
    }

    /** The build's values, read from the class path. */
    static BuildInfo ofThisBuild() {
        final Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        }
        catch (final IOException failure) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from the cardgate jar", failure);
        }
        return new BuildInfo(valueOf(properties, "version"), valueOf(properties, "commit"));
    }

    String version() {
        return version;
    }

    String commit() {
        return commit;
    }

    @Override
    public MetricSnapshots collect() {
        return MetricSnapshots.of(InfoSnapshot.builder().name("cardgate_build")
            .help("the cardgate build that runs: its version and commit (the value is always 1)")
            .dataPoint(InfoDataPointSnapshot.builder().labels(Labels.of("version", version, "commit", commit)).build())
            .build());
    }

    /** A value Maven left unfiltered (no git at build time) is unknown. */
    private static String valueOf(final Properties properties, final String key) {
        final String value = properties.getProperty(key, "").strip();
        return value.isEmpty() || value.startsWith("${") ? UNKNOWN : value;
    }
}
