package dev.cardgate.engine.config;

import java.util.List;

/**
 * The {@code metrics.http.*} and {@code log.format} settings, declared here: whether {@code
 * cardgate serve} starts the HTTP endpoint ({@code /metrics}, {@code /health}), where it
 * listens, and how log lines are written. Immutable, validated with the rest of the configuration.
 */
public final class ObservabilityConfiguration {
    public static final SettingGroup SETTINGS = new SettingGroup("Metrics endpoint and logs");
    public static final Setting<Boolean> METRICS_HTTP_ENABLED = SETTINGS.add("metrics.http.enabled",
        SettingTypes.bool(), false, "`true`: `cardgate serve` also serves `/metrics` (Prometheus text format) and `/health` "
            + "over HTTP (docs/observability.md). The counters file and `cardgate stat` work either "
            + "way.");
    public static final Setting<String> METRICS_HTTP_ADDRESS = SETTINGS.add("metrics.http.address",
        SettingTypes.text(BindAddress.PATTERN, "an IP address or host name, e.g. 127.0.0.1"), "127.0.0.1",
        "The address the HTTP endpoint listens on: loopback unless widened on purpose (it has no "
            + "authentication).");
    public static final Setting<Integer> METRICS_HTTP_PORT = SETTINGS.add("metrics.http.port",
        SettingTypes.integer(0, 65_535, "a port from 0 (any free port) to 65535"), 9583, "0 to 65535: the HTTP endpoint's port; 0 picks a free one (printed at start).");
    public static final Setting<LogFormat> LOG_FORMAT = SETTINGS.add("log.format",
        SettingTypes.choice(LogFormat::fromConfigName, LogFormat::configName, "keyvalue or json"),
        LogFormat.KEYVALUE, "How `cardgate serve` writes each log line: `keyvalue` (`time=… level=… logger=… "
            + "message=\"…\"`) or `json` (one object per line). Card numbers are masked in either.");

    private final SettingValues values;

    ObservabilityConfiguration(final SettingValues values) {
        this.values = values;
    }

    /** True when {@code serve} starts the HTTP endpoint; off by default. */
    public boolean metricsHttpEnabled() {
        return values.get(METRICS_HTTP_ENABLED);
    }

    /** The address the HTTP endpoint listens on; loopback by default. */
    public String metricsHttpAddress() {
        return values.get(METRICS_HTTP_ADDRESS);
    }

    /** Its port; 0 picks a free one. */
    public int metricsHttpPort() {
        return values.get(METRICS_HTTP_PORT);
    }

    public LogFormat logFormat() {
        return values.get(LOG_FORMAT);
    }

    /** Sets these settings in code; validated by {@link EngineConfiguration.Builder#build()}. */
    public static final class Builder {
        private final SettingValues values;

        Builder(final SettingValues values) {
            this.values = values;
        }

        private <T> Builder set(final Setting<T> setting, final T value) {
            values.set(setting, value, "set in code");
            return this;
        }

        public Builder metricsHttpEnabled(final boolean enabled) {
            return set(METRICS_HTTP_ENABLED, enabled);
        }

        public Builder metricsHttpAddress(final String address) {
            return set(METRICS_HTTP_ADDRESS, address);
        }

        public Builder metricsHttpPort(final int port) {
            return set(METRICS_HTTP_PORT, port);
        }

        public Builder logFormat(final LogFormat format) {
            return set(LOG_FORMAT, format);
        }

        /** The endpoint's address must be one this host can listen on, when the endpoint is on. */
        void validateTogether(final List<String> problems) {
            if (values.get(METRICS_HTTP_ENABLED)) {
                BindAddress.check(values, METRICS_HTTP_ADDRESS, problems);
            }
        }
    }
}
