package dev.cardgate.engine.config;

import java.util.List;
import java.util.Map;

/**
 * The {@code metrics.http.*} and {@code log.format} settings: whether {@code cardgate serve}
 * starts the HTTP endpoint ({@code /metrics}, {@code /health}), where it listens, and how log
 * lines are written. Immutable, validated with the rest of the configuration.
 */
public final class ObservabilitySettings {
    private final boolean metricsHttpEnabled;
    private final String metricsHttpAddress;
    private final int metricsHttpPort;
    private final LogFormat logFormat;

    private ObservabilitySettings(final Builder builder) {
        metricsHttpEnabled = builder.metricsHttpEnabled;
        metricsHttpAddress = builder.metricsHttpAddress;
        metricsHttpPort = builder.metricsHttpPort;
        logFormat = builder.logFormat;
    }

    /** True when {@code serve} starts the HTTP endpoint; off by default. */
    public boolean metricsHttpEnabled() {
        return metricsHttpEnabled;
    }

    /** The address the HTTP endpoint listens on; loopback by default. */
    public String metricsHttpAddress() {
        return metricsHttpAddress;
    }

    /** Its port; 0 picks a free one. */
    public int metricsHttpPort() {
        return metricsHttpPort;
    }

    public LogFormat logFormat() {
        return logFormat;
    }

    void describeInto(final StringBuilder text, final Map<ConfigurationKey, String> sources) {
        JournalSettings.line(text, sources, ConfigurationKey.METRICS_HTTP_ENABLED, Boolean.toString(metricsHttpEnabled));
        JournalSettings.line(text, sources, ConfigurationKey.METRICS_HTTP_ADDRESS, metricsHttpAddress);
        JournalSettings.line(text, sources, ConfigurationKey.METRICS_HTTP_PORT, Integer.toString(metricsHttpPort));
        JournalSettings.line(text, sources, ConfigurationKey.LOG_FORMAT, logFormat.configName());
    }

    /** Collects the settings; validated by {@link EngineConfiguration.Builder#build()}. */
    public static final class Builder {
        private final Map<ConfigurationKey, String> sources;
        private boolean metricsHttpEnabled = Boolean.parseBoolean(ConfigurationKey.METRICS_HTTP_ENABLED.defaultValue());
        private String metricsHttpAddress = ConfigurationKey.METRICS_HTTP_ADDRESS.defaultValue();
        private int metricsHttpPort = Integer.parseInt(ConfigurationKey.METRICS_HTTP_PORT.defaultValue());
        private LogFormat logFormat = LogFormat.fromConfigName(ConfigurationKey.LOG_FORMAT.defaultValue());

        Builder(final Map<ConfigurationKey, String> sources) {
            this.sources = sources;
        }

        public Builder metricsHttpEnabled(final boolean enabled) {
            this.metricsHttpEnabled = enabled;
            return source(ConfigurationKey.METRICS_HTTP_ENABLED);
        }

        public Builder metricsHttpAddress(final String address) {
            this.metricsHttpAddress = address;
            return source(ConfigurationKey.METRICS_HTTP_ADDRESS);
        }

        public Builder metricsHttpPort(final int port) {
            this.metricsHttpPort = port;
            return source(ConfigurationKey.METRICS_HTTP_PORT);
        }

        public Builder logFormat(final LogFormat format) {
            this.logFormat = format;
            return source(ConfigurationKey.LOG_FORMAT);
        }

        private Builder source(final ConfigurationKey key) {
            sources.putIfAbsent(key, "set in code");
            return this;
        }

        void validate(final List<String> problems) {
            if (metricsHttpAddress == null || !metricsHttpAddress.matches("[A-Za-z0-9.:_%\\[\\]-]+")) {
                problems.add(problem(ConfigurationKey.METRICS_HTTP_ADDRESS, metricsHttpAddress,
                    "an IP address or host name, e.g. 127.0.0.1"));
            }
            if (metricsHttpPort < 0 || metricsHttpPort > 65_535) {
                problems.add(problem(ConfigurationKey.METRICS_HTTP_PORT, metricsHttpPort,
                    "a port from 0 (any free port) to 65535"));
            }
            if (logFormat == null) {
                problems.add(problem(ConfigurationKey.LOG_FORMAT, null, "keyvalue or json"));
            }
        }

        ObservabilitySettings build() {
            return new ObservabilitySettings(this);
        }

        private String problem(final ConfigurationKey key, final Object value, final String allowed) {
            return key.key() + " = " + value + " (" + sources.getOrDefault(key, "default") + "): allowed is " + allowed;
        }
    }
}
